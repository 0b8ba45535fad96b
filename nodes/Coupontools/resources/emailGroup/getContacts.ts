import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { EMAIL_GROUP, groupLocator } from '../../shared/groupFields';

const displayOptions = { show: { resource: ['emailGroup'], operation: ['getContacts'] } };

// No paging is known for userlist: Limit trims the one answer.
export const emailGroupGetContactsFields: INodeProperties[] = [
	groupLocator(EMAIL_GROUP, displayOptions),
	...returnAllAndLimit(displayOptions, 'unpaged'),
];
