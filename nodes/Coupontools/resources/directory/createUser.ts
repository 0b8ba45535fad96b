import type { INodeProperties } from 'n8n-workflow';

import { bodyTextField, dayField } from '../../shared/fields';
import { v4DirectoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['createUser'] } };

export const directoryCreateUserFields: INodeProperties[] = [
	v4DirectoryLocator(displayOptions),
	{
		displayName: 'Email',
		name: 'directoryUserEmail',
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
		name: 'directoryUserFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			bodyTextField({ displayName: 'Address', name: 'address', placeholder: 'e.g. Main Street 1' }),
			dayField({
				displayName: 'Birth Date',
				name: 'birthDate',
				property: 'birth_date',
				description: "The user's date of birth (only the date is sent)",
			}),
			bodyTextField({ displayName: 'City', name: 'city', placeholder: 'e.g. Ghent' }),
			bodyTextField({
				displayName: 'Custom Field 1',
				name: 'custom1',
				property: 'custom_1',
				placeholder: 'e.g. Gold member',
			}),
			bodyTextField({
				displayName: 'Custom Field 2',
				name: 'custom2',
				property: 'custom_2',
				placeholder: 'e.g. Newsletter',
			}),
			bodyTextField({
				displayName: 'Custom Field 3',
				name: 'custom3',
				property: 'custom_3',
				placeholder: 'e.g. Referral',
			}),
			bodyTextField({
				displayName: 'First Name',
				name: 'firstName',
				property: 'first_name',
				placeholder: 'e.g. Jane',
			}),
			bodyTextField({
				displayName: 'Last Name',
				name: 'lastName',
				property: 'last_name',
				placeholder: 'e.g. Doe',
			}),
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The password the user logs in with. Coupontools generates one when left out.',
				routing: { send: { type: 'body', property: 'password' } },
			},
			bodyTextField({ displayName: 'Phone', name: 'phone', placeholder: 'e.g. +32470123456' }),
			bodyTextField({ displayName: 'ZIP Code', name: 'zip', placeholder: 'e.g. 9000' }),
		],
	},
];
