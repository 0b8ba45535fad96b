import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { BodyTextFieldSpec } from './fields';
import { bodyTextField } from './fields';

/** The contact details Coupontools keeps on a person (directory users, loyalty card users): one label, example and body key each. */
const PERSON_FIELDS = {
	address: { displayName: 'Address', name: 'address', placeholder: 'e.g. Main Street 1' },
	city: { displayName: 'City', name: 'city', placeholder: 'e.g. Ghent' },
	firstName: {
		displayName: 'First Name',
		name: 'firstName',
		property: 'first_name',
		placeholder: 'e.g. Jane',
	},
	lastName: {
		displayName: 'Last Name',
		name: 'lastName',
		property: 'last_name',
		placeholder: 'e.g. Doe',
	},
	phone: { displayName: 'Phone', name: 'phone', placeholder: 'e.g. +32470123456' },
	zip: { displayName: 'ZIP Code', name: 'zip', placeholder: 'e.g. 9000' },
} satisfies Record<string, BodyTextFieldSpec>;

/** One optional contact detail of a person, built fresh for each place it is shown. */
export function personField(key: keyof typeof PERSON_FIELDS): INodeProperties {
	return bodyTextField(PERSON_FIELDS[key]);
}

/** A person's email address, sent as `email`; the description says what it is used for. */
export function emailField({
	name,
	required,
	description,
	displayOptions,
}: {
	name: string;
	required?: boolean;
	description: string;
	displayOptions: IDisplayOptions;
}): INodeProperties {
	return {
		displayName: 'Email',
		name,
		type: 'string',
		default: '',
		...(required ? { required } : {}),
		placeholder: 'e.g. jane@example.com',
		description,
		displayOptions,
		routing: { send: { type: 'body', property: 'email' } },
	};
}

/** The login password of a user or subaccount, sent as `password` and masked in the editor. */
export function passwordField({
	required,
	description,
	displayOptions,
}: {
	required?: boolean;
	description: string;
	displayOptions?: IDisplayOptions;
}): INodeProperties {
	return {
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		...(required ? { required } : {}),
		description,
		...(displayOptions ? { displayOptions } : {}),
		routing: { send: { type: 'body', property: 'password' } },
	};
}
