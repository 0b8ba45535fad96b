import type { DeclarativeRestApiSettings, IDataObject, INodeExecutionData } from 'n8n-workflow';

type Request = DeclarativeRestApiSettings.ResultOptions;

/** Safety net: an API that ignored `page` and returned the same page forever would otherwise loop. */
const MAX_PAGES = 10_000;

/**
 * Paged operations mark their request with a numeric `page` (set by the Return All field, in the body or
 * the query). Only a number counts: Subaccount Single Sign-On sends `page` as the name of a dashboard page.
 */
export function pageParameterOf(options: Request['options']): 'body' | 'qs' | undefined {
	if (
		options.body &&
		typeof options.body === 'object' &&
		typeof (options.body as IDataObject).page === 'number'
	)
		return 'body';
	if (options.qs && typeof options.qs.page === 'number') return 'qs';
	return undefined;
}

/**
 * Coupontools pages are numbered 1, 2, … and their size is not documented (5000 sessions, 100 directory
 * users). So: fetch page after page until one comes back empty or shorter than the first, and stop as
 * soon as Limit is reached, so a small Limit costs one request.
 */
export async function fetchPages(
	request: Request,
	fetchPage: (pageRequest: Request) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const where = pageParameterOf(request.options) ?? 'body';
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
