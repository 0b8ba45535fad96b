import type { INodeProperties } from 'n8n-workflow';

import { loyaltyCardLocator } from './shared';

export const loyaltyCardGetFields: INodeProperties[] = [
	loyaltyCardLocator({ show: { resource: ['loyaltyCard'], operation: ['get'] } }),
];
