import type { INodeProperties } from 'n8n-workflow';

import { pushMessageField } from '../../shared/fields';
import { PUSH_MESSAGE, loyaltyCardLocator, loyaltyUserField } from './shared';

const single = { show: { resource: ['loyaltyCard'], operation: ['sendPush'] } };
const all = { show: { resource: ['loyaltyCard'], operation: ['sendPushToAll'] } };

export const loyaltyCardSendPushFields: INodeProperties[] = [
	loyaltyCardLocator(single),
	loyaltyUserField(single, 'The user of this loyalty card whose wallet card gets the notification'),
	pushMessageField(single, PUSH_MESSAGE),
];

export const loyaltyCardSendPushToAllFields: INodeProperties[] = [
	loyaltyCardLocator(all),
	pushMessageField(all, PUSH_MESSAGE),
];
