import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { CONTACT_LIST_KEYS, GROUP_LIST_KEYS } from '../../shared/groupFields';
import { coupontoolsOutput } from '../../shared/output';
import { requestHook } from '../../shared/requestHook';
import { E164_PHONE } from '../../shared/validation';
import { smsGroupAddContactFields } from './addContact';
import { smsGroupCreateFields } from './create';
import { smsGroupGetAllFields } from './getAll';
import { smsGroupGetContactsFields } from './getContacts';

/** The SMS tool's calls, all documented (coupontools-api.md §5.8). */
export const SMS_TOOL_PATHS = {
	groupList: '/v3/smstool/grouplist',
	contactList: '/v3/smstool/userlist',
	addGroup: '/v3/smstool/addgroup',
	addContact: '/v3/smstool/addcontact',
} as const;

export const smsGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['smsGroup'] } },
		default: 'getAll',
		options: [
			{
				name: 'Add Contact',
				value: 'addContact',
				action: 'Add a contact to an SMS group',
				description:
					'Add a phone number, with optional name, birthday and custom fields, to an SMS group',
				routing: {
					request: { method: 'POST', url: SMS_TOOL_PATHS.addContact },
					operations: {
						pagination: requestHook({ rules: { phone: E164_PHONE }, required: ['phone'] }),
					},
					send: { preSend: [dropEmptyBodyFields] },
					// Answer shape not documented: passed through as it comes.
					output: { postReceive: [coupontoolsOutput()] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an SMS group',
				description: 'Create a new group of SMS contacts',
				routing: {
					request: { method: 'POST', url: SMS_TOOL_PATHS.addGroup },
					operations: { pagination: requestHook({}) },
					// Answer shape not documented: a `group` object is unwrapped, anything else passed through.
					output: { postReceive: [coupontoolsOutput({ object: 'group' })] },
				},
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				action: 'Get contacts of an SMS group',
				description: 'Retrieve the contacts of one SMS group, one item per contact',
				routing: {
					request: { method: 'POST', url: SMS_TOOL_PATHS.contactList },
					operations: { pagination: requestHook({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: CONTACT_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SMS groups',
				description: 'Retrieve the SMS groups of the account',
				routing: {
					request: { method: 'POST', url: SMS_TOOL_PATHS.groupList },
					operations: { pagination: requestHook({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: GROUP_LIST_KEYS })] },
				},
			},
		],
	},
	...smsGroupGetAllFields,
	...smsGroupGetContactsFields,
	...smsGroupCreateFields,
	...smsGroupAddContactFields,
];
