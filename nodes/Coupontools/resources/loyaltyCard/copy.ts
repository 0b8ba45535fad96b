import type { INodeProperties } from 'n8n-workflow';

import { v4LoyaltyCardLocator } from './v4';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['copy'] } };

export const loyaltyCardCopyFields: INodeProperties[] = [
	v4LoyaltyCardLocator(displayOptions),
	{
		displayName: 'Name',
		name: 'copyName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Coffee Stamp Card 2027',
		description:
			'The name of the new card, at most 50 characters. Coupontools names it when left empty.',
		displayOptions,
		routing: { send: { type: 'body', property: 'name' } },
	},
];
