import type { INodeProperties } from 'n8n-workflow';

import { collectionField, returnAllAndLimit } from '../../shared/fields';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['getAll'] } };

export const loyaltyCardGetAllFields: INodeProperties[] = [
	// The list is answered in one piece (no paging documented): Limit only trims it.
	...returnAllAndLimit(displayOptions, 'unpaged'),
	collectionField({
		displayName: 'Options',
		name: 'options',
		displayOptions,
		options: [
			{
				displayName: 'Only Active',
				name: 'onlyActive',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active loyalty cards',
				routing: { send: { type: 'body', property: 'only_active' } },
			},
			{
				displayName: 'Sort by Creation Date',
				name: 'sorting',
				type: 'options',
				default: 'asc',
				description:
					'The order of the loyalty cards (Coupontools lists the oldest first by default)',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				routing: { send: { type: 'body', property: 'sorting' } },
			},
		],
	}),
];
