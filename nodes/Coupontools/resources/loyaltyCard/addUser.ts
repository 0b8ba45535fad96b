import type { INodeProperties } from 'n8n-workflow';

import { v4LoyaltyCardLocator, v4LoyaltyUserFields } from './v4';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['addUser'] } };

export const loyaltyCardAddUserFields: INodeProperties[] = [
	v4LoyaltyCardLocator(displayOptions),
	...v4LoyaltyUserFields(displayOptions),
];
