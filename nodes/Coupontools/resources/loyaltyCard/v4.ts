import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { bodyTextField, collectionField } from '../../shared/fields';
import { emailField, personField } from '../../shared/personFields';
import { idLocator } from '../../shared/locator';

/**
 * The loyalty card of the REST operations (https://docs.coupontools.com/api/v4/loyalty): a number in
 * the path (`{loyaltyCardId}`, filled by shared/path.ts). The list is the one those operations come
 * from, GET /v4/loyalty/loyalty-cards, so a picked card is always one their paths know.
 */
function v4LoyaltyCardLocator(displayOptions: IDisplayOptions): INodeProperties {
	return idLocator({
		displayName: 'Loyalty Card',
		name: 'loyaltyCardId',
		description: 'The loyalty card to use',
		searchListMethod: 'searchV4LoyaltyCards',
		listPlaceholder: 'Select a loyalty card…',
		idPlaceholder: 'e.g. 123456',
		idRegex: '[0-9]+',
		idErrorMessage: 'The loyalty card ID is a number, e.g. 123456',
		displayOptions,
	});
}

/**
 * The card of every REST operation: one property shown for all of them, so an expression in it is
 * evaluated once per item (test/expressionCost.test.ts explains the cost of namesakes).
 */
export const loyaltyCardIdField = v4LoyaltyCardLocator({
	show: {
		resource: ['loyaltyCard'],
		operation: ['addManyUsers', 'addUser', 'copy', 'getManyUsers', 'getUser'],
	},
});

/** A user of a card in a REST path (`{loyaltyCardUserId}`): the `id` that Get Many Users and Add User output. */
export function v4LoyaltyUserIdField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'loyaltyCardUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 123456',
		description:
			'The user of the card: the ID from Add User, Get Many Users or Get Many Users (V3 API)',
		displayOptions,
	};
}

/**
 * The user fields the REST create calls take, all optional (documented): one item, or one entry of a
 * bulk call. Email is shown first because most imports are keyed by it.
 */
export function v4LoyaltyUserFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		emailField({
			name: 'loyaltyCardUserEmail',
			description: "The user's email address",
			displayOptions,
		}),
		collectionField({
			displayName: 'Additional Fields',
			name: 'loyaltyCardUserFields',
			displayOptions,
			options: [
				personField('address'),
				personField('city'),
				...[1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
					bodyTextField({
						displayName: `Custom Field ${n}`,
						name: `custom${n}`,
						property: `custom_${n}`,
					}),
				),
				personField('firstName'),
				personField('lastName'),
				personField('phone'),
				personField('zip'),
			],
		}),
	];
}
