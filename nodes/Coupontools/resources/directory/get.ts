import type { INodeProperties } from 'n8n-workflow';

import { eitherDirectoryLocator } from './shared';

export const directoryGetFields: INodeProperties[] = [
	eitherDirectoryLocator(
		{ show: { resource: ['directory'], operation: ['get'] } },
		{ v4Call: 'GET /v4/directory/12345', v3Call: 'POST /v3/directory/info' },
	),
];
