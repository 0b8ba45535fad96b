import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** List answers of the loyalty endpoints are not documented: these keys are tried in order (then the answer's only array). */
export const LOYALTY_CARD_LIST_KEYS = ['data', 'loyaltycards'];
export const LOYALTY_USER_LIST_KEYS = ['data', 'users'];

/** Loyalty card picker: searchable list (fed by /v3/loyalty/list) or an ID. */
export function loyaltyCardLocator(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Loyalty Card',
		name: 'loyaltyCard',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The loyalty card to use',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a loyalty card…',
				typeOptions: { searchListMethod: 'searchLoyaltyCards', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123456',
				// No prefix is documented for loyalty card IDs; the API refuses other characters (error 301).
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '[A-Za-z0-9_]+',
							errorMessage: 'A loyalty card ID holds only letters, digits and _, e.g. 123456',
						},
					},
				],
			},
		],
		routing: { send: { type: 'body', property: 'loyaltycard' } },
	};
}

export function loyaltyUserField(
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'user',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 123456',
		description,
		displayOptions,
		routing: { send: { type: 'body', property: 'user' } },
	};
}

export function pushMessageField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Only 2 stamps to go for your free coffee!',
		description: 'The text of the push notification, shown on the loyalty card in the wallet',
		displayOptions,
		routing: { send: { type: 'body', property: 'message' } },
	};
}
