import type { INodeProperties } from 'n8n-workflow';

import { SMS_GROUP, contactAdditionalFields, groupLocator } from '../../shared/groupFields';

const displayOptions = { show: { resource: ['smsGroup'], operation: ['addContact'] } };

export const smsGroupAddContactFields: INodeProperties[] = [
	groupLocator(SMS_GROUP, displayOptions),
	{
		displayName: 'Phone',
		name: 'contactPhone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +32470123456',
		description:
			'The contact in E.164 format: + and the country code, then the number without its leading 0',
		displayOptions,
		routing: { send: { type: 'body', property: 'phone' } },
	},
	contactAdditionalFields(displayOptions, 'smsContactFields'),
];
