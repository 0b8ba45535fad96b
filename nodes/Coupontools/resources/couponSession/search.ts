import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator, collectionField } from '../../shared/fields';

const displayOptions = { show: { resource: ['couponSession'], operation: ['search'] } };

export const couponSessionSearchFields: INodeProperties[] = [
	{
		displayName: 'Search For',
		name: 'search',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: 'A custom validation code, a phone number or an email address of the consumer',
		displayOptions,
		routing: { send: { type: 'body', property: 'search' } },
	},
	collectionField({
		displayName: 'Options',
		name: 'options',
		displayOptions,
		options: [
			{
				...campaignLocator({}),
				required: false,
				description: 'Only search the sessions of this campaign',
			},
		],
	}),
];
