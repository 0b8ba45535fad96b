import type { INodeProperties } from 'n8n-workflow';

import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { webhookEventVerifyFields } from './verify';

export const webhookEventDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhookEvent'] } },
		default: 'verify',
		options: [
			{
				name: 'Verify',
				value: 'verify',
				action: 'Verify a webhook event',
				description:
					'Ask Coupontools whether a webhook event is genuine, and get its type, campaign, session and date',
				routing: {
					request: { method: 'POST', url: '/v3/webhook/verification' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					// Only result "valid" confirms the event; any other answer without an error must not pass as one.
					output: { postReceive: [coupontoolsOutput({ expect: { result: 'valid' } })] },
				},
			},
		],
	},
	...webhookEventVerifyFields,
];
