import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { REGISTERED_USER_ID, V4_DIRECTORY_ID, V4_USER_ID } from '../../shared/validation';
import { fillPathIds } from '../../shared/path';
import { directoryBlockUserFields } from './blockUser';
import { directoryCreateSsoTokenFields } from './createSsoToken';
import { directoryCreateUserFields } from './createUser';
import { directoryGetFields } from './get';
import { directoryGetAllFields } from './getAll';
import { directoryGetCampaignsFields } from './getCampaigns';
import { directoryGetRegisteredUsersFields } from './getRegisteredUsers';
import { directoryGetUserFields } from './getUser';
import { byDirectoryIdForm, EITHER_DIRECTORY_ID } from './idForms';
import { directoryGivePaidAccessFields, directoryRevokePaidAccessFields } from './paidAccess';
import {
	DIRECTORY_CAMPAIGN_LIST_KEYS,
	DIRECTORY_LIST_KEYS,
	REGISTERED_USER_LIST_KEYS,
} from './shared';
import { directoryUpdatePaymentStatusFields } from './updatePaymentStatus';

/** A v4 REST user call: IDs in the path (shared/path.ts); the answer is bare JSON, passed through. */
function v4UserCall(
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	body?: { block: boolean },
): INodeProperties['routing'] {
	return {
		request: {
			method,
			url: `/v4/directory/{directoryId}/users/{userId}${path}`,
			...(body ? { body } : {}),
		},
		send: { preSend: [fillPathIds] },
		operations: {
			pagination: requestLoop({
				// A read may be repeated after a fault; the writes may have acted.
				repeatable: method === 'GET',
				pathIds: { directoryId: V4_DIRECTORY_ID, userId: V4_USER_ID },
			}),
		},
		output: { postReceive: [coupontoolsOutput()] },
	};
}

/**
 * Directories: the v3 RPC endpoints (answer shapes not documented: README.md, "Endpoints not confirmed by public documentation") for reading and the payment
 * status, and the v4 REST user endpoints (documented) for creating, blocking and paid access. Get and Get
 * Registered Users make the v3 or the v4 read by the form of the directory ID (idForms.ts).
 */
export const directoryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['directory'] } },
		default: 'getAll',
		options: [
			{
				name: 'Block User',
				value: 'blockUser',
				action: 'Block a directory user',
				description: 'Block a registered user from the directory',
				routing: v4UserCall('POST', '', { block: true }),
			},
			{
				name: 'Create User',
				value: 'createUser',
				action: 'Create a directory user',
				description: 'Register a new user in a directory',
				routing: {
					request: { method: 'POST', url: '/v4/directory/{directoryId}/users' },
					operations: { pagination: requestLoop({ pathIds: { directoryId: V4_DIRECTORY_ID } }) },
					send: { preSend: [fillPathIds, dropEmptyBodyFields] },
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
			{
				name: 'Create User Login Token',
				value: 'createSsoToken',
				action: 'Create a login token for a directory user',
				description:
					'Create a single sign-on (SSO) token: a single-use token that logs the user in to the directory when put in its URL',
				routing: v4UserCall('POST', '/sso'),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a directory',
				description: 'Retrieve one directory',
				routing: {
					// A numeric ID becomes GET /v4/directory/{id} (idForms.ts), whose bare answer passes through.
					request: { method: 'POST', url: '/v3/directory/info' },
					send: { preSend: [byDirectoryIdForm('')] },
					operations: {
						pagination: requestLoop({
							repeatable: true,
							rules: { directory: EITHER_DIRECTORY_ID },
						}),
					},
					output: { postReceive: [coupontoolsOutput({ object: 'directory' })] },
				},
			},
			{
				// Inferred endpoint (README.md, "Endpoints not confirmed by public documentation").
				name: 'Get Campaigns',
				value: 'getCampaigns',
				action: 'Get campaigns of a directory',
				description: 'Retrieve the campaigns shown in a directory',
				routing: {
					request: { method: 'POST', url: '/v3/directory/campaigns' },
					operations: { pagination: requestLoop({ repeatable: true, unconfirmed: true }) },
					output: { postReceive: [coupontoolsOutput({ list: DIRECTORY_CAMPAIGN_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many directories',
				description: 'Retrieve the directories of the account',
				routing: {
					request: { method: 'POST', url: '/v3/directory/list' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: DIRECTORY_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Registered Users',
				value: 'getRegisteredUsers',
				action: 'Get registered users of a directory',
				description:
					'Retrieve the users registered in a directory (a dir_ ID lists the newest first; the order of a numeric ID is not documented)',
				routing: {
					// A numeric ID becomes GET /v4/directory/{id}/users (idForms.ts), read whole (v4Pages.ts).
					request: { method: 'POST', url: '/v3/directoryusers/list' },
					send: { preSend: [byDirectoryIdForm('/users')] },
					operations: {
						pagination: requestLoop({
							repeatable: true,
							pages: 'body',
							v4List: true,
							rules: { directory: EITHER_DIRECTORY_ID, user: REGISTERED_USER_ID },
						}),
					},
					output: { postReceive: [coupontoolsOutput({ list: REGISTERED_USER_LIST_KEYS })] },
				},
			},
			{
				name: 'Get User',
				value: 'getUser',
				action: 'Get a directory user',
				description:
					'Retrieve one registered user with their block and paid-access state, by the ID from Create User or Get Registered Users',
				routing: v4UserCall('GET', ''),
			},
			{
				name: 'Give Paid Access',
				value: 'givePaidAccess',
				action: 'Give a directory user paid access',
				description: 'Give a registered user access to the paid directory, optionally until a date',
				routing: v4UserCall('POST', '/access'),
			},
			{
				name: 'Revoke Paid Access',
				value: 'revokePaidAccess',
				action: 'Revoke paid access from a directory user',
				description: "End a registered user's paid access to the directory",
				routing: v4UserCall('DELETE', '/access'),
			},
			{
				name: 'Unblock User',
				value: 'unblockUser',
				action: 'Unblock a directory user',
				description: 'Lift the block of a registered user',
				routing: v4UserCall('POST', '', { block: false }),
			},
			{
				// Documented URL, inferred status field (README.md, "Endpoints not confirmed by public documentation").
				name: 'Update User Payment Status',
				value: 'updatePaymentStatus',
				action: 'Update the payment status of a directory user',
				description: 'Mark a registered user as paid or unpaid, for a custom payment integration',
				routing: {
					request: { method: 'POST', url: '/v3/directoryusers/update' },
					operations: { pagination: requestLoop({ rules: { user: REGISTERED_USER_ID } }) },
					output: { postReceive: [coupontoolsOutput({ object: 'user' })] },
				},
			},
		],
	},
	...directoryGetAllFields,
	...directoryGetFields,
	...directoryGetCampaignsFields,
	...directoryGetRegisteredUsersFields,
	...directoryUpdatePaymentStatusFields,
	...directoryCreateUserFields,
	...directoryBlockUserFields,
	...directoryGivePaidAccessFields,
	...directoryRevokePaidAccessFields,
	...directoryCreateSsoTokenFields,
	...directoryGetUserFields,
];
