import type { INodeProperties } from 'n8n-workflow';

import { loyaltyCardLocator, loyaltyUserField } from './shared';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['updateUser'] } };

/** Inferred (README.md, "Endpoints not confirmed by public documentation"): /v3/loyaltyusers/update takes `points` and `stamps` (amounts to add) and `voided` (boolean). */
export const loyaltyCardUpdateUserFields: INodeProperties[] = [
	loyaltyCardLocator(displayOptions),
	loyaltyUserField(displayOptions, 'The user of this loyalty card to update'),
	{
		displayName: 'Action',
		name: 'userAction',
		type: 'options',
		default: 'addPoints',
		description: 'What to record on the user of this loyalty card',
		displayOptions,
		options: [
			{ name: 'Add Points', value: 'addPoints', description: 'Add points to the balance' },
			{ name: 'Add Stamps', value: 'addStamps', description: 'Add stamps to the card' },
			{
				name: 'Unvoid',
				value: 'unvoid',
				description: 'Make a voided user active on the card again',
				routing: { request: { body: { voided: false } } },
			},
			{
				name: 'Void',
				value: 'void',
				description: 'Block the user on this card: no more points or stamps',
				routing: { request: { body: { voided: true } } },
			},
		],
	},
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		default: 1,
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many points to add',
		displayOptions: { show: { ...displayOptions.show, userAction: ['addPoints'] } },
		routing: { send: { type: 'body', property: 'points' } },
	},
	{
		displayName: 'Stamps',
		name: 'stamps',
		type: 'number',
		default: 1,
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many stamps to add',
		displayOptions: { show: { ...displayOptions.show, userAction: ['addStamps'] } },
		routing: { send: { type: 'body', property: 'stamps' } },
	},
];
