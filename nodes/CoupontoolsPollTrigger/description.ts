import type { INodeProperties } from 'n8n-workflow';

import { dateFieldByVersion } from '../Coupontools/shared/dates';
import { collectionField } from '../Coupontools/shared/fields';
import { EVENT_OPTIONS } from './events';
import { DEFAULT_MAX_REQUESTS, START_FROM_ZONE_VERSION } from './settings';

const CAMPAIGN_EVENTS_SHOWN = {
	show: { events: ['coupon_opened', 'coupon_claimed', 'coupon_validated'] },
};

/**
 * The line at the top of the panel: information, not a warning, so n8n's info box with a dismiss button
 * rather than a notice (n8n's own polling triggers show none). It names the other trigger for users who
 * need each event the moment it happens.
 */
export const POLLING_CALLOUT =
	'Checks Coupontools for new events at the Poll Times above. To get each event the moment it happens, use the Coupontools Trigger instead (it needs a public URL).';

/** The trigger's fields (n8n adds Poll Times in front of them). Data only. */
export const properties: INodeProperties[] = [
	{
		displayName: POLLING_CALLOUT,
		name: 'pollingNotice',
		type: 'callout',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['coupon_validated'],
		options: EVENT_OPTIONS,
		description: 'Which events start the workflow: one item per event, oldest first',
	},
	{
		displayName: 'Campaigns',
		name: 'campaignScope',
		type: 'options',
		default: 'active',
		displayOptions: { show: { events: ['coupon_opened', 'coupon_claimed', 'coupon_validated'] } },
		options: [
			{
				name: 'All Active Campaigns',
				value: 'active',
				description: 'Every active campaign of the account, including ones created later',
			},
			{
				name: 'All Campaigns',
				value: 'all',
				description: 'Active and inactive campaigns',
			},
			{
				name: 'Selected Campaigns',
				value: 'selected',
				description: 'Only the campaigns you choose below',
			},
		],
		description: 'Which campaigns to watch',
	},
	{
		displayName: 'Campaign Names or IDs',
		name: 'campaigns',
		type: 'multiOptions',
		required: true,
		default: [],
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		displayOptions: {
			show: { ...CAMPAIGN_EVENTS_SHOWN.show, campaignScope: ['selected'] },
		},
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Directories',
		name: 'directoryScope',
		type: 'options',
		default: 'all',
		displayOptions: { show: { events: ['directory_user_registered'] } },
		options: [
			{
				name: 'All Directories',
				value: 'all',
				description: 'Every directory of the account, including ones created later',
			},
			{
				name: 'Selected Directories',
				value: 'selected',
				description: 'Only the directories you choose below',
			},
		],
		description: 'Which directories to watch for registrations',
	},
	{
		displayName: 'Directory Names or IDs',
		name: 'directories',
		type: 'multiOptions',
		required: true,
		default: [],
		typeOptions: { loadOptionsMethod: 'getDirectories' },
		displayOptions: {
			show: { events: ['directory_user_registered'], directoryScope: ['selected'] },
		},
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	collectionField({
		displayName: 'Options',
		name: 'options',
		options: [
			...dateFieldByVersion(
				{
					displayName: 'Start From',
					name: 'startFrom',
					type: 'dateTime',
					default: '',
					description:
						"Also start the workflow for the events since this date and time, in the workflow's time zone, when you publish the workflow. Leave it empty to start only for events that happen after publishing. A value with its own offset keeps it. Changing it later starts over from the new date.",
				},
				{
					displayName: 'Start From',
					description:
						'Also emit the events since this date (UTC) when the workflow is activated. Empty: only events from activation on. Changing it starts over from the new date.',
				},
				START_FROM_ZONE_VERSION,
			),
			{
				displayName: 'Max Requests per Poll',
				name: 'maxRequestsPerPoll',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_REQUESTS,
				description:
					'How many requests one check may send to Coupontools: one per watched campaign and event, one per directory, plus one to list them when you watch all. The default 100, with the default Poll Times (every minute), checks 33 campaigns for all three coupon events, or 99 for one event, each minute. Campaigns left over are checked first at the next check, so no event is lost.',
			},
		],
	}),
];
