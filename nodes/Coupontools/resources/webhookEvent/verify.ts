import type { INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['webhookEvent'], operation: ['verify'] } };

export const webhookEventVerifyFields: INodeProperties[] = [
	{
		displayName: 'Event ID',
		name: 'webhook',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. evt_JsOKTu2rlzjZsxPaleUx',
		description:
			"The event's ID (evt_ followed by 20 characters): the webhook (or ID) field of the payload Coupontools sent",
		displayOptions,
		routing: { send: { type: 'body', property: 'webhook' } },
	},
	{
		displayName: 'Session Code',
		name: 'session',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ac6s7u3g8a25ja7x9qg87',
		description: 'The coupon session the event is about: the session field of the same payload',
		displayOptions,
		routing: { send: { type: 'body', property: 'session' } },
	},
];
