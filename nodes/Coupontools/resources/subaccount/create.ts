import type { INodeProperties } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { includeApiCredentialsField, subaccountDetailFields } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['create'] } };

export const subaccountCreateFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'subaccountEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. owner@acme.example',
		description: 'The login email of the new subaccount (must not be used by another subaccount)',
		displayOptions,
		routing: { send: { type: 'body', property: 'email' } },
	},
	// Top-level switches come before the optional collection (n8n's UX guidelines).
	includeApiCredentialsField(displayOptions),
	collectionField({
		displayName: 'Additional Fields',
		name: 'subaccountFields',
		displayOptions,
		options: subaccountDetailFields(false),
	}),
];
