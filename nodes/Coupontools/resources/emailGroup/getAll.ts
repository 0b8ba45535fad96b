import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';

// The group list takes no parameters and is not paged: Limit trims the one answer.
export const emailGroupGetAllFields: INodeProperties[] = returnAllAndLimit(
	{ show: { resource: ['emailGroup'], operation: ['getAll'] } },
	'unpaged',
);
