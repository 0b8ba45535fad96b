import type { INodeProperties } from 'n8n-workflow';

import { loyaltyCardLocator } from './shared';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['searchUsers'] } };

export const loyaltyCardSearchUsersFields: INodeProperties[] = [
	loyaltyCardLocator(displayOptions),
	{
		displayName: 'Search For',
		name: 'search',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example',
		description:
			'Part of the first or last name, email, phone number or ID of the user: at least 3 characters, only letters, digits, -, _ and @ (so no dots or spaces)',
		displayOptions,
		routing: { send: { type: 'body', property: 'search' } },
	},
];
