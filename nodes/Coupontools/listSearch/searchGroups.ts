import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EMAIL_GROUP, GROUP_LIST_KEYS, SMS_GROUP } from '../resources/group/kinds';
import { listRecords } from '../shared/output';
import { coupontoolsApiRequest } from '../shared/transport';
import { filterAndSort } from './filter';

/** SMS group picker: the SMS tool's groups ({ ID: gro_…, name }), searchable by name or ID. */
export async function searchSmsGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchGroups.call(this, SMS_GROUP.paths.groupList, filter);
}

/** Email group picker: the email tool's groups, read like the SMS tool's. */
export async function searchEmailGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchGroups.call(this, EMAIL_GROUP.paths.groupList, filter);
}

async function searchGroups(
	this: ILoadOptionsFunctions,
	path: string,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'POST', path, {});
	return {
		results: filterAndSort(
			listRecords(body, GROUP_LIST_KEYS)
				.filter((group) => group.ID !== undefined)
				.map((group) => ({
					name: `${String(group.name ?? group.ID)} (${String(group.ID)})`,
					value: String(group.ID),
				})),
			filter,
		),
	};
}
