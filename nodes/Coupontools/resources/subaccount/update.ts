import type { INodeProperties } from 'n8n-workflow';

import { includeApiCredentialsField, subaccountDetailFields, subaccountLocator } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['update'] } };

export const subaccountUpdateFields: INodeProperties[] = [
	subaccountLocator(displayOptions),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: subaccountDetailFields(true),
	},
	includeApiCredentialsField(displayOptions),
];
