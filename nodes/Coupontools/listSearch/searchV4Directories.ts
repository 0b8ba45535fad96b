import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { coupontoolsApiRequest } from '../shared/transport';
import { readV4List } from '../shared/v4Pages';
import { filterAndSort } from './filter';

/**
 * Directory picker of the v4 REST operations: the numeric ids their paths take, from GET /v4/directory
 * (an array of { id, name } as third-party code reads it, README.md, "Endpoints not confirmed by public documentation"; coupontoolsApiRequest hands a bare array over as `data`).
 */
export async function searchV4Directories(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	// Every page, should the list be paged (v4Pages.ts).
	const { records } = await readV4List(
		'/v4/directory',
		async (pathAndQuery) => await coupontoolsApiRequest.call(this, 'GET', pathAndQuery),
	);
	return {
		results: filterAndSort(
			records
				.filter((directory) => directory.id !== undefined)
				.map((directory) => ({
					name: `${String(directory.name ?? directory.id)} (${String(directory.id)})`,
					value: String(directory.id),
					url: typeof directory.url === 'string' ? directory.url : undefined,
				})),
			filter,
		),
	};
}
