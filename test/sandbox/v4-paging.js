// @ts-check
/**
 * Paging of the v4 REST lists (GET /v4/directory, GET /v4/directory/{id}/users). The v4 docs document none
 * and the examples answer bare arrays, so by default the sandbox answers every record at once. A test can
 * switch paging on (`state.v4Paging`, or POST /__sandbox/v4-paging) in one of the forms REST APIs answer
 * pages in, to test that the node follows each:
 * - `bare`: a bare array of `pageSize` records (a full page says nothing more);
 * - `links`: `{ data, links: { next } }`, `next` a URL of the next page or null;
 * - `meta`: `{ data, meta: { current_page, last_page, per_page, total } }`;
 * - `laravel`: Laravel's paginator, `{ current_page, data, next_page_url, last_page, per_page, total, ... }`.
 * The page number is read from `page` or `pagination[page]` (from 1; past the end: an empty page).
 */

const STYLES = /** @type {const} */ (['bare', 'links', 'meta', 'laravel']);

/** @typedef {typeof STYLES[number]} V4PagingStyle */
/** @typedef {{ pageSize: number, style: V4PagingStyle }} V4Paging  pageSize 0 = no paging */

/** @returns {V4Paging} */
function noV4Paging() {
	return { pageSize: 0, style: 'bare' };
}

/**
 * Checks a spec from a test or the control endpoint. `{}` or `pageSize: 0` switches paging off.
 * @param {Record<string, unknown>} spec
 * @returns {V4Paging}
 */
function v4PagingOf(spec) {
	const pageSize = spec.pageSize === undefined ? 0 : Number(spec.pageSize);
	if (!Number.isInteger(pageSize) || pageSize < 0)
		throw new Error('pageSize must be a whole number >= 0 (0: no paging)');
	const style = spec.style ?? 'bare';
	if (!(/** @type {readonly unknown[]} */ (STYLES).includes(style)))
		throw new Error(`style must be one of ${STYLES.join(', ')}`);
	return { pageSize, style: /** @type {V4PagingStyle} */ (style) };
}

/**
 * The answer of a v4 list: all of `records`, or one page of them as `paging` says.
 * @param {import('./types').RouteContext} ctx
 * @param {unknown[]} records
 * @param {V4Paging} paging
 * @returns {unknown}
 */
function pageOfV4List(ctx, records, paging) {
	if (!paging.pageSize) return records;
	const asked = Number(ctx.query.page ?? ctx.query['pagination[page]'] ?? 1);
	const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
	const { pageSize } = paging;
	const data = records.slice((page - 1) * pageSize, page * pageSize);
	const lastPage = Math.max(1, Math.ceil(records.length / pageSize));
	const urlOf = (/** @type {number} */ n) => `http://${ctx.headers.host}${ctx.path}?page=${n}`;
	const next = page < lastPage ? urlOf(page + 1) : null;
	switch (paging.style) {
		case 'links':
			return { data, links: { next } };
		case 'meta':
			return {
				data,
				meta: {
					current_page: page,
					last_page: lastPage,
					per_page: pageSize,
					total: records.length,
				},
			};
		case 'laravel':
			return {
				current_page: page,
				data,
				first_page_url: urlOf(1),
				from: data.length ? (page - 1) * pageSize + 1 : null,
				last_page: lastPage,
				last_page_url: urlOf(lastPage),
				next_page_url: next,
				path: `http://${ctx.headers.host}${ctx.path}`,
				per_page: pageSize,
				prev_page_url: page > 1 ? urlOf(page - 1) : null,
				to: data.length ? (page - 1) * pageSize + data.length : null,
				total: records.length,
			};
		default:
			return data;
	}
}

module.exports = { noV4Paging, v4PagingOf, pageOfV4List };
