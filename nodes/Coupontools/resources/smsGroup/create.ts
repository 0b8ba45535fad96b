import type { INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['smsGroup'], operation: ['create'] } };

export const smsGroupCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'groupName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Newsletter subscribers',
		description: 'The name of the new SMS group',
		displayOptions,
		routing: { send: { type: 'body', property: 'group_name' } },
	},
];
