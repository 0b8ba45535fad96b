import type { INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['emailGroup'], operation: ['create'] } };

export const emailGroupCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'groupName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Newsletter subscribers',
		description: 'The name of the new email group',
		displayOptions,
		routing: { send: { type: 'body', property: 'group_name' } },
	},
];
