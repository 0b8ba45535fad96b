import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator, pushMessageField } from '../../shared/fields';
import { sessionCodeField } from './shared';

const single = { show: { resource: ['couponSession'], operation: ['sendPush'] } };
const all = { show: { resource: ['couponSession'], operation: ['sendPushToAll'] } };

const message = {
	placeholder: 'e.g. Your coupon expires tomorrow!',
	description:
		'The text of the push notification, shown on the wallet pass (Apple Wallet, Google Wallet)',
};

export const couponSessionSendPushFields: INodeProperties[] = [
	campaignLocator(single),
	sessionCodeField(
		single,
		'The coupon session whose wallet pass gets the notification (21-character code or 6-character short form)',
	),
	pushMessageField(single, message),
];

export const couponSessionSendPushToAllFields: INodeProperties[] = [
	campaignLocator(all),
	pushMessageField(all, message),
];
