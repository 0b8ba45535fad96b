import type { INodeProperties } from 'n8n-workflow';

import { includeApiCredentialsField, subaccountLocator } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['get'] } };

export const subaccountGetFields: INodeProperties[] = [
	subaccountLocator(displayOptions),
	includeApiCredentialsField(displayOptions),
];
