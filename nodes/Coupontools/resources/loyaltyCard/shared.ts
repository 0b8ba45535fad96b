import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locator';

/** List answers of the loyalty endpoints are not documented: these keys are tried in order (then the answer's only array). */
export const LOYALTY_CARD_LIST_KEYS = ['data', 'loyaltycards'];
export const LOYALTY_USER_LIST_KEYS = ['data', 'users'];

/** Loyalty card picker: searchable list (fed by /v3/loyalty/list) or an ID. */
export function loyaltyCardLocator(displayOptions: IDisplayOptions): INodeProperties {
	return idLocator({
		displayName: 'Loyalty Card',
		name: 'loyaltyCard',
		description: 'The loyalty card to use',
		searchListMethod: 'searchLoyaltyCards',
		listPlaceholder: 'Select a loyalty card…',
		idPlaceholder: 'e.g. 123456',
		// No prefix is documented for loyalty card IDs; the API refuses other characters (error 301).
		idRegex: '[A-Za-z0-9_]+',
		idErrorMessage: 'A loyalty card ID holds only letters, digits and _, e.g. 123456',
		property: 'loyaltycard',
		displayOptions,
	});
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

/** The push notification text of Send Push Notification (to All). */
export const PUSH_MESSAGE = {
	placeholder: 'e.g. Only 2 stamps to go for your free coffee!',
	description: 'The text of the push notification, shown on the loyalty card in the wallet',
};
