import type { INodeProperties } from 'n8n-workflow';

import { updateActionFields } from './shared';

const displayOptions = { show: { resource: ['couponSession'], operation: ['updateMany'] } };

export const couponSessionUpdateManyFields: INodeProperties[] = [
	{
		displayName: 'Session Codes',
		name: 'sessionCodes',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ac6s7u3g8a25ja7x9qg87, bd7t8v4h9b36kb8y0rh98',
		description:
			'The coupon sessions to update: separated by commas, spaces or new lines, or an expression giving a list. Each code is updated on its own and gets its own result.',
		displayOptions,
		routing: {
			// The operation's policy (index.ts, perEntry) splits the codes and makes one call per code.
			send: { type: 'body', property: 'couponsession' },
		},
	},
	...updateActionFields(displayOptions),
];
