import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { bodyTextField, collectionField, dayField, returnAllAndLimit } from '../../shared/fields';
import { idLocator } from '../../shared/locator';
import type { GroupKind } from './kinds';

/** Group picker: searchable list of the tool's groups, or a gro_ ID. */
export function groupLocator(kind: GroupKind, displayOptions: IDisplayOptions): INodeProperties {
	return idLocator({
		displayName: kind.displayName,
		name: kind.name,
		description: `The ${kind.noun} to use`,
		searchListMethod: kind.searchListMethod,
		listPlaceholder: 'Select a group…',
		idPlaceholder: 'e.g. gro_12345',
		idRegex: 'gro_[A-Za-z0-9]+',
		idErrorMessage: 'A group ID starts with gro_, e.g. gro_12345',
		property: kind.property,
		displayOptions,
	});
}

/**
 * The optional contact fields of the SMS tool's addcontact (https://docs.coupontools.com, SMS tool);
 * birthday is inferred from its 303 error.
 */
function contactAdditionalFields(displayOptions: IDisplayOptions, name: string): INodeProperties {
	const customFields: INodeProperties[] = [1, 2, 3, 4, 5, 6, 7].map((n) =>
		bodyTextField({
			displayName: `Custom Field ${n}`,
			name: `customfield${n}`,
			description: `Custom field ${n} of the contact`,
		}),
	);
	return collectionField({
		displayName: 'Additional Fields',
		name,
		displayOptions,
		options: [
			dayField({
				displayName: 'Birthday',
				name: 'birthday',
				description: "The contact's date of birth (only the day is sent)",
			}),
			...customFields,
			bodyTextField({ displayName: 'First Name', name: 'first_name', placeholder: 'e.g. Jane' }),
			bodyTextField({ displayName: 'Last Name', name: 'last_name', placeholder: 'e.g. Doe' }),
		],
	});
}

/** The fields of the four operations, in the order the editor shows them. */
export function groupFields(kind: GroupKind): INodeProperties[] {
	const on = (operation: string) => ({ show: { resource: [kind.name], operation: [operation] } });
	const { contact } = kind;
	return [
		// The group list takes no parameters and is not paged: Limit trims the one answer.
		...returnAllAndLimit(on('getAll'), 'unpaged'),
		// No paging is documented for userlist: Limit trims the one answer.
		groupLocator(kind, on('getContacts')),
		...returnAllAndLimit(on('getContacts'), 'unpaged'),
		{
			displayName: 'Name',
			name: 'groupName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Newsletter subscribers',
			description: `The name of the new ${kind.noun}`,
			displayOptions: on('create'),
			routing: { send: { type: 'body', property: 'group_name' } },
		},
		groupLocator(kind, on('addContact')),
		{
			displayName: contact.displayName,
			name: contact.name,
			type: 'string',
			default: '',
			required: true,
			placeholder: contact.placeholder,
			description: contact.description,
			displayOptions: on('addContact'),
			routing: { send: { type: 'body', property: contact.property } },
		},
		contactAdditionalFields(on('addContact'), kind.contactFieldsName),
	];
}
