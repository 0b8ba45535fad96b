import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { E164_PHONE, SEND_TARGET } from '../../shared/validation';
import { distributionSendEmailFields } from './sendEmail';
import { distributionSendSmsFields } from './sendSms';

export const distributionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['distribution'] } },
		default: 'sendEmail',
		options: [
			{
				name: 'Send Email',
				value: 'sendEmail',
				action: 'Send a coupon by email',
				description:
					'Email a personal coupon (or a directory) to one recipient now; with Check Unique on, an address gets each coupon once',
				routing: {
					request: { method: 'POST', url: '/v3/send/email' },
					operations: {
						pagination: requestLoop({
							// Coupontools sends a campaign once per address when check_unique is on.
							repeatable: (body) => body.check_unique === true,
							rules: { campaign: SEND_TARGET },
							required: ['campaign', 'email'],
						}),
					},
					send: { preSend: [dropEmptyBodyFields] },
					// Only action "email_sent" proves the email left; anything else must not look like a success.
					// An "already sent" answer to Check Unique is a deliberate skip, reported as such (README: inferred).
					output: {
						postReceive: [
							coupontoolsOutput({
								expect: { action: 'email_sent' },
								mark: { sent: true },
								skip: {
									key: 'action',
									pattern: /already|duplicate|unique/i,
									mark: { sent: false, skipped: true },
								},
							}),
						],
					},
				},
			},
			{
				name: 'Send SMS',
				value: 'sendSms',
				action: 'Send a coupon by SMS',
				description: 'Text a personal coupon URL (or a directory) to one phone number now',
				routing: {
					request: { method: 'POST', url: '/v3/send/sms' },
					operations: {
						pagination: requestLoop({
							rules: { campaign: SEND_TARGET, phone: E164_PHONE },
							required: ['campaign', 'phone'],
						}),
					},
					send: { preSend: [dropEmptyBodyFields] },
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
		],
	},
	...distributionSendEmailFields,
	...distributionSendSmsFields,
];
