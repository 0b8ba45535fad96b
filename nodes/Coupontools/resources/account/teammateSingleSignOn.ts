import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../shared/fields';

const displayOptions = { show: { resource: ['account'], operation: ['teammateSingleSignOn'] } };

export const accountTeammateSingleSignOnFields: INodeProperties[] = [
	{
		displayName: 'Teammate ID',
		name: 'teammate',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 12345',
		description:
			'The number of the teammate, as shown in the Coupontools dashboard under Teammates',
		displayOptions,
		routing: { send: { type: 'body', property: 'teammate' } },
	},
	// Coupontools documents campaign errors for this call, not the parameter itself: the campaign the
	// link opens (README: "Endpoints not confirmed by public documentation").
	campaignLocator(displayOptions, {
		name: 'teammateCampaign',
		required: false,
		description: 'The campaign the link opens after logging in. Leave empty for the dashboard.',
	}),
];
