import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { fillPathIds } from '../../shared/path';
import type { RequestPolicy } from '../../shared/requestLoop';
import { requestLoop } from '../../shared/requestLoop';
import {
	CARD_COPY_NAME,
	LOYALTY_USER_SEARCH,
	V4_LOYALTY_CARD_ID,
	V4_LOYALTY_USER_ID,
} from '../../shared/validation';
import { loyaltyCardAddManyUsersFields } from './addManyUsers';
import { loyaltyCardAddUserFields } from './addUser';
import { loyaltyCardCopyFields } from './copy';
import { loyaltyCardCreateUserFields } from './createUser';
import { loyaltyCardGetFields } from './get';
import { loyaltyCardGetAllFields } from './getAll';
import { loyaltyCardGetManyUsersFields } from './getManyUsers';
import { loyaltyCardGetUserFields } from './getUser';
import { loyaltyCardGetUsersFields } from './getUsers';
import { loyaltyCardLinkUserFields } from './linkUser';
import { loyaltyCardSearchUsersFields } from './searchUsers';
import { loyaltyCardSendPushFields, loyaltyCardSendPushToAllFields } from './sendPush';
import { LOYALTY_CARD_LIST_KEYS, LOYALTY_USER_LIST_KEYS } from './shared';
import { loyaltyCardUpdateUserFields } from './updateUser';
import { loyaltyCardIdField } from './v4';

/** Users per page of Get Many Users, and per bulk call of Add Many Users (README, "Endpoints not confirmed…"). */
const CARD_USERS_PAGE_SIZE = 100;
const CARD_USERS_PER_BULK_CALL = 100;

/**
 * A call on a card's REST path (https://docs.coupontools.com/api/v4/loyalty): the card (and user) IDs go
 * into the path (shared/path.ts), the answer is bare JSON, one item per record.
 */
function cardCall(
	method: 'GET' | 'POST',
	path: string,
	policy: RequestPolicy,
	qs?: IDataObject,
): INodeProperties['routing'] {
	const pathIds: RequestPolicy['pathIds'] = { loyaltyCardId: V4_LOYALTY_CARD_ID };
	if (path.includes('{loyaltyCardUserId}')) pathIds.loyaltyCardUserId = V4_LOYALTY_USER_ID;
	return {
		request: {
			method,
			url: `/v4/loyalty/loyalty-cards/{loyaltyCardId}${path}`,
			...(qs ? { qs } : {}),
		},
		send: { preSend: method === 'POST' ? [fillPathIds, dropEmptyBodyFields] : [fillPathIds] },
		operations: { pagination: requestLoop({ ...policy, pathIds }) },
		output: { postReceive: [coupontoolsOutput()] },
	};
}

/**
 * Loyalty cards. Most operations use the v3 RPC endpoints, whose answer shapes are not documented: lists
 * are read from the candidate keys in shared.ts, single records from the key named here, else passed
 * through. Copy and the operations on a card's users (Add User, Add Many Users, Get User, Get Many Users)
 * use the REST endpoints, which answer bare JSON. Get Many stays on the v3 list for its filters; the REST
 * list of cards feeds the picker of the REST operations (listSearch/searchV4LoyaltyCards.ts).
 */
