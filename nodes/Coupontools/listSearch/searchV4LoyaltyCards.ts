import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { coupontoolsApiRequest } from '../shared/transport';
import { readV4List } from '../shared/v4Pages';
import { filterAndSort } from './filter';

/**
 * Loyalty card picker of the operations on a card's users and of Copy: the numeric ids their paths
 * take, from GET /v4/loyalty/loyalty-cards (documented: an array of { id, code, name, domain, type };
 * coupontoolsApiRequest hands a bare array over as `data`). Its paging is not documented.
 */
export async function searchV4LoyaltyCards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	// Every page, should the list be paged (v4Pages.ts).
	const { records } = await readV4List(
		'/v4/loyalty/loyalty-cards',
		async (pathAndQuery) => await coupontoolsApiRequest.call(this, 'GET', pathAndQuery),
	);
	return {
		results: filterAndSort(
			records
				.filter((card) => card.id !== undefined)
				.map((card) => ({
					name: `${String(card.name ?? card.id)} (${String(card.id)})`,
					value: String(card.id),
				})),
			filter,
		),
	};
}
