import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

/**
 * IDs in the v4 REST paths. An operation writes its URL with placeholders named after the parameters
 * that fill them (`/v4/directory/{directoryId}/users/{userId}`) and adds `fillPathIds` as preSend.
 *
 * Why not an expression in routing.request.url: there `$parameter.<locator>` is the locator's raw value,
 * which stays an unresolved "={{ … }}" when the user maps the ID from an input item. getNodeParameter
 * with extractValue resolves and extracts it, as RoutingNode does for body fields.
 */
export async function fillPathIds(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.url = (requestOptions.url ?? '').replace(
		/\{(\w+)\}/g,
		(_placeholder, name: string) =>
			encodeURIComponent(toV4Id(this.getNodeParameter(name, '', { extractValue: true }))),
	);
	return requestOptions;
}

/**
 * v3 names a directory dir_2001 and a registered user reg_8001; the v4 paths take the number alone
 * (README.md, "Endpoints not confirmed by public documentation"). A v3 ID mapped in from Get Registered
 * Users or Directory → Get Many is therefore reduced to its number; anything else is sent as typed.
 * Its checks before sending are V4_DIRECTORY_ID and V4_USER_ID in validation/operationRules.ts.
 */
export function toV4Id(value: unknown): string {
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return id.replace(/^(dir|reg)_(?=\d+$)/, '');
}
