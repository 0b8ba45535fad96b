import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { directoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['getRegisteredUsers'] } };

/** Documented: 100 registrations per page, newest first; higher pages hold older ones. */
export const directoryGetRegisteredUsersFields: INodeProperties[] = [
	directoryLocator(displayOptions),
	...returnAllAndLimit(displayOptions),
];
