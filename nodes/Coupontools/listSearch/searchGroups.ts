import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EMAIL_TOOL_PATHS } from '../resources/emailGroup';
import { SMS_TOOL_PATHS } from '../resources/smsGroup';
import { coupontoolsApiRequest } from '../shared/transport';
import { GROUP_LIST_KEYS } from '../shared/groupFields';
import { listRecords } from '../shared/output';
import { filterAndSort } from './filter';

/** SMS group picker: the SMS tool's groups ({ ID: gro_…, name }), searchable by name or ID. */
export async function searchSmsGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchGroups.call(this, SMS_TOOL_PATHS.groupList, filter);
}

/** Email group picker: the email tool's groups, read like the SMS tool's. */
export async function searchEmailGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchGroups.call(this, EMAIL_TOOL_PATHS.groupList, filter);
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
