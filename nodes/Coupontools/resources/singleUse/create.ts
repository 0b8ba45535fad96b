import type { INodeProperties } from 'n8n-workflow';

import { DATE_FIELDS, dateInBody } from '../../shared/dates';
import { bodyTextField, campaignLocator, collectionField } from '../../shared/fields';

const displayOptions = { show: { resource: ['singleUse'], operation: ['create'] } };

/**
 * Duplicate Check is a visible switch, on by default, from node version 1.1: an automation that runs
 * twice for the same person must not hand out a second coupon. Version 1 workflows keep it where it was
 * (Additional Fields, sent only once added), so they behave as they did when they were saved.
 * Version-dependent fields: https://docs.n8n.io/integrations/creating-nodes/build/reference/node-versioning/
 */
const fromVersion11 = { show: { ...displayOptions.show, '@version': [{ _cnd: { gte: 1.1 } }] } };
const version1Only = { show: { '@version': [1] } };

const duplicateCheck = {
	displayName: 'Duplicate Check',
	name: 'duplicateCheck',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the URL this person already has in the campaign (same email, phone or custom ID) instead of creating a second one',
	routing: { send: { type: 'body', property: 'duplicate_check' } },
} satisfies INodeProperties;

const customFields: INodeProperties[] = [1, 2, 3, 4, 5, 6, 7].map((n) =>
	bodyTextField({
		displayName: `Custom Field ${n}`,
		name: `customfield${n}`,
		placeholder: 'e.g. VIP',
		description: `Value for custom field ${n} of the coupon (max 50 characters)`,
	}),
);

export const singleUseCreateFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		...duplicateCheck,
		hint: 'On: running again for the same email, phone or custom ID returns the same URL',
		displayOptions: fromVersion11,
	},
	collectionField({
		displayName: 'Additional Fields',
		name: 'singleUseFields',
		displayOptions,
		options: [
			{
				displayName: 'Auto Validation Code',
				name: 'autovalcode',
				type: 'options',
				default: '6digits',
				description:
					'Let Coupontools generate a validation code of this length (not together with Custom Validation Code)',
				options: [
					{ name: '10 Digits', value: '10digits' },
					{ name: '6 Digits', value: '6digits' },
					{ name: '8 Digits', value: '8digits' },
				],
				routing: { send: { type: 'body', property: 'autovalcode' } },
			},
			...customFields,
			bodyTextField({
				displayName: 'Custom ID',
				name: 'customid',
				placeholder: 'e.g. crm-4711',
				description:
					'Your own reference for this consumer, e.g. the CRM contact ID (max 50 characters)',
			}),
			bodyTextField({
				displayName: 'Custom Validation Code',
				name: 'customvalcode',
				placeholder: 'e.g. SUMMER-4711',
				description: 'Your own validation or barcode value (max 100 characters)',
			}),
			{ ...duplicateCheck, displayOptions: version1Only },
			bodyTextField({
				displayName: 'Email',
				name: 'email',
				placeholder: 'e.g. jane@example.com',
				description: "The consumer's email address, pre-filled in the coupon",
			}),
			{
				displayName: 'Expiry Date',
				name: 'expiryDate',
				type: 'dateTime',
				default: '',
				description:
					'When this single-use URL stops working, in the time zone of the campaign. A date alone means the end of that day.',
				routing: {
					send: {
						type: 'body',
						property: 'expiry_date',
						preSend: [dateInBody('expiry_date', DATE_FIELDS.singleUseExpiry)],
					},
				},
			},
			bodyTextField({
				displayName: 'First Name',
				name: 'firstname',
				placeholder: 'e.g. Jane',
				description: "The consumer's first name, pre-filled in the coupon",
			}),
			bodyTextField({
				displayName: 'Last Name',
				name: 'lastname',
				placeholder: 'e.g. Doe',
				description: "The consumer's last name, pre-filled in the coupon",
			}),
			bodyTextField({
				displayName: 'Phone',
				name: 'phone',
				placeholder: 'e.g. +32470123456',
				description: "The consumer's phone number, pre-filled in the coupon",
			}),
			bodyTextField({
				displayName: 'UTM Campaign',
				name: 'utm_campaign',
				placeholder: 'e.g. spring_sale',
				description: 'Tracking: the utm_campaign value',
			}),
			bodyTextField({
				displayName: 'UTM Content',
				name: 'utm_content',
				placeholder: 'e.g. banner',
				description: 'Tracking: the utm_content value',
			}),
			bodyTextField({
				displayName: 'UTM Medium',
				name: 'utm_medium',
				placeholder: 'e.g. email',
				description: 'Tracking: the utm_medium value',
			}),
			bodyTextField({
				displayName: 'UTM Source',
				name: 'utm_source',
				placeholder: 'e.g. newsletter',
				description: 'Tracking: the utm_source value',
			}),
			bodyTextField({
				displayName: 'UTM Term',
				name: 'utm_term',
				placeholder: 'e.g. coupon',
				description: 'Tracking: the utm_term value',
			}),
		],
	}),
];
