import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator, formatDatesInBody, returnAllAndLimit } from '../../shared/fields';

const displayOptions = { show: { resource: ['campaign'], operation: ['getUsageData'] } };

/** Which of the four documented session lists to read; the value is the last segment of the URL. */
export const SESSION_LISTS = {
	all: 'data',
	opened: 'opens',
	claimed: 'claims',
	validated: 'validations',
} as const;

export const campaignGetUsageDataFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		displayName: 'Sessions',
		name: 'sessions',
		type: 'options',
		default: 'all',
		description: 'Which coupon sessions of the campaign to return',
		displayOptions,
		options: [
			{ name: 'All', value: 'all', description: 'Every session, whatever its state' },
			{ name: 'Claimed', value: 'claimed', description: 'Sessions whose coupon was claimed' },
			{ name: 'Opened', value: 'opened', description: 'Sessions whose coupon was opened' },
			{ name: 'Validated', value: 'validated', description: 'Sessions whose coupon was redeemed' },
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
