import type { INodeProperties } from 'n8n-workflow';

import { includeApiCredentialsField, subaccountDetailFields, subaccountLocator } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['update'] } };

export const subaccountUpdateFields: INodeProperties[] = [
	subaccountLocator(displayOptions),
	// Top-level switches come before the optional collection (n8n's UX guidelines).
	includeApiCredentialsField(displayOptions),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: subaccountDetailFields(true),
	},
];
