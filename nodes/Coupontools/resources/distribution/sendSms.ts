import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../shared/fields';

const displayOptions = { show: { resource: ['distribution'], operation: ['sendSms'] } };

export const distributionSendSmsFields: INodeProperties[] = [
	campaignLocator(displayOptions, {
		allowDirectory: true,
		name: 'campaignOrDirectory',
		displayName: 'Campaign or Directory',
	}),
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +32470123456',
		description:
			'The recipient in E.164 format: + and the country code, then the number without its leading 0',
		displayOptions,
		routing: { send: { type: 'body', property: 'phone' } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Your 10% coupon is here:',
		description: 'The SMS text. Coupontools appends the personal coupon URL.',
		displayOptions,
		routing: { send: { type: 'body', property: 'body' } },
	},
];
