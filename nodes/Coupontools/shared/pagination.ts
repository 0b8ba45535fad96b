import type { DeclarativeRestApiSettings, IDataObject, INodeExecutionData } from 'n8n-workflow';

type Request = DeclarativeRestApiSettings.ResultOptions;

/**
 * Where an operation sends the API's page number (its policy's `pages`): `page` at the top of the body or
 * the query, or under an object (`{ in: 'qs', path: ['pagination', 'page'] }` sends `pagination[page]`).
 */
export type PageLocation = 'body' | 'qs' | { in: 'body' | 'qs'; path: string[] };

function pathOf(where: PageLocation): { container: 'body' | 'qs'; path: string[] } {
	return typeof where === 'string'
		? { container: where, path: ['page'] }
		: { container: where.in, path: where.path };
}

/** The options with the page number set at its place; the objects on the way are copied, not changed. */
function withPage(options: Request['options'], where: PageLocation, page: number) {
	const { container, path } = pathOf(where);
	const set = (object: unknown, [key, ...rest]: string[]): IDataObject => {
		const copy = { ...(object as IDataObject | undefined) };
		copy[key] = rest.length ? set(copy[key], rest) : page;
		return copy;
	};
	return { ...options, [container]: set(options[container], path) };
}

/** Safety net: an API that ignored `page` and returned the same page forever would otherwise loop. */
const MAX_PAGES = 10_000;

/**
 * Return All marks the request of a paged operation with `page` = 1 (shared/fields.ts, returnAllAndLimit);
 * without it (Limit) the operation makes one request.
 */
export function wantsAllPages(options: Request['options'], where: PageLocation): boolean {
	const { container, path } = pathOf(where);
	let value: unknown = options[container];
	for (const key of path)
		value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	return typeof value === 'number';
}

/**
 * Coupontools pages are numbered 1, 2, … and their size is not documented (5000 sessions, 100 directory
 * users). So: fetch page after page until one comes back empty or shorter than the first, and stop as
 * soon as Limit is reached, so a small Limit costs one request.
 */
export async function fetchPages(
	request: Request,
	where: PageLocation,
	fetchPage: (pageRequest: Request) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const limit = Number(request.maxResults) > 0 ? Number(request.maxResults) : Infinity;
	const results: INodeExecutionData[] = [];
	let fullPageSize = 0;
	let previousFirst = '';

	for (let page = 1; page <= MAX_PAGES; page++) {
		const options = withPage(request.options, where, page);
		const items = await fetchPage({ ...request, options });
		if (items.length === 0) break;

		const first = JSON.stringify(items[0].json);
		if (page > 1 && first === previousFirst) break;
		previousFirst = first;

		results.push(...items);
		if (results.length >= limit) return results.slice(0, limit);
		if (page === 1) fullPageSize = items.length;
		else if (items.length < fullPageSize) break;
	}
	return results;
}
