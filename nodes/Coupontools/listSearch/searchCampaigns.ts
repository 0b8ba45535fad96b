import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { coupontoolsApiRequest } from '../shared/transport';
import { filterAndSort } from './filter';

/** Campaign picker: all campaigns of the account (the list endpoint is not paged), filtered by what the user types. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'POST', '/v3/coupon/list', {});
	const campaigns = (Array.isArray(body.coupon_info) ? body.coupon_info : []) as IDataObject[];
	return {
		results: filterAndSort(
			campaigns.map((campaign) => ({
				name: `${String(campaign.name ?? campaign.title ?? campaign.ID)} (${String(campaign.ID)})`,
				value: String(campaign.ID),
				url: typeof campaign.url === 'string' ? campaign.url : undefined,
			})),
			filter,
		),
	};
}
