import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRecords } from '../shared/output';
import { coupontoolsApiRequest } from '../shared/transport';
import { filterAndSort } from './filter';

/**
 * Loyalty card picker of the operations on a card's users and of Copy: the numeric ids their paths
 * take, from GET /v4/loyalty/loyalty-cards (documented: an array of { id, code, name, domain, type };
 * coupontoolsApiRequest hands a bare array over as `data`). The list is not paged.
 */
export async function searchV4LoyaltyCards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'GET', '/v4/loyalty/loyalty-cards');
	return {
		results: filterAndSort(
			listRecords(body, ['data'])
				.filter((card) => card.id !== undefined)
				.map((card) => ({
					name: `${String(card.name ?? card.id)} (${String(card.id)})`,
					value: String(card.id),
				})),
			filter,
		),
	};
}
