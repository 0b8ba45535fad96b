import type { INodeProperties } from 'n8n-workflow';

import { collectionField, formatDatesInBody } from '../../shared/fields';
import { v4DirectoryLocator, v4UserIdField } from './shared';

const give = { show: { resource: ['directory'], operation: ['givePaidAccess'] } };
const revoke = { show: { resource: ['directory'], operation: ['revokePaidAccess'] } };

export const directoryGivePaidAccessFields: INodeProperties[] = [
	v4DirectoryLocator(give),
	v4UserIdField(give),
	collectionField({
		displayName: 'Options',
		name: 'options',
		displayOptions: give,
		options: [
			{
				displayName: 'Expires At (UTC)',
				name: 'expiresAt',
				type: 'dateTime',
				default: '',
				description:
					'When the paid access ends, in UTC (a date alone means the end of that day). Without it, the access does not end.',
				routing: {
					send: {
						type: 'body',
						property: 'expires_at',
						preSend: [formatDatesInBody(['expires_at'], 'yyyy-MM-dd HH:mm:ss')],
					},
				},
			},
		],
	}),
];

export const directoryRevokePaidAccessFields: INodeProperties[] = [
	v4DirectoryLocator(revoke),
	v4UserIdField(revoke),
];
