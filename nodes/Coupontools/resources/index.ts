import type { INodeProperties } from 'n8n-workflow';

import { accountDescription } from './account';
import { campaignDescription } from './campaign';
import { categoryDescription } from './category';
import { couponSessionDescription } from './couponSession';
import { directoryDescription } from './directory';
import { distributionDescription } from './distribution';
import { groupDescription } from './group';
import { EMAIL_GROUP, SMS_GROUP } from './group/kinds';
import { loyaltyCardDescription } from './loyaltyCard';
import { singleUseDescription } from './singleUse';
import { subaccountDescription } from './subaccount';
import { webhookEventDescription } from './webhookEvent';

/** The Resource picker; options sorted by name as n8n's guidelines ask. */
export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'distribution',
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Campaign', value: 'campaign' },
		{ name: 'Category', value: 'category' },
		{ name: 'Coupon Session', value: 'couponSession' },
		{ name: 'Directory', value: 'directory' },
		{ name: 'Distribution', value: 'distribution' },
		{ name: 'Email Group', value: 'emailGroup' },
		{ name: 'Loyalty Card', value: 'loyaltyCard' },
		{ name: 'Single Use', value: 'singleUse' },
		{ name: 'SMS Group', value: 'smsGroup' },
		{ name: 'Subaccount', value: 'subaccount' },
		{ name: 'Webhook Event', value: 'webhookEvent' },
	],
	// Every operation runs through its request hook (shared/requestLoop.ts): n8n hands a declarative node its
	// request loop only via the pagination hook, and this always-visible field switches it on for every operation.
	routing: { send: { paginate: true } },
};

export const resourceDescriptions: INodeProperties[] = [
	...accountDescription,
	...campaignDescription,
	...categoryDescription,
	...couponSessionDescription,
	...directoryDescription,
	...distributionDescription,
	...groupDescription(EMAIL_GROUP),
	...loyaltyCardDescription,
	...singleUseDescription,
	...groupDescription(SMS_GROUP),
	...subaccountDescription,
	...webhookEventDescription,
];
