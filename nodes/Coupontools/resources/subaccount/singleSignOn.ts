import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locator';
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
	// Its own parameter name: the list shows the subaccount's campaigns, not the main account's.
	idLocator({
		displayName: 'Campaign',
		name: 'subaccountCampaign',
		description: 'The campaign of the subaccount to open for editing',
		searchListMethod: 'searchSubaccountCampaigns',
		listPlaceholder: 'Select a campaign of the subaccount…',
		idPlaceholder: 'e.g. cam_12345',
		idRegex: 'cam_[A-Za-z0-9]+',
		idErrorMessage: 'A campaign ID starts with cam_, e.g. cam_12345',
		property: 'campaign',
		displayOptions: { show: { ...displayOptions.show, page: ['update_campaign'] } },
	}),
];
