import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../shared/fields';

const displayOptions = { show: { resource: ['singleUse'], operation: ['delete'] } };

export const singleUseDeleteFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		displayName: 'Single-Use Code',
		name: 'couponsession',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ac6s7u3g8a25ja7x9qg87',
		description: 'The single_use_code returned when the URL was created',
		displayOptions,
		routing: { send: { type: 'body', property: 'couponsession' } },
	},
];
