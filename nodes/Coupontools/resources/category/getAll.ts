import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';

// The list takes no parameters and is not paged: Limit trims the one answer.
export const categoryGetAllFields: INodeProperties[] = returnAllAndLimit(
	{ show: { resource: ['category'], operation: ['getAll'] } },
	'unpaged',
);
