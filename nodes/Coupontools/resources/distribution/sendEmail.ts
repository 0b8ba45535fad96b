import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator, collectionField } from '../../shared/fields';
import { emailField } from '../../shared/personFields';

const displayOptions = { show: { resource: ['distribution'], operation: ['sendEmail'] } };

export const distributionSendEmailFields: INodeProperties[] = [
	campaignLocator(displayOptions, {
		allowDirectory: true,
		name: 'campaignOrDirectory',
		displayName: 'Campaign or Directory',
	}),
	emailField({
		name: 'email',
		required: true,
		description: 'Who receives the coupon',
		displayOptions,
	}),
	{
		displayName: 'Check Unique',
		name: 'checkUnique',
		type: 'boolean',
		default: true,
		description:
			'Whether to skip the send when this address already received this coupon. Keep it on for automations that may run twice for the same person.',
		displayOptions,
		routing: { send: { type: 'body', property: 'check_unique' } },
	},
	collectionField({
		displayName: 'Additional Fields',
		name: 'additionalFields',
		displayOptions,
		options: [
			{
				displayName: 'Existing Session Code',
				name: 'couponsession',
				type: 'string',
				default: '',
				placeholder: 'e.g. ac6s7u3g8a25ja7x9qg87',
				description: 'Send this existing coupon session instead of creating a new one',
				routing: { send: { type: 'body', property: 'couponsession' } },
			},
			{
				displayName: 'First Name',
				name: 'firstname',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane',
				description: "The recipient's first name, used in the email and the coupon",
				routing: { send: { type: 'body', property: 'firstname' } },
			},
			{
				displayName: 'Last Name',
				name: 'lastname',
				type: 'string',
				default: '',
				placeholder: 'e.g. Doe',
				description: "The recipient's last name, used in the email and the coupon",
				routing: { send: { type: 'body', property: 'lastname' } },
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				placeholder: 'e.g. A gift for you, Jane',
				description: "The email's subject line (the campaign's default when left empty)",
				routing: { send: { type: 'body', property: 'subject' } },
			},
		],
	}),
];
