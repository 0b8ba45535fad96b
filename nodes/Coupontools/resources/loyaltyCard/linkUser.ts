import type { INodeProperties } from 'n8n-workflow';

import { loyaltyCardLocator, loyaltyUserField } from './shared';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['linkUser'] } };

export const loyaltyCardLinkUserFields: INodeProperties[] = [
	loyaltyCardLocator(displayOptions),
	loyaltyUserField(
		displayOptions,
		'The loyalty user to put on the card, e.g. the ID that Create User returned',
	),
];