export const loyaltyCardDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['loyaltyCard'] } },
		default: 'getAll',
		// An action with a hyphen or punctuation is a template literal: n8n's sentence-case lint compares it with
		// sentenceCase(), which drops punctuation. test/actionNames.test.ts checks the case of every action.
		options: [
			{
				name: 'Add Many Users',
				value: 'addManyUsers',
				action: 'Add many users to a loyalty card',
				description:
					'Add one user per input item to a loyalty card, 100 per call, each item with its own result',
				routing: cardCall('POST', '/stats/bulk', {
					batch: { param: 'users', size: CARD_USERS_PER_BULK_CALL },
				}),
			},
			{
				name: 'Add User',
				value: 'addUser',
				action: 'Add a user to a loyalty card',
				description:
					'Create a user straight on a loyalty card (no password needed), with name, address, contact and custom fields',
				routing: cardCall('POST', '/stats', {}),
			},
			{
				name: 'Copy',
				value: 'copy',
				action: 'Copy a loyalty card',
				description: 'Create a new loyalty card with the settings of an existing one',
				routing: cardCall('POST', '/copy', { rules: { name: CARD_COPY_NAME } }),
			},
			{
				name: 'Create User',
				value: 'createUser',
				action: 'Create a loyalty user with a password',
				// The documented create call takes no card: Link User puts the new user on a card.
				description: 'Create a loyalty user account; put it on a card with Link User',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/create' },
					operations: { pagination: requestLoop({}) },
					send: { preSend: [dropEmptyBodyFields] },
					output: { postReceive: [coupontoolsOutput({ object: 'user' })] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a loyalty card',
				description: 'Retrieve one loyalty card',
				routing: {
					request: { method: 'POST', url: '/v3/loyalty/info' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ object: 'loyaltycard' })] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many loyalty cards',
				description: 'Retrieve the loyalty cards of the account',
				routing: {
					request: { method: 'POST', url: '/v3/loyalty/list' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: LOYALTY_CARD_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Many Users',
				value: 'getManyUsers',
				action: 'Get many users of a loyalty card',
				description:
					'Retrieve users of a loyalty card with their balances, filtered by their fields, voided users on request',
				routing: cardCall(
					'GET',
					'/stats',
					{ repeatable: true, pages: { in: 'qs', path: ['pagination', 'page'] } },
					{ pagination: { per_page: CARD_USERS_PAGE_SIZE } },
				),
			},
			{
				name: 'Get Many Users (V3 API)',
				value: 'getUsers',
				action: 'Get many users of a loyalty card from the v3 API',
				description:
					"Retrieve every user of a loyalty card with points, stamps and voided state, from Coupontools' v3 list (no filters)",
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/list' },
					operations: { pagination: requestLoop({ repeatable: true, pages: 'body' }) },
					output: { postReceive: [coupontoolsOutput({ list: LOYALTY_USER_LIST_KEYS })] },
				},
			},
			{
				name: 'Get User',
				value: 'getUser',
				action: 'Get a user of a loyalty card',
				description:
					'Retrieve one user of a loyalty card with their points, stamps and voided state',
				routing: cardCall('GET', '/stats/{loyaltyCardUserId}', { repeatable: true }),
			},
			{
				name: 'Link User',
				value: 'linkUser',
				action: 'Link a user to a loyalty card',
				description: 'Put an existing loyalty user on a loyalty card',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/link' },
					operations: { pagination: requestLoop({}) },
					output: { postReceive: [coupontoolsOutput({ object: 'user' })] },
				},
			},
			{
				name: 'Search Users',
				value: 'searchUsers',
				action: `Search users of a loyalty card by name, email or phone`,
				description: 'Find users of a loyalty card by name, email, phone or ID, one item per match',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/search' },
					operations: {
						pagination: requestLoop({ repeatable: true, rules: { search: LOYALTY_USER_SEARCH } }),
					},
					output: { postReceive: [coupontoolsOutput({ list: LOYALTY_USER_LIST_KEYS })] },
				},
			},
			{
				// Inferred endpoint (README.md, "Endpoints not confirmed by public documentation").
				name: 'Send Push Notification',
				value: 'sendPush',
				action: 'Send a push notification to a user of a loyalty card',
				description: "Send a notification now to one user's loyalty card in the wallet",
				routing: {
					request: { method: 'POST', url: '/v3/loyalty/pushnotification/single' },
					operations: { pagination: requestLoop({ unconfirmed: true }) },
					output: { postReceive: [coupontoolsOutput({ set: { sent: true } })] },
				},
			},
			{
				// Inferred endpoint (README.md, "Endpoints not confirmed by public documentation").
				name: 'Send Push Notification to All',
				value: 'sendPushToAll',
				action: 'Send a push notification to all users of a loyalty card',
				description: 'Send a notification now to every user of a loyalty card',
				routing: {
					request: { method: 'POST', url: '/v3/loyalty/pushnotification/all' },
					operations: { pagination: requestLoop({ unconfirmed: true }) },
					output: { postReceive: [coupontoolsOutput({ mark: { sent: true } })] },
				},
			},
			{
				name: 'Update User',
				value: 'updateUser',
				action: `Update a user of a loyalty card (points, stamps or void)`,
				description: 'Add points or stamps to a user of a loyalty card, or void or unvoid the user',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/update' },
					operations: { pagination: requestLoop({}) },
					output: { postReceive: [coupontoolsOutput({ object: 'user' })] },
				},
			},
		],
	},
	...loyaltyCardGetAllFields,
	...loyaltyCardGetFields,
	...loyaltyCardGetUsersFields,
	...loyaltyCardSearchUsersFields,
	...loyaltyCardCreateUserFields,
	...loyaltyCardLinkUserFields,
	...loyaltyCardUpdateUserFields,
	...loyaltyCardSendPushFields,
	...loyaltyCardSendPushToAllFields,
	loyaltyCardIdField,
	...loyaltyCardCopyFields,
	...loyaltyCardAddUserFields,
	...loyaltyCardAddManyUsersFields,
	...loyaltyCardGetUserFields,
	...loyaltyCardGetManyUsersFields,
];
