import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { TEAMMATE_ID } from '../../shared/validation';
import { accountSingleSignOnFields } from './singleSignOn';
import { accountTeammateSingleSignOnFields } from './teammateSingleSignOn';

/**
 * The account itself and its teammates (https://docs.coupontools.com/api/account): login links into the
 * dashboard. Subaccounts have their own resource. The answers are not documented: the link is read from
 * `account` / `teammate` when present, else the answer is passed through.
 */
export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		default: 'singleSignOn',
		options: [
			{
				name: 'Create Login Link',
				value: 'singleSignOn',
				action: 'Create a login link for the account',
				description: "Create a single sign-on (SSO) link that logs into this account's dashboard",
				routing: {
					request: { method: 'POST', url: '/v3/account/sso' },
					operations: { pagination: requestLoop({}) },
					output: { postReceive: [coupontoolsOutput({ object: 'account' })] },
				},
			},
			{
				name: 'Create Teammate Login Link',
				value: 'teammateSingleSignOn',
				action: 'Create a login link for a teammate',
				description:
					"Create a single sign-on (SSO) link that logs a teammate into the account's dashboard, optionally on a campaign",
				routing: {
					request: { method: 'POST', url: '/v3/teammate/sso' },
					send: { preSend: [dropEmptyBodyFields] },
					operations: {
						pagination: requestLoop({ required: ['teammate'], rules: { teammate: TEAMMATE_ID } }),
					},
					output: { postReceive: [coupontoolsOutput({ object: 'teammate' })] },
				},
			},
		],
	},
	...accountSingleSignOnFields,
	...accountTeammateSingleSignOnFields,
];
