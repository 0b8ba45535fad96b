import type { IDataObject } from 'n8n-workflow';

import { listRecords } from './output';

/**
 * Reading a v4 REST list whole (GET /v4/directory/{id}/users, GET /v4/directory, ...). The v4 docs
 * (https://docs.coupontools.com/api/v4/directory) document no paging for these lists and their examples
 * answer bare arrays; the v4 loyalty users list takes a `pagination` object whose keys are not shown
 * (https://docs.coupontools.com/api/v4/loyalty). Should an answer be paged, it says so in one of the forms
 * REST APIs use, and each is followed:
 * - `links.next` or `next_page_url`: a URL, whose path and query are asked next, always of the
 *   credential's Base URL (the credential is never sent to another host);
 * - `meta.last_page` or `last_page` beyond `current_page` (or the page just read): the next page number;
 * - a list without paging fields exactly as long as a common page size: it may be a full page, so the
 *   next page number is asked too.
 * A page number is sent as `page` (Laravel's paginator, which those field names come from) and as
 * `pagination[page]` (the v4 `pagination` object, as the Loyalty Card operations send it). The list ends
 * at a page that says so, a page shorter than the first, an empty page, a page starting with the record
 * the previous one started with (the API ignored the page number), or a URL already read.
 */

/** Lengths a full page of a paging API commonly has (Laravel's default 15; the v3 directory list's 100). */
export const COMMON_PAGE_SIZES = new Set([10, 15, 20, 25, 30, 50, 100, 200, 250, 500, 1000, 5000]);

/** Safety net: an API that kept answering new pages forever would otherwise loop. */
const MAX_PAGES = 10_000;

/** The records of one v4 answer: a bare array, or the list under the first of `keys` present. */
export function v4Records(body: unknown, keys: string[] = ['data']): IDataObject[] {
	if (Array.isArray(body)) return listRecords({ data: body }, ['data']);
	if (!body || typeof body !== 'object') return [];
	return listRecords(body as IDataObject, keys.includes('data') ? keys : [...keys, 'data']);
}

function objectAt(body: IDataObject, key: string): IDataObject | undefined {
	const value = body[key];
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** `path` (without its query) with the page number in both forms. */
export function withPageNumber(path: string, page: number): string {
	const [bare] = path.split('?');
	return `${bare}?page=${page}&${encodeURIComponent('pagination[page]')}=${page}`;
}

/** A next-page URL, absolute or relative, as the path and query to ask of the credential's Base URL. */
function pathOfLink(link: string, current: string): string {
	const url = new URL(link, `http://base.invalid${current}`);
	return `${url.pathname}${url.search}`;
}

/** What one answer says about the page after it: the path (and query) to ask, or undefined at the end. */
export function nextV4Page(
	body: unknown,
	read: { path: string; page: number; firstPath: string; records: number; firstPageSize: number },
): string | undefined {
	const envelope =
		body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
	const links = objectAt(envelope, 'links');
	const meta = objectAt(envelope, 'meta') ?? envelope;
	for (const link of [links?.next, envelope.next_page_url])
		if (typeof link === 'string' && link.trim()) return pathOfLink(link.trim(), read.path);
	const last = Number(meta.last_page);
	if (Number.isInteger(last)) {
		const current = Number(meta.current_page ?? read.page);
		const page = Number.isInteger(current) ? current : read.page;
		return page < last ? withPageNumber(read.firstPath, page + 1) : undefined;
	}
	// A paged answer saying there is no next page.
	if ((links && 'next' in links) || 'next_page_url' in envelope) return undefined;
	const full =
		COMMON_PAGE_SIZES.has(read.records) && (read.page === 1 || read.records === read.firstPageSize);
	return full ? withPageNumber(read.firstPath, read.page + 1) : undefined;
}

/** Two records are the same when their JSON is. */
function sameRecord(a: IDataObject | undefined, b: IDataObject | undefined): boolean {
	return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Every record of the v4 list at `path`, page after page as its answers say (see above). `fetch` makes one
 * call (the caller's request function, with its credential, retries and errors) and returns the answer's
 * body; `limit` stops once that many records are read.
 */
export async function readV4List(
	path: string,
	fetch: (pathAndQuery: string) => Promise<unknown>,
	options: { keys?: string[]; limit?: number } = {},
): Promise<{ records: IDataObject[]; calls: number }> {
	const records: IDataObject[] = [];
	const asked = new Set<string>();
	let next: string | undefined = path;
	let previousFirst: IDataObject | undefined;
	let firstPageSize = 0;
	for (let page = 1; next !== undefined && page <= MAX_PAGES; page++) {
		const current: string = next;
		asked.add(current);
		const body = await fetch(current);
		const found = v4Records(body, options.keys);
		if (page > 1 && (!found.length || sameRecord(found[0], previousFirst))) break;
		if (page === 1) firstPageSize = found.length;
		previousFirst = found[0];
		records.push(...found);
		if (options.limit !== undefined && records.length >= options.limit) break;
		next = nextV4Page(body, {
			path: current,
			page,
			firstPath: path,
			records: found.length,
			firstPageSize,
		});
		if (next !== undefined && asked.has(next)) break;
	}
	return { records, calls: asked.size };
}
