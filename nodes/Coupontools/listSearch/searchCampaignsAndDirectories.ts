import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchCampaigns } from './searchCampaigns';
import { searchDirectories } from './searchDirectories';

/**
 * The "Campaign or Directory" picker of Send Email and Send SMS: the send calls take a campaign (cam_…)
 * or a directory (dir_…) in the same parameter, so both are listed, campaigns first, directories
 * labelled as such. An account whose directory list cannot be read still gets its campaigns.
 */
export async function searchCampaignsAndDirectories(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const [campaigns, directories] = await Promise.allSettled([
		searchCampaigns.call(this, filter),
		searchDirectories.call(this, filter),
	]);
	if (campaigns.status === 'rejected') throw campaigns.reason;
	const listed = directories.status === 'fulfilled' ? directories.value.results : [];
	return {
		results: [
			...campaigns.value.results,
			...listed.map((directory) => ({ ...directory, name: `Directory: ${directory.name}` })),
		],
	};
}
