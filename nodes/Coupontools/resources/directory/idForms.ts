import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { FieldRule } from '../../shared/validation';

/**
 * Directory → Get and Get Registered Users read one directory in either API generation, chosen by the
 * ID the user gives, so there is one operation per intention (README.md, "Operations"):
 * - dir_12345 (as Get Many and the v3 calls name it) keeps the v3 call in the operation's routing
 *   (https://docs.coupontools.com/api/v3/directory);
 * - 12345 (as the From List picker, fed by GET /v4/directory, names it) makes the documented v4 call
 *   GET /v4/directory/12345 or GET /v4/directory/12345/users (https://docs.coupontools.com/api/v4/directory).
 * Whether dir_12345 and 12345 are the same directory is not documented, so neither is turned into the other.
 */
const V4_DIRECTORY_NUMBER = /^\d+$/;

/** The directory parameter as the user gave it (picked, typed or mapped from an item), trimmed. */
function directoryIdOf(context: IExecuteSingleFunctions): string {
	const value = context.getNodeParameter('directory', '', { extractValue: true });
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * preSend: a numeric directory ID turns the operation's v3 request into the v4 GET of `/v4/directory/{id}`
 * followed by `v4Path`. The v3 body (directory, and `page` for Return All) is not sent: the v4 list is
 * read whole, following its pages when its answers carry them (shared/v4Pages.ts), and Limit still cuts
 * it (the Limit field's maxResults).
 */
export function byDirectoryIdForm(v4Path: '' | '/users') {
	return async function routeByDirectoryId(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const id = directoryIdOf(this);
		if (!V4_DIRECTORY_NUMBER.test(id)) return requestOptions;
		const v4Request: IHttpRequestOptions = {
			...requestOptions,
			method: 'GET',
			url: `/v4/directory/${id}${v4Path}`,
		};
		delete v4Request.body;
		return v4Request;
	};
}

/** The check before sending for these two operations: a v3 body only ever carries what is not a number. */
export const EITHER_DIRECTORY_ID: FieldRule = {
	label: 'Directory',
	check: (value) => {
		const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		if (!id)
			return 'is empty. Pick a directory from the list, or enter its ID: a number such as 12345, or dir_12345.';
		if (!/^dir_[A-Za-z0-9]+$/.test(id) && !V4_DIRECTORY_NUMBER.test(id))
			return `"${id.length > 40 ? `${id.slice(0, 40)}…` : id}" is not a directory ID: it is a number such as 12345, or starts with dir_, e.g. dir_12345.`;
		return undefined;
	},
};
