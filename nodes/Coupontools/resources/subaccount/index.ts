import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { ISO_COUNTRY } from '../../shared/validation';
import { hideApiCredentials } from './apiCredentials';
import { subaccountCreateFields } from './create';
import { subaccountCreateResetUrlFields } from './createResetUrl';
import { subaccountGetFields } from './get';
import { subaccountGetAllFields } from './getAll';
import { SUBACCOUNT_LIST_KEYS } from './shared';
import { subaccountSingleSignOnFields } from './singleSignOn';
import { subaccountUpdateFields } from './update';

export const subaccountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subaccount'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a subaccount',
				description: 'Create a subaccount of this (agency) account',
				routing: {
					request: { method: 'POST', url: '/v4/subaccount/create' },
					operations: { pagination: requestLoop({ rules: { country: ISO_COUNTRY } }) },
					send: { preSend: [dropEmptyBodyFields] },
					// The docs show only subaccount.ID of the answer (https://docs.coupontools.com); the whole object is passed on.
					output: {
						postReceive: [coupontoolsOutput({ object: 'subaccount' }), hideApiCredentials],
					},
				},
			},
			{
				name: 'Create Login Link',
				value: 'singleSignOn',
				action: 'Create a login link for a subaccount',
				description:
					"Create a single sign-on (SSO) link that logs into the subaccount's dashboard, optionally on a given page",
				routing: {
					request: { method: 'POST', url: '/v3/subaccount/sso' },
					operations: { pagination: requestLoop({}) },
					send: { preSend: [dropEmptyBodyFields] },
					output: {
						postReceive: [coupontoolsOutput({ object: 'subaccount' }), hideApiCredentials],
					},
				},
			},
			{
				name: 'Create Password Reset Link',
				value: 'createResetUrl',
				action: 'Create a password reset link for a subaccount',
				description: 'Create a link where the subaccount sets a new password',
				routing: {
					request: { method: 'POST', url: '/v3/subaccount/reset/url' },
					operations: { pagination: requestLoop({}) },
					// Answer shape not documented: passed through as it comes.
					output: { postReceive: [coupontoolsOutput(), hideApiCredentials] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a subaccount',
				description: 'Retrieve one subaccount with its settings, permissions and campaigns',
				routing: {
					request: { method: 'POST', url: '/v4/subaccount' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: {
						postReceive: [coupontoolsOutput({ object: 'subaccount' }), hideApiCredentials],
					},
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many subaccounts',
				description: 'Retrieve the subaccounts of this (agency) account',
				routing: {
					request: { method: 'POST', url: '/v4/subaccount/list' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: {
						postReceive: [coupontoolsOutput({ list: SUBACCOUNT_LIST_KEYS }), hideApiCredentials],
					},
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a subaccount',
				description: 'Change the details, package, status or expiry date of a subaccount',
				routing: {
					// Not in the public docs: path and fields inferred from Create (README.md, "Endpoints not confirmed by public documentation").
					request: { method: 'POST', url: '/v4/subaccount/update' },
					operations: {
						pagination: requestLoop({ rules: { country: ISO_COUNTRY }, unconfirmed: true }),
					},
					send: { preSend: [dropEmptyBodyFields] },
					output: {
						postReceive: [coupontoolsOutput({ object: 'subaccount' }), hideApiCredentials],
					},
				},
			},
		],
	},
	...subaccountGetAllFields,
	...subaccountGetFields,
	...subaccountCreateFields,
	...subaccountUpdateFields,
	...subaccountCreateResetUrlFields,
	...subaccountSingleSignOnFields,
];
