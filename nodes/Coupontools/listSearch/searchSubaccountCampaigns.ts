import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { coupontoolsApiRequest } from '../shared/transport';
import { filterAndSort } from './filter';

/**
 * Campaigns of the subaccount chosen in the same node (Create Login Link → Update Campaign): the subaccount's
 * info answer lists them (`campaigns`, https://docs.coupontools.com). Empty until a subaccount is chosen.
 */
export async function searchSubaccountCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	// Read as saved (a locator value { mode, value }): no extractValue, which throws while the field is hidden.
	const chosen = this.getCurrentNodeParameter('subaccount') as
		| { value?: unknown }
		| string
		| undefined;
	const subaccount = typeof chosen === 'object' && chosen !== null ? chosen.value : chosen;
	if (typeof subaccount !== 'string' || !subaccount.trim()) return { results: [] };
	const body = await coupontoolsApiRequest.call(this, 'POST', '/v4/subaccount', {
		subaccount: subaccount.trim(),
	});
	const info = (body.subaccount ?? {}) as IDataObject;
	const campaigns = (Array.isArray(info.campaigns) ? info.campaigns : []) as IDataObject[];
	return {
		results: filterAndSort(
			campaigns
				.filter((campaign) => campaign.ID !== undefined)
				.map((campaign) => ({
					name: `${String(campaign.name ?? campaign.code ?? campaign.ID)} (${String(campaign.ID)})`,
					value: String(campaign.ID),
					url: typeof campaign.url === 'string' ? campaign.url : undefined,
				})),
			filter,
		),
	};
}
