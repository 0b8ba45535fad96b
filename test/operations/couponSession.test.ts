import { byId, describeOperations } from '../harness/sandbox';

// Fixture session codes of the default sandbox seed (test/sandbox/README.md).
const CLAIMED = 'kkv53n0eer58xmcj4c0xy';
const FRESH = 'nidglnpgxgnvmlpe0awmu';
const VOIDED = 'qgji453wqvua871wao5xv';
const OPENED = 'bjv7no4prumemtn9ybmv9';

describeOperations('Coupon Session', [
	{
		title: 'Get: all data of one session, dates as ISO UTC, empty dates as null',
		parameters: { resource: 'couponSession', operation: 'get', couponsession: CLAIMED },
		request: { method: 'POST', path: '/v3/couponsession/data', body: { couponsession: CLAIMED } },
		output(items) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				campaign: 'cam_1001',
				session: CLAIMED,
				action: 'retrieve_all_session_data',
			});
			const status = (items[0].data as Record<string, Record<string, unknown>>).status;
			expect(status.claimed).toBe('1');
			expect(status.claim_date_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			expect(status.validation_date_utc).toBeNull();
		},
	},
	{
		title: 'Get accepts the 6-character short form',
		parameters: { resource: 'couponSession', operation: 'get', couponsession: CLAIMED.slice(0, 6) },
		request: {
			method: 'POST',
			path: '/v3/couponsession/data',
			body: { couponsession: CLAIMED.slice(0, 6) },
		},
		output(items) {
			expect(items[0].session).toBe(CLAIMED);
		},
	},
	{
		title: 'Update: validate with the amount spent',
		parameters: {
			resource: 'couponSession',
			operation: 'update',
			couponsession: CLAIMED,
			sessionAction: 'validated',
			value: 42.5,
		},
		request: {
			method: 'POST',
			path: '/v3/couponsession/update',
			body: { couponsession: CLAIMED, operation: 'validated', value: 42.5 },
		},
		output(items, sandbox) {
			expect(items).toHaveLength(1);
			const status = sandbox.state.findSession(CLAIMED)?.status as Record<string, unknown>;
			expect(status.validated).toBe('1');
			expect(String(status.validation_value)).toBe('42.5');
		},
	},
	...(['claimed', 'void'] as const).map((sessionAction) => ({
		title: `Update: ${sessionAction} sends operation=${sessionAction} and no amount`,
		parameters: {
			resource: 'couponSession',
			operation: 'update',
			couponsession: FRESH,
			sessionAction,
		},
		request: {
			method: 'POST',
			path: '/v3/couponsession/update',
			body: { couponsession: FRESH, operation: sessionAction },
		},
		output(
			items: Array<Record<string, unknown>>,
			sandbox: {
				state: { findSession(code: string): { status: Record<string, unknown> } | undefined };
			},
		) {
			expect(items).toHaveLength(1);
			const status = sandbox.state.findSession(FRESH)?.status ?? {};
			expect(status[sessionAction === 'void' ? 'voided' : 'claimed']).toBe('1');
		},
	})),
	{
		title: 'Update: unvoid a voided session',
		parameters: {
			resource: 'couponSession',
			operation: 'update',
			couponsession: VOIDED,
			sessionAction: 'unvoid',
		},
		request: {
			method: 'POST',
			path: '/v3/couponsession/update',
			body: { couponsession: VOIDED, operation: 'unvoid' },
		},
		output(_items, sandbox) {
			expect((sandbox.state.findSession(VOIDED)?.status as Record<string, unknown>).voided).toBe(
				'0',
			);
		},
	},
	{
		// A failed code fails its item (couponSessionUpdateMany.test.ts).
		title: 'Update Many: one call and one result per code, separated by commas or new lines',
		parameters: {
			resource: 'couponSession',
			operation: 'updateMany',
			sessionCodes: `${FRESH}, ${OPENED}\n${CLAIMED}`,
			sessionAction: 'claimed',
		},
		request: {
			method: 'POST',
			path: '/v3/couponsession/update',
			body: { couponsession: FRESH, operation: 'claimed' },
		},
		output(items, sandbox) {
			expect(
				sandbox.requests.map((r) => (r.body as Record<string, unknown>).couponsession),
			).toEqual([FRESH, OPENED, CLAIMED]);
			expect(items.map((i) => [i.couponsession, i.success])).toEqual([
				[FRESH, true],
				[OPENED, true],
				[CLAIMED, true],
			]);
		},
	},
	{
		title: 'Search by email within one campaign',
		parameters: {
			resource: 'couponSession',
			operation: 'search',
			search: 'jane@example.com',
			options: { campaign: byId('cam_1001') },
		},
		request: {
			method: 'POST',
			path: '/v3/couponsession/search',
			body: { search: 'jane@example.com', campaign: 'cam_1001' },
		},
		output(items) {
			expect(items.map((d) => d.session)).toEqual([CLAIMED]);
		},
	},
	{
		title: 'Search by phone across campaigns',
		parameters: { resource: 'couponSession', operation: 'search', search: '+32470999888' },
		request: { method: 'POST', path: '/v3/couponsession/search', body: { search: '+32470999888' } },
		output(items) {
			expect(items.map((d) => d.campaign)).toEqual(['cam_1002']);
		},
	},
	{
		title: 'Send Push Notification to one session',
		parameters: {
			resource: 'couponSession',
			operation: 'sendPush',
			campaign: byId('cam_1001'),
			couponsession: CLAIMED,
			message: 'Expires tomorrow',
		},
		request: {
			method: 'POST',
			path: '/v3/coupon/pushnotification/single',
			body: { campaign: 'cam_1001', couponsession: CLAIMED, message: 'Expires tomorrow' },
		},
		output(items, sandbox) {
			expect(items).toEqual([{ sent: true }]);
			expect(sandbox.state.pushNotifications).toHaveLength(1);
		},
	},
	{
		title: 'Send Push Notification to All sessions of a campaign',
		parameters: {
			resource: 'couponSession',
			operation: 'sendPushToAll',
			campaign: byId('cam_1001'),
			message: 'Last day!',
		},
		request: {
			method: 'POST',
			path: '/v3/coupon/pushnotification/all',
			body: { campaign: 'cam_1001', message: 'Last day!' },
		},
		output(items, sandbox) {
			// Push reaches the sessions saved to a wallet: the seeded claimed (passbook) and validated (Google) ones.
			const inWallet = sandbox.state
				.sessionsOf('cam_1001')
				.filter(
					({ status }) => status.saved_to_passbook === '1' || status.saved_to_androidpay === '1',
				)
				.map((session) => session.session);
			expect(inWallet).toEqual([sandbox.state.fixtures.claimed, sandbox.state.fixtures.validated]);
			expect(items).toEqual([
				{ sent: true, campaign: 'cam_1001', amount_of_notifications: inWallet.length },
			]);
		},
	},
]);
