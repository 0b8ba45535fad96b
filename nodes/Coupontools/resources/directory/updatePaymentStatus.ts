import type { INodeProperties } from 'n8n-workflow';

import { directoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['updatePaymentStatus'] } };

/** /v3/directoryusers/update (documented URL) with `payment_status` paid | unpaid (field name inferred: README.md, "Endpoints not confirmed by public documentation"). */
export const directoryUpdatePaymentStatusFields: INodeProperties[] = [
	directoryLocator(displayOptions),
	{
		displayName: 'User ID',
		name: 'registeredUser',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. reg_12345',
		description:
			'The registered user (reg_…), as Get Registered Users lists it or your custom payment URL receives it',
		displayOptions,
		routing: { send: { type: 'body', property: 'user' } },
	},
	{
		displayName: 'Payment Status',
		name: 'paymentStatus',
		type: 'options',
		default: 'paid',
		description: 'The payment status to record for the user',
		displayOptions,
		options: [
			{ name: 'Paid', value: 'paid' },
			{ name: 'Unpaid', value: 'unpaid' },
		],
		routing: { send: { type: 'body', property: 'payment_status' } },
	},
];
