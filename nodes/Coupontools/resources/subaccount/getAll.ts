import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { includeApiCredentialsField } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['getAll'] } };

// The list endpoint takes no parameters and is not paged: Limit trims the one answer.
export const subaccountGetAllFields: INodeProperties[] = [
	...returnAllAndLimit(displayOptions, 'unpaged'),
	includeApiCredentialsField(displayOptions),
];
