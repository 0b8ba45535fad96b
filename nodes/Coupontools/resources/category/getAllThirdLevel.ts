import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';

// The list takes no parameters and is not paged: Limit trims the one answer.
export const categoryGetAllThirdLevelFields: INodeProperties[] = returnAllAndLimit(
	{ show: { resource: ['category'], operation: ['getAllThirdLevel'] } },
	'unpaged',
);
