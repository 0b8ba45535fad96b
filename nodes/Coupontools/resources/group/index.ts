import type { INodeProperties } from 'n8n-workflow';

import { dropEmptyBodyFields } from '../../shared/fields';
import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { groupFields } from './fields';
import type { GroupKind } from './kinds';
import { CONTACT_LIST_KEYS, GROUP_LIST_KEYS } from './kinds';

/** The Email Group and SMS Group resources: the same four operations over each tool's calls (kinds.ts). */
export function groupDescription(kind: GroupKind): INodeProperties[] {
	const { noun, paths } = kind;
	const unconfirmed = kind.inferredCalls;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [kind.name] } },
			default: 'getAll',
			options: [
				{
					name: 'Add Contact',
					value: 'addContact',
					action: `Add a contact to an ${noun}`,
					description: `Add ${kind.contact.noun}, with optional name, birthday and custom fields, to an ${noun}`,
					routing: {
						request: { method: 'POST', url: paths.addContact },
						operations: { pagination: requestLoop({ ...kind.contact.policy, unconfirmed }) },
						send: { preSend: [dropEmptyBodyFields] },
						// Answer shape not documented: passed through as it comes.
						output: { postReceive: [coupontoolsOutput()] },
					},
				},
				{
					name: 'Create',
					value: 'create',
					action: `Create an ${noun}`,
					description: `Create a new group of ${noun.replace(/ group$/, '')} contacts`,
					routing: {
						request: { method: 'POST', url: paths.addGroup },
						operations: { pagination: requestLoop({ unconfirmed }) },
						// Answer shape not documented: a `group` object is unwrapped, anything else passed through.
						output: { postReceive: [coupontoolsOutput({ object: 'group' })] },
					},
				},
				{
					name: 'Get Contacts',
					value: 'getContacts',
					action: `Get contacts of an ${noun}`,
					description: `Retrieve the contacts of one ${noun}, one item per contact`,
					routing: {
						request: { method: 'POST', url: paths.contactList },
						operations: { pagination: requestLoop({ repeatable: true, unconfirmed }) },
						output: { postReceive: [coupontoolsOutput({ list: CONTACT_LIST_KEYS })] },
					},
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: `Get many ${noun}s`,
					description: `Retrieve the ${noun}s of the account`,
					routing: {
						request: { method: 'POST', url: paths.groupList },
						operations: { pagination: requestLoop({ repeatable: true }) },
						output: { postReceive: [coupontoolsOutput({ list: GROUP_LIST_KEYS })] },
					},
				},
			],
		},
		...groupFields(kind),
	];
}
