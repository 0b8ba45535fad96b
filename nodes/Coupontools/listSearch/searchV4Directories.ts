import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { coupontoolsApiRequest } from '../shared/transport';
import { listRecords } from '../shared/output';
import { filterAndSort } from './filter';

/**
 * Directory picker of the v4 REST operations: the numeric ids their paths take, from GET /v4/directory
 * (an array of { id, name } as third-party code reads it, README.md, "Endpoints not confirmed by public documentation"; coupontoolsApiRequest hands a bare array over as `data`).
 */
export async function searchV4Directories(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'GET', '/v4/directory');
	return {
		results: filterAndSort(
			listRecords(body, ['data'])
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
