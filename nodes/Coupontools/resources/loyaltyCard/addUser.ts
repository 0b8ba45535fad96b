import type { INodeProperties } from 'n8n-workflow';

import { v4LoyaltyUserFields } from './v4';

/**
 * The user's fields, shared by Add User and Add Many Users (one property each, shown for both: Add Many
 * Users runs over thousands of items, where a namesake would cost an expression evaluation per item).
 */
export const loyaltyCardAddUserFields: INodeProperties[] = v4LoyaltyUserFields({
	show: { resource: ['loyaltyCard'], operation: ['addUser', 'addManyUsers'] },
});
