import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { singleUseCreateFields } from './create';
import { singleUseCreateManyFields } from './createMany';
import { singleUseDeleteFields } from './remove';

export const singleUseDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['singleUse'] } },
		default: 'create',
		// An action with a hyphen or punctuation is a template literal: n8n's sentence-case lint compares it with
		// sentenceCase(), which drops punctuation. test/actionNames.test.ts checks the case of every action.
		options: [
			{
				name: 'Create',
				value: 'create',
				action: `Create a single-use coupon link`,
				description:
					'Create a personal coupon URL that works once, pre-filled with the consumer data',
				routing: {
					request: { method: 'POST', url: '/v3/singleuse/create' },
					operations: {
						pagination: requestLoop({
							// Coupontools refuses a second URL for the same person when duplicate_check is on.
							repeatable: (body) => body.duplicate_check === true,
							required: ['campaign'],
						}),
					},
					send: { preSend: [dropEmptyBodyFields] },
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
			{
				name: 'Create Many',
				value: 'createMany',
				action: `Create many single-use coupon links`,
				description: 'Create up to 100,000 single-use URLs at once, one output item per URL',
				routing: {
					request: { method: 'POST', url: '/v3/multiplesingleuse/create' },
					operations: { pagination: requestLoop({}) },
					output: { postReceive: [coupontoolsOutput({ list: 'data' })] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: `Delete a single-use coupon link`,
				description: 'Remove a single-use URL so it no longer works',
				routing: {
					request: { method: 'POST', url: '/v3/singleuse/remove' },
					operations: { pagination: requestLoop({ unconfirmed: true }) },
					output: { postReceive: [coupontoolsOutput({ set: { deleted: true } })] },
				},
			},
		],
	},
	...singleUseCreateFields,
	...singleUseCreateManyFields,
	...singleUseDeleteFields,
];
