import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DIRECTORY_LIST_KEYS } from '../resources/directory/shared';
import { coupontoolsApiRequest } from '../shared/transport';
import { listRecords } from '../shared/output';
import { filterAndSort } from './filter';

/** Directory picker of the v3 operations: dir_… IDs from /v3/directory/list (not paged). */
export async function searchDirectories(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'POST', '/v3/directory/list', {});
	return {
		results: filterAndSort(
			listRecords(body, DIRECTORY_LIST_KEYS)
				.filter((directory) => directory.ID !== undefined)
				.map((directory) => ({
					name: `${String(directory.name ?? directory.ID)} (${String(directory.ID)})`,
					value: String(directory.ID),
					url: typeof directory.url === 'string' ? directory.url : undefined,
				})),
			filter,
		),
	};
}
