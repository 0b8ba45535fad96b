import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/fields';
import { directoryLocator } from './shared';

const displayOptions = { show: { resource: ['directory'], operation: ['getCampaigns'] } };

export const directoryGetCampaignsFields: INodeProperties[] = [
	directoryLocator(displayOptions),
	...returnAllAndLimit(displayOptions, 'unpaged'),
];
