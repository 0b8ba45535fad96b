import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { loyaltyCardLocator } from './shared';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['getUsers'] } };

export const loyaltyCardGetUsersFields: INodeProperties[] = [
	loyaltyCardLocator(displayOptions),
	// Paging is not documented for this list: the shared pager asks page 1, 2, … and stops at a short,
	// empty or repeated page, so it also works if the API answers everything at once.
	...returnAllAndLimit(displayOptions),
];
