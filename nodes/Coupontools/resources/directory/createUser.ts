import type { INodeProperties } from 'n8n-workflow';

import { formatDatesInBody } from '../../shared/fields';
import { v4DirectoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['createUser'] } };

function text(displayName: string, name: string, property: string, placeholder: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', placeholder, routing: { send: { type: 'body', property } } };
}

export const directoryCreateUserFields: INodeProperties[] = [
	v4DirectoryLocator(displayOptions),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: "The user's email address, used to log in to the directory",
		displayOptions,
		routing: { send: { type: 'body', property: 'email' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			text('Address', 'address', 'address', 'e.g. Main Street 1'),
			{
				displayName: 'Birth Date',
				name: 'birthDate',
				type: 'dateTime',
				default: '',
				description: "The user's date of birth (only the date is sent)",
				routing: { send: { type: 'body', property: 'birth_date', preSend: [formatDatesInBody(['birth_date'], 'yyyy-MM-dd')] } },
			},
			text('City', 'city', 'city', 'e.g. Ghent'),
			text('Custom Field 1', 'custom1', 'custom_1', 'e.g. Gold member'),
			text('Custom Field 2', 'custom2', 'custom_2', 'e.g. Newsletter'),
			text('Custom Field 3', 'custom3', 'custom_3', 'e.g. Referral'),
			text('First Name', 'firstName', 'first_name', 'e.g. Jane'),
			text('Last Name', 'lastName', 'last_name', 'e.g. Doe'),
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The password the user logs in with. Coupontools generates one when left out.',
				routing: { send: { type: 'body', property: 'password' } },
			},
			text('Phone', 'phone', 'phone', 'e.g. +32470123456'),
			text('ZIP Code', 'zip', 'zip', 'e.g. 9000'),
		],
	},
];
