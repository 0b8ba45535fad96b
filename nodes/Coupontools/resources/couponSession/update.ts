import type { INodeProperties } from 'n8n-workflow';

import { sessionCodeField, updateActionFields } from './shared';

const displayOptions = { show: { resource: ['couponSession'], operation: ['update'] } };

export const couponSessionUpdateFields: INodeProperties[] = [
	sessionCodeField(displayOptions),
	...updateActionFields(displayOptions),
];
