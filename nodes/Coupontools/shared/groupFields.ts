import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { bodyTextField, formatDatesInBody } from './fields';

/** The two message tools (SMS and email) keep contacts in groups with gro_ IDs, each with its own list. */
export interface GroupKind {
	/** Parameter name in the node: one per picker, so the two lists never share a name. */
	name: 'smsGroup' | 'emailGroup';
	displayName: string;
	/** How descriptions name it, e.g. "SMS group". */
	noun: string;
	/** listSearch method (Coupontools.node.ts). */
	searchListMethod: 'searchSmsGroups' | 'searchEmailGroups';
	/** The API's body parameter. */
	property: 'smsgroup' | 'emailgroup';
}

export const SMS_GROUP: GroupKind = {
	name: 'smsGroup',
	displayName: 'SMS Group',
	noun: 'SMS group',
	searchListMethod: 'searchSmsGroups',
	property: 'smsgroup',
};
export const EMAIL_GROUP: GroupKind = {
	name: 'emailGroup',
	displayName: 'Email Group',
	noun: 'email group',
	searchListMethod: 'searchEmailGroups',
	property: 'emailgroup',
};

/** Group picker: searchable list of the tool's groups, or a gro_ ID. */
export function groupLocator(kind: GroupKind, displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: kind.displayName,
		name: kind.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${kind.noun} to use`,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group…',
				typeOptions: { searchListMethod: kind.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. gro_12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: 'gro_[A-Za-z0-9]+',
							errorMessage: 'A group ID starts with gro_, e.g. gro_12345',
						},
					},
				],
			},
		],
		routing: { send: { type: 'body', property: kind.property } },
	};
}

/**
 * The optional contact fields of the SMS tool's addcontact (§5.8); birthday is inferred from its 303 error.
 * `name` is per operation: names are unique across the node (why: test/descriptions.test.ts, "unique names").
 */
export function contactAdditionalFields(
	displayOptions: IDisplayOptions,
	name: string,
): INodeProperties {
	const customFields: INodeProperties[] = [1, 2, 3, 4, 5, 6, 7].map((n) =>
		bodyTextField({
			displayName: `Custom Field ${n}`,
			name: `customfield${n}`,
			description: `Custom field ${n} of the contact`,
		}),
	);
	return {
		displayName: 'Additional Fields',
		name,
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
				description: "The contact's date of birth (only the day is sent)",
				routing: {
					send: {
						type: 'body',
						property: 'birthday',
						preSend: [formatDatesInBody(['birthday'], 'yyyy-MM-dd')],
					},
				},
			},
			...customFields,
			bodyTextField({ displayName: 'First Name', name: 'first_name', placeholder: 'e.g. Jane' }),
			bodyTextField({ displayName: 'Last Name', name: 'last_name', placeholder: 'e.g. Doe' }),
		],
	};
}

/** Group lists: `group` is documented for the SMS tool; the email tool's shape is not, so alternatives follow. */
export const GROUP_LIST_KEYS = ['group', 'groups', 'data'];

/** Contact lists (userlist): the docs cut off after `group_id`, so these keys are tried in order (then the only array). */
export const CONTACT_LIST_KEYS = ['user', 'users', 'contact', 'contacts', 'data'];
