import type { DeclarativeRestApiSettings, IDataObject, INodeExecutionData } from 'n8n-workflow';

type Request = DeclarativeRestApiSettings.ResultOptions;

/** Where an operation sends the API's `page` parameter (its policy's `pages`). */
export type PageLocation = 'body' | 'qs';

/** Safety net: an API that ignored `page` and returned the same page forever would otherwise loop. */
const MAX_PAGES = 10_000;

/**
 * Return All marks the request of a paged operation with `page` = 1 (shared/fields.ts, returnAllAndLimit);
 * without it (Limit) the operation makes one request.
 */
export function wantsAllPages(options: Request['options'], where: PageLocation): boolean {
	const container = options[where];
	return (
		container !== null &&
		typeof container === 'object' &&
		typeof (container as IDataObject).page === 'number'
	);
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
		const options = {
			...request.options,
			[where]: { ...(request.options[where] as IDataObject), page },
		};
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
