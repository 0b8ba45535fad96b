import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../shared/fields';

const displayOptions = { show: { resource: ['campaign'], operation: ['get'] } };

export const campaignGetFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		displayName: 'Show Usage Stats',
		name: 'showUsageStats',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the number of custom validation codes and how many of them have been claimed',
		displayOptions,
		routing: { send: { type: 'body', property: 'show_usage_stats' } },
	},
];
