import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LOYALTY_CARD_LIST_KEYS } from '../resources/loyaltyCard/shared';
import { coupontoolsApiRequest } from '../shared/transport';
import { listRecords } from '../shared/output';
import { filterAndSort } from './filter';

/** Loyalty card picker: every card of the account, inactive ones marked (the list endpoint is not paged). */
export async function searchLoyaltyCards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'POST', '/v3/loyalty/list', {});
	return {
		results: filterAndSort(
			listRecords(body, LOYALTY_CARD_LIST_KEYS)
				.filter((card) => card.ID !== undefined)
				.map((card) => ({
					name: `${String(card.name ?? card.ID)}${card.status === 'inactive' ? ' [inactive]' : ''} (${String(card.ID)})`,
					value: String(card.ID),
					url: typeof card.url === 'string' ? card.url : undefined,
				})),
			filter,
		),
	};
}
