import type { INodeProperties } from 'n8n-workflow';

import { subaccountLocator } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['createResetUrl'] } };

export const subaccountCreateResetUrlFields: INodeProperties[] = [
	subaccountLocator(displayOptions),
];
