import type { INodeProperties } from 'n8n-workflow';

import { campaignDescription } from './campaign';
import { couponSessionDescription } from './couponSession';
import { distributionDescription } from './distribution';
import { singleUseDescription } from './singleUse';

/** The Resource picker; options sorted by name as n8n's guidelines ask. */
export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'distribution',
	options: [
		{ name: 'Campaign', value: 'campaign' },
		{ name: 'Coupon Session', value: 'couponSession' },
		{ name: 'Distribution', value: 'distribution' },
		{ name: 'Single Use', value: 'singleUse' },
	],
	// Every operation runs through transport.ts: n8n hands a declarative node its request loop only via
	// the pagination hook, and this always-visible field switches that hook on for every operation.
	routing: { send: { paginate: true } },
};

export const resourceDescriptions: INodeProperties[] = [
	...campaignDescription,
	...couponSessionDescription,
	...distributionDescription,
	...singleUseDescription,
];
