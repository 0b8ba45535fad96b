import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../shared/fields';
import { sessionCodeField } from './shared';

const single = { show: { resource: ['couponSession'], operation: ['sendPush'] } };
const all = { show: { resource: ['couponSession'], operation: ['sendPushToAll'] } };

function messageField(displayOptions: typeof single): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Your coupon expires tomorrow!',
		description:
			'The text of the push notification, shown on the wallet pass (Apple Wallet, Google Wallet)',
		displayOptions,
		routing: { send: { type: 'body', property: 'message' } },
	};
}

export const couponSessionSendPushFields: INodeProperties[] = [
	campaignLocator(single),
	sessionCodeField(
		single,
		'The coupon session whose wallet pass gets the notification (21-character code or 6-character short form)',
	),
	messageField(single),
];

export const couponSessionSendPushToAllFields: INodeProperties[] = [
	campaignLocator(all),
	messageField(all),
];
