import type { INodeProperties } from 'n8n-workflow';

import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { couponSessionGetFields } from './get';
import { couponSessionSearchFields } from './search';
import { couponSessionSendPushFields, couponSessionSendPushToAllFields } from './sendPush';
import { couponSessionUpdateFields } from './update';
import { couponSessionUpdateManyFields } from './updateMany';

const update = { method: 'POST', url: '/v3/couponsession/update' } as const;

export const couponSessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['couponSession'] } },
		default: 'get',
		// An action with a hyphen or punctuation is a template literal: n8n's sentence-case lint compares it with
		// sentenceCase(), which drops punctuation. test/actionNames.test.ts checks the case of every action.
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a coupon session',
				description:
					"Retrieve all data of one consumer's coupon: opened, claimed, validated, dates, custom ID",
				routing: {
					request: { method: 'POST', url: '/v3/couponsession/data' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search coupon sessions',
				description:
					'Find coupon sessions by custom validation code, phone or email, one item per match',
				routing: {
					request: { method: 'POST', url: '/v3/couponsession/search' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: 'data' })] },
				},
			},
			{
				name: 'Send Push Notification',
				value: 'sendPush',
				action: 'Send a push notification to a coupon session',
				description: "Send a notification now to the wallet pass of one consumer's coupon session",
				routing: {
					request: { method: 'POST', url: '/v3/coupon/pushnotification/single' },
					operations: { pagination: requestLoop({}) },
					output: { postReceive: [coupontoolsOutput({ set: { sent: true } })] },
				},
			},
			{
				name: 'Send Push Notification to All',
				value: 'sendPushToAll',
				action: 'Send a push notification to all wallet passes of a campaign',
				description: 'Send a notification now to all wallet passes of a campaign',
				routing: {
					request: { method: 'POST', url: '/v3/coupon/pushnotification/all' },
					operations: { pagination: requestLoop({ unconfirmed: true }) },
					output: { postReceive: [coupontoolsOutput({ mark: { sent: true } })] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: `Update a coupon session (claim, validate or void)`,
				description: 'Claim, validate (redeem), void or unvoid one coupon session',
				routing: {
					request: update,
					operations: { pagination: requestLoop() },
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
			{
				name: 'Update Many',
				value: 'updateMany',
				action: `Update many coupon sessions (claim, validate or void)`,
				description:
					'Claim, validate, void or unvoid a list of coupon sessions, with one result per session',
				routing: {
					request: update,
					// The API updates one session per call (https://docs.coupontools.com): one call per code.
					operations: {
						pagination: requestLoop({
							perEntry: {
								param: 'couponsession',
								label: 'Session Codes',
								whenEmpty:
									'Enter at least one coupon session code, separated by commas or new lines, or map a list with an expression.',
							},
						}),
					},
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
		],
	},
	...couponSessionGetFields,
	...couponSessionUpdateFields,
	...couponSessionUpdateManyFields,
	...couponSessionSearchFields,
	...couponSessionSendPushFields,
	...couponSessionSendPushToAllFields,
];
