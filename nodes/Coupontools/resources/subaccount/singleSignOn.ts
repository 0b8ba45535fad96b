import type { INodeProperties } from 'n8n-workflow';

import { subaccountLocator } from './shared';

const displayOptions = { show: { resource: ['subaccount'], operation: ['singleSignOn'] } };

export const subaccountSingleSignOnFields: INodeProperties[] = [
	subaccountLocator(displayOptions),
	{
		displayName: 'Page',
		name: 'page',
		type: 'options',
		default: '',
		description: 'The dashboard page the link opens after logging in',
		displayOptions,
		options: [
			{ name: 'Add Campaign', value: 'add_campaign', description: 'Create a new campaign' },
			{ name: 'Campaigns', value: 'campaigns', description: 'The list of campaigns' },
			{
				name: 'Default',
				value: '',
				description: 'The page Coupontools opens after a normal login',
			},
			{ name: 'Distribution', value: 'distribution', description: 'Distribution of campaigns' },
			{ name: 'Statistics', value: 'statistics', description: 'Campaign statistics' },
			{
				name: 'Update Campaign',
				value: 'update_campaign',
				description: 'Edit one campaign of the subaccount',
			},
		],
		routing: { send: { type: 'body', property: 'page' } },
	},
	{
		// Its own parameter name: the list shows the subaccount's campaigns, not the main account's.
		displayName: 'Campaign',
		name: 'subaccountCampaign',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The campaign of the subaccount to open for editing',
		displayOptions: { show: { ...displayOptions.show, page: ['update_campaign'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a campaign of the subaccount…',
				typeOptions: { searchListMethod: 'searchSubaccountCampaigns', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. cam_12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: 'cam_[A-Za-z0-9]+',
							errorMessage: 'A campaign ID starts with cam_, e.g. cam_12345',
						},
					},
				],
			},
		],
		routing: { send: { type: 'body', property: 'campaign' } },
	},
];
