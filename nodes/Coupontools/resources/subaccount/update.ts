import type { INodeProperties } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { includeApiCredentialsField, subaccountDetailFields, subaccountLocator } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['update'] } };

export const subaccountUpdateFields: INodeProperties[] = [
	subaccountLocator(displayOptions),
	// Top-level switches come before the optional collection (n8n's UX guidelines).
	includeApiCredentialsField(displayOptions),
	collectionField({
		displayName: 'Update Fields',
		name: 'updateFields',
		displayOptions,
		options: subaccountDetailFields(true),
	}),
];
