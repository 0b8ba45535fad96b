import type { INodeProperties } from 'n8n-workflow';

import { directoryLocator } from './shared';

export const directoryGetFields: INodeProperties[] = [
	directoryLocator({ show: { resource: ['directory'], operation: ['get'] } }),
];
