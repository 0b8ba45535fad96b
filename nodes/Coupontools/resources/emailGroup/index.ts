import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { CONTACT_LIST_KEYS, GROUP_LIST_KEYS } from '../../shared/groupFields';
import { coupontoolsOutput } from '../../shared/output';
import { requestHook } from '../../shared/requestHook';
import { emailGroupAddContactFields } from './addContact';
import { emailGroupCreateFields } from './create';
import { emailGroupGetAllFields } from './getAll';
import { emailGroupGetContactsFields } from './getContacts';

/**
 * The email tool's calls. Only grouplist is documented; the docs list more emailtool calls after it but
 * they could not be read (coupontools-api.md §5.8). The other three mirror the SMS tool's paths, with
 * `emailgroup` / `email` for `smsgroup` / `phone`: INFERRED, change the path here if the live API differs.
 */
export const EMAIL_TOOL_PATHS = {
	groupList: '/v3/emailtool/grouplist',
	contactList: '/v3/emailtool/userlist',
	addGroup: '/v3/emailtool/addgroup',
	addContact: '/v3/emailtool/addcontact',
} as const;

export const emailGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailGroup'] } },
		default: 'getAll',
		options: [
			{
				name: 'Add Contact',
				value: 'addContact',
				action: 'Add a contact to an email group',
				description:
					'Add an email address, with optional name, birthday and custom fields, to an email group',
				routing: {
					request: { method: 'POST', url: EMAIL_TOOL_PATHS.addContact },
					operations: { pagination: requestHook({}) },
					send: { preSend: [dropEmptyBodyFields] },
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an email group',
				description: 'Create a new group of email contacts',
				routing: {
					request: { method: 'POST', url: EMAIL_TOOL_PATHS.addGroup },
					operations: { pagination: requestHook({}) },
					output: { postReceive: [coupontoolsOutput({ object: 'group' })] },
				},
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				action: 'Get contacts of an email group',
				description: 'Retrieve the contacts of one email group, one item per contact',
				routing: {
					request: { method: 'POST', url: EMAIL_TOOL_PATHS.contactList },
					operations: { pagination: requestHook({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: CONTACT_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many email groups',
				description: 'Retrieve the email groups of the account',
				routing: {
					request: { method: 'POST', url: EMAIL_TOOL_PATHS.groupList },
					operations: { pagination: requestHook({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: GROUP_LIST_KEYS })] },
				},
			},
		],
	},
	...emailGroupGetAllFields,
	...emailGroupGetContactsFields,
	...emailGroupCreateFields,
	...emailGroupAddContactFields,
];
