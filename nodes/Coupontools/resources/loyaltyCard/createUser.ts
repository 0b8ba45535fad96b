import type { INodeProperties } from 'n8n-workflow';

import { collectionField, dayField } from '../../shared/fields';
import { emailField, passwordField, personField } from '../../shared/personFields';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['createUser'] } };

export const loyaltyCardCreateUserFields: INodeProperties[] = [
	emailField({
		name: 'cardUserEmail',
		required: true,
		description: "The user's email address, used to log in to the loyalty card",
		displayOptions,
	}),
	passwordField({
		required: true,
		description: 'The password the user logs in with',
		displayOptions,
	}),
	collectionField({
		displayName: 'Additional Fields',
		name: 'cardUserFields',
		displayOptions,
		options: [
			dayField({
				displayName: 'Birthday',
				name: 'birthday',
				description: "The user's date of birth (only the date is sent)",
			}),
			personField('city'),
			personField('firstName'),
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
			personField('lastName'),
			personField('phone'),
		],
	}),
];
