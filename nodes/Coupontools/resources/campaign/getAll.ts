import type { INodeProperties } from 'n8n-workflow';

import { collectionField, returnAllAndLimit } from '../../shared/fields';

const displayOptions = { show: { resource: ['campaign'], operation: ['getAll'] } };

export const campaignGetAllFields: INodeProperties[] = [
	// The campaign list is one answer (no paging documented): Limit trims it.
	...returnAllAndLimit(displayOptions, 'unpaged'),
	collectionField({
		displayName: 'Filters',
		name: 'filters',
		displayOptions,
		options: [
			{
				displayName: 'Category ID',
				name: 'category',
				type: 'string',
				default: '',
				placeholder: 'e.g. cat_123',
				description: 'Only campaigns in this category',
				routing: { send: { type: 'body', property: 'category' } },
			},
			{
				displayName: 'Folder ID',
				name: 'folder',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234',
				description: 'Only campaigns in this dashboard folder',
				routing: { send: { type: 'body', property: 'folder' } },
			},
			{
				displayName: 'Only Active',
				name: 'onlyActive',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active campaigns',
				routing: { send: { type: 'body', property: 'only_active' } },
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. summer,newsletter',
				description: 'Only campaigns with these tags (comma-separated)',
				routing: { send: { type: 'body', property: 'tags' } },
			},
		],
	}),
];
