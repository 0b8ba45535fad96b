import type { INodeProperties } from 'n8n-workflow';

import { formatDatesInBody } from '../../shared/fields';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['createUser'] } };

export const loyaltyCardCreateUserFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: "The user's email address, used to log in to the loyalty card",
		displayOptions,
		routing: { send: { type: 'body', property: 'email' } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The password the user logs in with',
		displayOptions,
		routing: { send: { type: 'body', property: 'password' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Birthday',
				name: 'birthday',
				type: 'dateTime',
				default: '',
				description: "The user's date of birth (only the date is sent)",
				routing: { send: { type: 'body', property: 'birthday', preSend: [formatDatesInBody(['birthday'], 'yyyy-MM-dd')] } },
			},
			{
				displayName: 'City',
				name: 'city',
				type: 'string',
				default: '',
				placeholder: 'e.g. Ghent',
				routing: { send: { type: 'body', property: 'city' } },
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane',
				routing: { send: { type: 'body', property: 'first_name' } },
			},
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				default: 'unknown',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
					{ name: 'Unknown', value: 'unknown' },
				],
				routing: { send: { type: 'body', property: 'gender' } },
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Doe',
				routing: { send: { type: 'body', property: 'last_name' } },
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +32470123456',
				routing: { send: { type: 'body', property: 'phone' } },
			},
		],
	},
];
