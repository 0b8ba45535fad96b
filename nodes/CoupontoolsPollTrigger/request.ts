import type {
	IDataObject,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { coupontoolsApiRequest } from '../Coupontools/shared/transport';
import { readV4List } from '../Coupontools/shared/v4Pages';

/**
 * Every call of this trigger goes through the action node's request function: the same credential,
 * envelope check and error words (a NodeApiError n8n shows as the trigger's error), and whatever request
 * limits that function applies.
 */
export async function apiRequest(
	context: IPollFunctions | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject = {},
	call: CallOptions = {},
): Promise<IDataObject> {
	return await coupontoolsApiRequest.call(context, method, path, body, call);
}

/** How one call is made: its timeout, and whether a fault that may have acted is repeated. */
export interface CallOptions {
	timeout?: number;
	repeatable?: boolean;
}

/** The records of a list answer: `key` when it is an array, else a bare JSON array answer (`data`). */
export function recordsOf(body: IDataObject, key: string): IDataObject[] {
	const list = body[key] ?? body.data;
	return Array.isArray(list)
		? list.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object')
		: [];
}

/**
 * A v4 REST list read whole (GET, no body), following its pages when the answers carry them
 * (shared/v4Pages.ts): the records under `key` (or of a bare array) and the number of calls made.
 */
export async function v4ListRecords(
	context: IPollFunctions | ILoadOptionsFunctions,
	path: string,
	key: string,
	call: CallOptions = {},
): Promise<{ records: IDataObject[]; calls: number }> {
	return await readV4List(
		path,
		async (pathAndQuery) => await apiRequest(context, 'GET', pathAndQuery, {}, call),
		{ keys: [key] },
	);
}
