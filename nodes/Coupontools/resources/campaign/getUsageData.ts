import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator, formatDatesInBody, returnAllAndLimit } from '../../shared/fields';

const displayOptions = { show: { resource: ['campaign'], operation: ['getUsageData'] } };

export const campaignGetUsageDataFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		displayName: 'Sessions',
		name: 'sessions',
		type: 'options',
		default: 'all',
		description: 'Which coupon sessions of the campaign to return',
		displayOptions,
		// Each of the four documented session lists has its own path; the selected one replaces the operation's.
		options: [
			{
				name: 'All',
				value: 'all',
				description: 'Every session, whatever its state',
				routing: { request: { url: '/v3/campaign/data' } },
			},
			{
				name: 'Claimed',
				value: 'claimed',
				description: 'Sessions whose coupon was claimed',
				routing: { request: { url: '/v3/campaign/claims' } },
			},
			{
				name: 'Opened',
				value: 'opened',
				description: 'Sessions whose coupon was opened',
				routing: { request: { url: '/v3/campaign/opens' } },
			},
			{
				name: 'Validated',
				value: 'validated',
				description: 'Sessions whose coupon was redeemed',
				routing: { request: { url: '/v3/campaign/validations' } },
			},
		],
	},
	...returnAllAndLimit(displayOptions),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'End Date (UTC)',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Only sessions up to this moment, inclusive, in UTC',
				routing: {
					send: {
						type: 'body',
						property: 'end_date',
						preSend: [formatDatesInBody(['end_date'], 'yyyy-MM-dd HH:mm')],
					},
				},
			},
			{
				displayName: 'Start Date (UTC)',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Only sessions from this moment on, inclusive, in UTC',
				routing: {
					send: {
						type: 'body',
						property: 'start_date',
						preSend: [formatDatesInBody(['start_date'], 'yyyy-MM-dd HH:mm')],
					},
				},
			},
		],
	},
];
