import type { INodeProperties } from 'n8n-workflow';

import { v4LoyaltyCardLocator, v4LoyaltyUserFields } from './v4';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['addManyUsers'] } };

/**
 * The same fields as Add User, filled per input item: each item is one user, and the items travel to
 * Coupontools in bulk calls (see the operation in index.ts).
 */
export const loyaltyCardAddManyUsersFields: INodeProperties[] = [
	{
		displayName:
			'Each input item adds one user. Items are sent 100 per call; every item gets its own result.',
		name: 'addManyUsersNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	v4LoyaltyCardLocator(displayOptions),
	...v4LoyaltyUserFields(displayOptions),
];
