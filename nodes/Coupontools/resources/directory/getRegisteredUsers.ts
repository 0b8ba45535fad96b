import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { eitherDirectoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['getRegisteredUsers'] } };

/**
 * A dir_ ID reads /v3/directoryusers/list: documented 100 registrations per page, newest first; higher
 * pages hold older ones. A number reads GET /v4/directory/{id}/users, whose paging is not documented:
 * its pages are followed when the answers carry them (shared/v4Pages.ts); Return All and Limit work on both.
 */
export const directoryGetRegisteredUsersFields: INodeProperties[] = [
	eitherDirectoryLocator(displayOptions, {
		v4Call: 'GET /v4/directory/12345/users',
		v3Call: 'POST /v3/directoryusers/list',
	}),
	...returnAllAndLimit(displayOptions),
];
