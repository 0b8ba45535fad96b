import type { INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['addManyUsers'] } };

/**
 * Add Many Users has the fields of Add User (addUser.ts), filled per input item: each item is one user,
 * and the items travel to Coupontools in bulk calls (the operation's policy in index.ts).
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
];
