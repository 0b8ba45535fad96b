import type { INodeProperties } from 'n8n-workflow';

import { EMAIL_GROUP, contactAdditionalFields, groupLocator } from '../../shared/groupFields';

const displayOptions = { show: { resource: ['emailGroup'], operation: ['addContact'] } };

export const emailGroupAddContactFields: INodeProperties[] = [
	groupLocator(EMAIL_GROUP, displayOptions),
	{
		displayName: 'Email',
		name: 'contactEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: "The contact's email address",
		displayOptions,
		routing: { send: { type: 'body', property: 'email' } },
	},
	contactAdditionalFields(displayOptions, 'emailContactFields'),
];
