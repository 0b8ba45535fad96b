import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	DATE_FIELDS,
	dateFieldByVersion,
	dateInBody,
	WORKFLOW_ZONE_VERSION,
} from '../../shared/dates';
import { campaignLocator, collectionField, returnAllAndLimit } from '../../shared/fields';

/** One of the documented session lists of a campaign, with its own path; its value is its name in lower case. */
function sessionList(name: string, description: string, url: string): INodePropertyOptions {
	return { name, value: name.toLowerCase(), description, routing: { request: { url } } };
}

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
			sessionList('All', 'Every session, whatever its state', '/v3/campaign/data'),
			sessionList('Claimed', 'Sessions whose coupon was claimed', '/v3/campaign/claims'),
			sessionList('Opened', 'Sessions whose coupon was opened', '/v3/campaign/opens'),
			sessionList('Validated', 'Sessions whose coupon was redeemed', '/v3/campaign/validations'),
		],
	},
	...returnAllAndLimit(displayOptions),
	collectionField({
		displayName: 'Filters',
		name: 'filters',
		displayOptions,
		options: [
			...dateFieldByVersion(
				{
					displayName: 'End Date',
					name: 'endDate',
					type: 'dateTime',
					default: '',
					description:
						"Only sessions up to this moment, inclusive. Without a time zone it is in the workflow's time zone (Settings → Timezone); a date alone means the end of that day.",
					routing: {
						send: {
							type: 'body',
							property: 'end_date',
							preSend: [dateInBody('end_date', DATE_FIELDS.usageEnd)],
						},
					},
				},
				{
					displayName: 'End Date (UTC)',
					description: 'Only sessions up to this moment, inclusive, in UTC',
				},
				WORKFLOW_ZONE_VERSION,
			),
			...dateFieldByVersion(
				{
					displayName: 'Start Date',
					name: 'startDate',
					type: 'dateTime',
					default: '',
					description:
						"Only sessions from this moment on, inclusive. Without a time zone it is in the workflow's time zone (Settings → Timezone).",
					routing: {
						send: {
							type: 'body',
							property: 'start_date',
							preSend: [dateInBody('start_date', DATE_FIELDS.usageStart)],
						},
					},
				},
				{
					displayName: 'Start Date (UTC)',
					description: 'Only sessions from this moment on, inclusive, in UTC',
				},
				WORKFLOW_ZONE_VERSION,
			),
		],
	}),
];
