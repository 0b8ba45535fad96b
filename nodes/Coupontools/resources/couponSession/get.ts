import type { INodeProperties } from 'n8n-workflow';

import { sessionCodeField } from './shared';

export const couponSessionGetFields: INodeProperties[] = [
	sessionCodeField({ show: { resource: ['couponSession'], operation: ['get'] } }),
];
