import type { INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['copy'] } };

/** The card to copy is the REST operations' card field (v4.ts). */
export const loyaltyCardCopyFields: INodeProperties[] = [
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
