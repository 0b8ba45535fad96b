import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';

// The list is answered in one piece (no paging documented): Limit only trims it.
export const directoryGetAllFields: INodeProperties[] = returnAllAndLimit(
	{ show: { resource: ['directory'], operation: ['getAll'] } },
	'unpaged',
);
