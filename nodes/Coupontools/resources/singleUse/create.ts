import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator, formatDatesInBody } from '../../shared/fields';

const displayOptions = { show: { resource: ['singleUse'], operation: ['create'] } };

function bodyText(displayName: string, param: string, description: string, placeholder: string): INodeProperties {
	return {
		displayName,
		name: param,
		type: 'string',
		default: '',
		placeholder,
		description,
		routing: { send: { type: 'body', property: param } },
	};
}

const customFields: INodeProperties[] = [1, 2, 3, 4, 5, 6, 7].map((n) =>
	bodyText(`Custom Field ${n}`, `customfield${n}`, `Value for custom field ${n} of the coupon (max 50 characters)`, 'e.g. VIP'),
);

export const singleUseCreateFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Auto Validation Code',
				name: 'autovalcode',
				type: 'options',
				default: '6digits',
				description: 'Let Coupontools generate a validation code of this length (not together with Custom Validation Code)',
				options: [
					{ name: '10 Digits', value: '10digits' },
					{ name: '6 Digits', value: '6digits' },
					{ name: '8 Digits', value: '8digits' },
				],
				routing: { send: { type: 'body', property: 'autovalcode' } },
			},
			...customFields,
			bodyText('Custom ID', 'customid', 'Your own reference for this consumer, e.g. the CRM contact ID (max 50 characters)', 'e.g. crm-4711'),
			bodyText('Custom Validation Code', 'customvalcode', 'Your own validation or barcode value (max 100 characters)', 'e.g. SUMMER-4711'),
			{
				displayName: 'Duplicate Check',
				name: 'duplicateCheck',
				type: 'boolean',
				default: true,
				description:
					'Whether to return the existing single-use URL when this email, phone or custom ID already got one, instead of creating a second',
				routing: { send: { type: 'body', property: 'duplicate_check' } },
			},
			bodyText('Email', 'email', "The consumer's email address, pre-filled in the coupon", 'e.g. jane@example.com'),
			{
				displayName: 'Expiry Date',
				name: 'expiryDate',
				type: 'dateTime',
				default: '',
				description: 'When this single-use URL stops working, in the time zone of the campaign. A date alone means the end of that day.',
				routing: {
					send: { type: 'body', property: 'expiry_date', preSend: [formatDatesInBody(['expiry_date'], 'yyyy-MM-dd HH:mm:ss')] },
				},
			},
			bodyText('First Name', 'firstname', "The consumer's first name, pre-filled in the coupon", 'e.g. Jane'),
			bodyText('Last Name', 'lastname', "The consumer's last name, pre-filled in the coupon", 'e.g. Doe'),
			bodyText('Phone', 'phone', "The consumer's phone number, pre-filled in the coupon", 'e.g. +32470123456'),
			bodyText('UTM Campaign', 'utm_campaign', 'Tracking: the utm_campaign value', 'e.g. spring_sale'),
			bodyText('UTM Content', 'utm_content', 'Tracking: the utm_content value', 'e.g. banner'),
			bodyText('UTM Medium', 'utm_medium', 'Tracking: the utm_medium value', 'e.g. email'),
			bodyText('UTM Source', 'utm_source', 'Tracking: the utm_source value', 'e.g. newsletter'),
			bodyText('UTM Term', 'utm_term', 'Tracking: the utm_term value', 'e.g. coupon'),
		],
	},
];
