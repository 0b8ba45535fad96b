import { byId, jsonOf, run, useSandbox } from './harness/sandbox';

/** A small page size keeps the pages few and the test fast; the mechanism is the one used with 5000. */
const PAGE = 50;

describe('Return All / Limit over the API page parameter', () => {
	const sandbox = useSandbox({ pageSize: PAGE });
	const usage = (extra: Record<string, unknown>) => ({
		resource: 'campaign',
		operation: 'getUsageData',
		campaign: byId('cam_1005'),
		sessions: 'all',
		...extra,
	});
	const pagesRequested = () =>
		sandbox.current.requests.map((r) => (r.body as Record<string, unknown>).page);

	test('Return All walks pages 1, 2, 3 and stops at the short page', async () => {
		sandbox.current.state.seedSessions('cam_1005', 120);
		const result = await run(sandbox.current, { parameters: usage({ returnAll: true }) });
		expect(result.error).toBeUndefined();
		const items = jsonOf(result.items);
		expect(items).toHaveLength(120);
		expect(new Set(items.map((i) => i.session)).size).toBe(120);
		expect(pagesRequested()).toEqual([1, 2, 3]);
	});

	test('Return All with an exact multiple of the page size stops at the empty page', async () => {
		sandbox.current.state.seedSessions('cam_1005', 100);
		const result = await run(sandbox.current, { parameters: usage({ returnAll: true }) });
		expect(result.items).toHaveLength(100);
		expect(pagesRequested()).toEqual([1, 2, 3]);
	});

	test('a Limit smaller than a page fetches one page only', async () => {
		sandbox.current.state.seedSessions('cam_1005', 120);
		const result = await run(sandbox.current, {
			parameters: usage({ returnAll: false, limit: 30 }),
		});
		expect(result.items).toHaveLength(30);
		expect(pagesRequested()).toEqual([1]);
	});

	test('a Limit across pages stops as soon as it is reached', async () => {
		sandbox.current.state.seedSessions('cam_1005', 120);
		const result = await run(sandbox.current, {
			parameters: usage({ returnAll: false, limit: 70 }),
		});
		const expected = sandbox.current.state
			.sessionsOf('cam_1005')
			.slice(0, 70)
			.map((s: { session: string }) => s.session);
		expect(jsonOf(result.items).map((i) => i.session)).toEqual(expected);
		expect(pagesRequested()).toEqual([1, 2]);
	});

	test('no sessions: one request, no items, no error', async () => {
		const result = await run(sandbox.current, { parameters: usage({ returnAll: true }) });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(pagesRequested()).toEqual([1]);
	});

	test('a transient fault while paging is retried: the list is complete, each page fetched once successfully', async () => {
		sandbox.current.state.seedSessions('cam_1005', 120);
		sandbox.current.setFaults({ kind: '500', pathPattern: '/v3/campaign/data', count: 1 });
		const result = await run(sandbox.current, { parameters: usage({ returnAll: true }) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(pagesRequested()).toEqual([1, 1, 2, 3]);
	});

	test('a fault that persists fails the item instead of passing a partial list as complete', async () => {
		sandbox.current.state.seedSessions('cam_1005', 120);
		sandbox.current.setFaults({ kind: '502', pathPattern: '/v3/campaign/data' });
		const result = await run(sandbox.current, { parameters: usage({ returnAll: true }) });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Coupontools is unavailable (HTTP 502)');
		expect(pagesRequested()).toEqual([1, 1, 1]);
	});
});
