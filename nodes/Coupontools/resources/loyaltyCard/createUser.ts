import type { INodeProperties } from 'n8n-workflow';

import { bodyTextField, dayField } from '../../shared/fields';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['createUser'] } };

export const loyaltyCardCreateUserFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'cardUserEmail',
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
		name: 'cardUserFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			dayField({
				displayName: 'Birthday',
				name: 'birthday',
				description: "The user's date of birth (only the date is sent)",
			}),
			bodyTextField({ displayName: 'City', name: 'city', placeholder: 'e.g. Ghent' }),
			bodyTextField({
				displayName: 'First Name',
				name: 'firstName',
				property: 'first_name',
				placeholder: 'e.g. Jane',
			}),
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
			bodyTextField({
				displayName: 'Last Name',
				name: 'lastName',
				property: 'last_name',
				placeholder: 'e.g. Doe',
			}),
			bodyTextField({ displayName: 'Phone', name: 'phone', placeholder: 'e.g. +32470123456' }),
		],
	},
];
