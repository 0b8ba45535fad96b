import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestHook } from '../../shared/requestHook';
import { LOYALTY_USER_SEARCH } from '../../shared/validation';
import { loyaltyCardCreateUserFields } from './createUser';
import { loyaltyCardGetFields } from './get';
import { loyaltyCardGetAllFields } from './getAll';
import { loyaltyCardGetUsersFields } from './getUsers';
import { loyaltyCardLinkUserFields } from './linkUser';
import { loyaltyCardSearchUsersFields } from './searchUsers';
import { loyaltyCardSendPushFields, loyaltyCardSendPushToAllFields } from './sendPush';
import { LOYALTY_CARD_LIST_KEYS, LOYALTY_USER_LIST_KEYS } from './shared';
import { loyaltyCardUpdateUserFields } from './updateUser';

/**
 * Loyalty cards through the v3 RPC endpoints (https://docs.coupontools.com, loyalty cards). Answer shapes are not documented: lists are read
 * from the candidate keys in shared.ts, single records from the key named here, else passed through.
 */
export const loyaltyCardDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['loyaltyCard'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create User',
				value: 'createUser',
				action: 'Create a loyalty user',
				// The documented create call takes no card: Link User puts the new user on a card.
				description: 'Create a loyalty user account; put it on a card with Link User',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/create' },
					operations: { pagination: requestHook({}) },
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
					operations: { pagination: requestHook({ repeatable: true }) },
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
					operations: { pagination: requestHook({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: LOYALTY_CARD_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Users',
				value: 'getUsers',
				action: 'Get users of a loyalty card',
				description:
					'Retrieve the users of a loyalty card with their points, stamps and voided state',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/list' },
					operations: { pagination: requestHook({ repeatable: true, pages: 'body' }) },
					output: { postReceive: [coupontoolsOutput({ list: LOYALTY_USER_LIST_KEYS })] },
				},
			},
			{
				name: 'Link User',
				value: 'linkUser',
				action: 'Link a user to a loyalty card',
				description: 'Put an existing loyalty user on a loyalty card',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/link' },
					operations: { pagination: requestHook({}) },
					output: { postReceive: [coupontoolsOutput({ object: 'user' })] },
				},
			},
			{
				name: 'Search Users',
				value: 'searchUsers',
				action: 'Search users of a loyalty card',
				description: 'Find users of a loyalty card by name, email, phone or ID, one item per match',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/search' },
					operations: {
						pagination: requestHook({ repeatable: true, rules: { search: LOYALTY_USER_SEARCH } }),
					},
					output: { postReceive: [coupontoolsOutput({ list: LOYALTY_USER_LIST_KEYS })] },
				},
			},
			{
				// Inferred endpoint (README.md, "Endpoints not confirmed by public documentation").
				name: 'Send Push Notification',
				value: 'sendPush',
				action: 'Send a push notification to a loyalty card user',
				description: "Send a notification now to one user's loyalty card in the wallet",
				routing: {
					request: { method: 'POST', url: '/v3/loyalty/pushnotification/single' },
					operations: { pagination: requestHook({}) },
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
					operations: { pagination: requestHook({}) },
					output: { postReceive: [coupontoolsOutput({ mark: { sent: true } })] },
				},
			},
			{
				name: 'Update User',
				value: 'updateUser',
				action: 'Add points or stamps to a loyalty card user or void them',
				description: 'Add points or stamps to a user of a loyalty card, or void or unvoid the user',
				routing: {
					request: { method: 'POST', url: '/v3/loyaltyusers/update' },
					operations: { pagination: requestHook({}) },
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
];
