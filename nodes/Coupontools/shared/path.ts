import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { FieldProblem } from './validation';

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
 * (coupontools-api.md §4: PD reads numeric ids from v4). A v3 ID mapped in from Get Registered Users or
 * Directory → Get Many is therefore reduced to its number; anything else is sent as typed.
 */
export function toV4Id(value: unknown): string {
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return id.replace(/^(dir|reg)_(?=\d+$)/, '');
}

/** What the v4 directory paths need, checked before sending (the path of an empty ID is another endpoint). */
export function findPathProblems(url: string): FieldProblem[] {
	const match = /^\/v4\/directory\/([^/]*)(?:\/users(?:\/([^/]*))?)?/.exec(url);
	if (!match) return [];
	const problems: FieldProblem[] = [];
	const [, directory, user] = match.map((segment) =>
		segment === undefined ? undefined : decodeURIComponent(segment),
	);
	if (!directory)
		problems.push({
			label: 'Directory',
			problem: 'is empty. Pick a directory from the list, or enter its numeric ID, e.g. 12345.',
		});
	else if (!/^\d+$/.test(directory))
		problems.push({
			label: 'Directory',
			problem: `"${directory}" is not a directory ID of the v4 API: it is a number, e.g. 12345 (dir_12345 is accepted too).`,
		});
	if (user === '')
		problems.push({
			label: 'User ID',
			problem: "is empty. Enter the registered user's ID, e.g. 12345 or reg_12345.",
		});
	return problems;
}
