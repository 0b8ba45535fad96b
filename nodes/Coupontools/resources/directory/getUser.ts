import type { INodeProperties } from 'n8n-workflow';

import { v4DirectoryLocator, v4UserIdField } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['getUser'] } };

export const directoryGetUserFields: INodeProperties[] = [
	v4DirectoryLocator(displayOptions),
	v4UserIdField(displayOptions),
];
