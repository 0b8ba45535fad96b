import { byId, describeOperations, fromList } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

describeOperations('Campaign', [
	{
		title: 'Get Many: all campaigns, unwrapped from coupon_info, dates as ISO UTC',
		parameters: { resource: 'campaign', operation: 'getAll' },
		request: { method: 'POST', path: '/v3/coupon/list' },
		output(items) {
			expect(items.map((c) => c.ID)).toEqual([
				'cam_1001',
				'cam_1002',
				'cam_1003',
				'cam_1004',
				'cam_1005',
			]);
			expect(items[0]).toMatchObject({
				name: 'Summer Sale 10%',
				url: 'https://digicpn.com/p/vuhykb',
				created_date_utc: '2025-05-20T10:00:00Z',
			});
		},
	},
	{
		title: 'Get Many with a Limit trims the list',
		parameters: { resource: 'campaign', operation: 'getAll', returnAll: false, limit: 2 },
		request: { method: 'POST', path: '/v3/coupon/list' },
		output(items) {
			expect(items.map((c) => c.ID)).toEqual(['cam_1001', 'cam_1002']);
		},
	},
	{
		title: 'Get Many with every filter: only active, folder, tags, category',
		parameters: {
			resource: 'campaign',
			operation: 'getAll',
			filters: { onlyActive: true, folder: '1001', tags: 'summer,sale', category: 'cat_101' },
		},
		request: {
			method: 'POST',
			path: '/v3/coupon/list',
			body: { only_active: true, folder: '1001', tags: 'summer,sale', category: 'cat_101' },
		},
		output(items) {
			expect(items.map((c) => c.ID)).toEqual(['cam_1001']);
		},
	},
	{
		title: 'Get: one campaign picked from the list',
		parameters: { resource: 'campaign', operation: 'get', campaign: fromList('cam_1002') },
		request: {
			method: 'POST',
			path: '/v3/coupon/info',
			body: { campaign: 'cam_1002', show_usage_stats: false },
		},
		output(items) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ ID: 'cam_1002', name: 'Free Coffee' });
			expect(items[0].usage_stats).toBeUndefined();
		},
	},
	{
		title: 'Get with usage stats',
		parameters: {
			resource: 'campaign',
			operation: 'get',
			campaign: byId('cam_1001'),
			showUsageStats: true,
		},
		request: {
			method: 'POST',
			path: '/v3/coupon/info',
			body: { campaign: 'cam_1001', show_usage_stats: true },
		},
		output(items, sandbox) {
			expect(items[0].usage_stats).toMatchObject({
				sessions: sandbox.state.sessionsOf('cam_1001').length,
			});
		},
	},
	...(
		[
			['all', '/v3/campaign/data'],
			['opened', '/v3/campaign/opens'],
			['claimed', '/v3/campaign/claims'],
			['validated', '/v3/campaign/validations'],
		] as const
	).map(([sessions, path]) => ({
		title: `Get Usage Data (${sessions} sessions) reads ${path}, one item per session`,
		parameters: {
			resource: 'campaign',
			operation: 'getUsageData',
			campaign: byId('cam_1001'),
			sessions,
			returnAll: true,
		},
		request: { method: 'POST', path, body: { campaign: 'cam_1001', page: 1 } },
		output(items: Array<Record<string, unknown>>, sandbox: Sandbox) {
			// Exactly the seeded sessions of cam_1001 in that state, in the sandbox's order.
			const flag = sessions === 'all' ? undefined : sessions;
			const expected = sandbox.state
				.sessionsOf('cam_1001')
				.filter((session) => !flag || session.status[flag] === '1')
				.map((session) => session.session);
			expect(items.map((item) => item.session)).toEqual(expected);
			if (sessions === 'validated') {
				expect(
					items.map((item) => (item.status as Record<string, unknown>).validation_date_utc),
				).toEqual(['2025-06-04T12:30:00Z']);
			}
		},
	})),
	{
		title: 'Get Usage Data with a UTC date range sends the API date format',
		parameters: {
			resource: 'campaign',
			operation: 'getUsageData',
			campaign: byId('cam_1001'),
			sessions: 'all',
			returnAll: false,
			limit: 10,
			filters: { startDate: '2025-06-01T00:00:00', endDate: '2025-06-02T23:59:00' },
		},
		request: {
			method: 'POST',
			path: '/v3/campaign/data',
			body: {
				campaign: 'cam_1001',
				page: 1,
				start_date: '2025-06-01 00:00',
				end_date: '2025-06-02 23:59',
			},
		},
		output(items, sandbox) {
			// Exactly the seeded sessions of cam_1001 created from 1 June 00:00 to 2 June 23:59 (UTC).
			const inRange = sandbox.state
				.sessionsOf('cam_1001')
				.filter(({ status }) => {
					const created = String(status.created_date_utc);
					return created >= '2025-06-01 00:00' && created <= '2025-06-02 23:59:59';
				})
				.map((session) => session.session);
			expect(inRange).toHaveLength(2);
			expect(items.map((item) => item.session)).toEqual(inRange);
			expect(items.map((item) => item.created_date_utc)).toEqual(
				items.map(() => expect.stringMatching(/^2025-06-0[12]T/)),
			);
		},
	},
]);
