import type { INodeProperties } from 'n8n-workflow';

import {
	DATE_FIELDS,
	dateFieldByVersion,
	dateInBody,
	WORKFLOW_ZONE_VERSION,
} from '../../shared/dates';
import { collectionField } from '../../shared/fields';
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
		options: dateFieldByVersion(
			{
				displayName: 'Expires At',
				name: 'expiresAt',
				type: 'dateTime',
				default: '',
				description:
					"When the paid access ends. Without a time zone it is in the workflow's time zone (Settings → Timezone); a date alone means the end of that day. Without it, the access does not end.",
				routing: {
					send: {
						type: 'body',
						property: 'expires_at',
						preSend: [dateInBody('expires_at', DATE_FIELDS.paidAccessExpiry)],
					},
				},
			},
			{
				displayName: 'Expires At (UTC)',
				description:
					'When the paid access ends, in UTC (a date alone means the end of that day). Without it, the access does not end.',
			},
			WORKFLOW_ZONE_VERSION,
		),
	}),
];

export const directoryRevokePaidAccessFields: INodeProperties[] = [
	v4DirectoryLocator(revoke),
	v4UserIdField(revoke),
];
