import type { INodeProperties } from 'n8n-workflow';

import { dateFieldByVersion } from '../Coupontools/shared/dates';
import { collectionField } from '../Coupontools/shared/fields';
import { EVENT_OPTIONS } from './events';
import { DEFAULT_MAX_REQUESTS, START_FROM_ZONE_VERSION } from './settings';

const CAMPAIGN_EVENTS_SHOWN = {
	show: { events: ['coupon_opened', 'coupon_claimed', 'coupon_validated'] },
};

/** The trigger's fields (n8n adds Poll Times in front of them). Data only. */
export const properties: INodeProperties[] = [
	{
		displayName:
			'Checks Coupontools for new events on the schedule above; works where Coupontools cannot reach your n8n. For instant events at a public URL, use the Coupontools Trigger.',
		name: 'pollingNotice',
		type: 'notice',
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
			{ name: 'Selected Campaigns', value: 'selected' },
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
			{ name: 'Selected Directories', value: 'selected' },
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
						"Also emit the events since this date when the workflow is activated; without a time zone it is in the workflow's time zone (Settings → Timezone). Empty: only events from activation on. Changing it starts over from the new date.",
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
					'Upper bound of Coupontools calls in one poll. With many campaigns, the ones not reached are checked first on the next poll; no event is lost.',
			},
		],
	}),
];
