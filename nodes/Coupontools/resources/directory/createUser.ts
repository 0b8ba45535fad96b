import type { INodeProperties } from 'n8n-workflow';

import { bodyTextField, collectionField, dayField } from '../../shared/fields';
import { emailField, passwordField, personField } from '../../shared/personFields';
import { v4DirectoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['createUser'] } };

export const directoryCreateUserFields: INodeProperties[] = [
	v4DirectoryLocator(displayOptions),
	emailField({
		name: 'directoryUserEmail',
		required: true,
		description: "The user's email address, used to log in to the directory",
		displayOptions,
	}),
	collectionField({
		displayName: 'Additional Fields',
		name: 'directoryUserFields',
		displayOptions,
		options: [
			personField('address'),
			dayField({
				displayName: 'Birth Date',
				name: 'birthDate',
				property: 'birth_date',
				description: "The user's date of birth (only the date is sent)",
			}),
			personField('city'),
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
			personField('firstName'),
			personField('lastName'),
			passwordField({
				description: 'The password the user logs in with. Coupontools generates one when left out.',
			}),
			personField('phone'),
			personField('zip'),
		],
	}),
];
