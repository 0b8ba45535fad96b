import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { SMS_GROUP, groupLocator } from '../../shared/groupFields';

const displayOptions = { show: { resource: ['smsGroup'], operation: ['getContacts'] } };

// No paging is documented for userlist: Limit trims the one answer.
export const smsGroupGetContactsFields: INodeProperties[] = [
	groupLocator(SMS_GROUP, displayOptions),
	...returnAllAndLimit(displayOptions, 'unpaged'),
];
