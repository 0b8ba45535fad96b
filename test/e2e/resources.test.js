// @ts-check
'use strict';
/**
 * One operation per resource through the real n8n: a production webhook starts the harness workflow
 * (test/e2e/lib/workflows.js), the Coupontools node calls the sandbox, and the webhook answers with the
 * node's output. Each row checks what the sandbox received (method, path, auth headers, body), the output
 * n8n returned, and, where the call changes something, the sandbox state or the execution n8n recorded.
 */

const {
	e2eContext,
	nodeOutput,
	authOf,
	waitFor,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
} = require('./lib/context');
const { HARNESS, harnessId, harnessPath } = require('./lib/workflows');

const ctx = e2eContext();

// Seeded sandbox values (test/sandbox/README.md).
const CLAIMED = 'kkv53n0eer58xmcj4c0xy';

/**
 * @typedef {object} Row
 * @property {Record<string, unknown>} [body]  the webhook body (parameters read from it)
 * @property {(() => Promise<Record<string, unknown>>)} [prepare]  builds the body from sandbox state
 * @property {Array<{ method: string, path: string, body: unknown }> | ((body: Record<string, unknown>) => Array<{ method: string, path: string, body: unknown }>)} requests
 *   every request the sandbox must receive, in order
 * @property {(items: any[], body: Record<string, unknown>) => void | Promise<void>} output
 */

/** @type {Record<string, Row>} */
const ROWS = {
	campaign: {
		body: { campaign: 'cam_1002' },
		requests: [
			{
				method: 'POST',
				path: '/v3/coupon/info',
				body: { campaign: 'cam_1002', show_usage_stats: true },
			},
		],
		output(items) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				ID: 'cam_1002',
				name: 'Free Coffee',
				status: 'active',
				created_date_utc: '2025-05-21T10:00:00Z',
			});
			expect(items[0].usage_stats).toMatchObject({ sessions: 2, claimed: 1, validated: 0 });
		},
	},
	couponSession: {
		body: { session: CLAIMED, value: 42.5 },
		requests: [
			{
				method: 'POST',
				path: '/v3/couponsession/update',
				body: { couponsession: CLAIMED, operation: 'validated', value: 42.5 },
			},
			{ method: 'POST', path: '/v3/couponsession/data', body: { couponsession: CLAIMED } },
		],
		output(items) {
			// The read-back node: the validation is now part of the session, dates as ISO UTC.
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				campaign: 'cam_1001',
				session: CLAIMED,
				action: 'retrieve_all_session_data',
			});
			expect(items[0].data.status).toMatchObject({
				claimed: '1',
				validated: '1',
				validation_value: '42.5',
			});
			expect(items[0].data.status.validation_date_utc).toMatch(
				/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
			);
		},
	},
	distribution: {
		body: { phone: '+32470123456' },
		requests: [
			{
				method: 'POST',
				path: '/v3/send/sms',
				body: { campaign: 'cam_1002', phone: '+32470123456', body: 'Your free coffee:' },
			},
		],
		async output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					campaign: 'cam_1002',
					phone: '32470123456',
					single_use_url: expect.stringMatching(
						/^https:\/\/digicpn\.com\/p\/k3fp2q\/[a-z0-9]{21}$/,
					),
				}),
			]);
			expect((await ctx.sandbox.state()).counts).toMatchObject({ smsSent: 1 });
		},
	},
	singleUse: {
		body: { email: 'ann@example.com', customId: 'crm-77' },
		requests: [
			{
				method: 'POST',
				path: '/v3/singleuse/create',
				body: {
					campaign: 'cam_1004',
					email: 'ann@example.com',
					customid: 'crm-77',
					duplicate_check: true,
				},
			},
		],
		async output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					single_use_code: expect.stringMatching(/^[a-z0-9]{21}$/),
					single_use_url: expect.stringMatching(
						/^https:\/\/digicpn\.com\/p\/wlc0me\/[a-z0-9]{21}$/,
					),
				}),
			]);
			expect((await ctx.sandbox.state()).sessionsByCampaign.cam_1004).toBe(1);
		},
	},
	subaccount: {
		requests: [{ method: 'POST', path: '/v4/subaccount/list', body: {} }],
		output(items) {
			expect(items.map((s) => [s.ID, s.company_name])).toEqual([
				['sub_3001', 'Acme Bakery'],
				['sub_3002', 'Bistro Nova'],
			]);
			// The subaccounts' own API keys stay hidden unless asked for.
			for (const item of items)
				expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['api_key']));
			expect(JSON.stringify(items)).not.toContain('sandbox-sub_3001-api');
		},
	},
	loyaltyCard: {
		// Get (v3), then Get Many Users (v4 REST) of the card it answered, Return All.
		requests: [
			{ method: 'POST', path: '/v3/loyalty/info', body: { loyaltycard: '6001' } },
			{ method: 'GET', path: '/v4/loyalty/loyalty-cards/6001/stats', body: {} },
			{ method: 'GET', path: '/v4/loyalty/loyalty-cards/6001/stats', body: {} },
		],
		async output(items) {
			expect(items.map((u) => [u.id, u.loyalty_card_id, u.email])).toEqual([
				[7001, 6001, 'jane@example.com'],
				[7002, 6001, 'tom@example.com'],
			]);
			for (const user of items)
				expect(user.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			// Return All: page 1 holds both users, page 2 is empty and ends the list.
			const [, ...pages] = await ctx.sandbox.requests();
			expect(pages.map((r) => r.query['pagination[page]'])).toEqual(['1', '2']);
		},
	},
	directory: {
		body: { directory: 2001, user: 8002 },
		requests: [{ method: 'POST', path: '/v4/directory/2001/users/8002', body: { block: true } }],
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					id: 8002,
					directory_id: 2001,
					email: 'tom@example.com',
					blocked: true,
				}),
			]);
		},
	},
	category: {
		requests: [{ method: 'POST', path: '/v3/category/list', body: {} }],
		output(items) {
			expect(items).toEqual([
				{ ID: 'cat_101', name: 'Food & Drinks' },
				{ ID: 'cat_102', name: 'Retail' },
				{ ID: 'cat_103', name: 'Travel' },
			]);
		},
	},
	smsGroup: {
		body: { name: 'Summer leads' },
		requests: [
			{ method: 'POST', path: '/v3/smstool/addgroup', body: { group_name: 'Summer leads' } },
		],
		async output(items) {
			expect(items).toEqual([{ ID: 'gro_4003', name: 'Summer leads' }]);
			expect((await ctx.sandbox.state()).counts).toMatchObject({ smsGroups: 3 });
		},
	},
	emailGroup: {
		requests: [
			{ method: 'POST', path: '/v3/emailtool/userlist', body: { emailgroup: 'gro_4501' } },
		],
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					email: 'jane@example.com',
					first_name: 'Jane',
					created_date_utc: '2025-05-02T09:00:00Z',
				}),
			]);
		},
	},
	account: {
		body: { teammate: '5101' },
		requests: [{ method: 'POST', path: '/v3/teammate/sso', body: { teammate: '5101' } }],
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					ID: '5101',
					token: expect.stringMatching(/^[a-z0-9]{64}$/),
					url: expect.stringContaining('/sso?token='),
				}),
			]);
		},
	},
	webhookEvent: {
		// An event Coupontools (the sandbox) really sent: delivered to the sandbox's own health URL, which
		// records it as genuine; the harness then asks Coupontools to confirm it.
		async prepare() {
			const delivery = await ctx.sandbox.deliver({ url: `${ctx.sandboxUrl}/__sandbox/health` });
			return { event: delivery.event.webhook, session: delivery.event.session };
		},
		requests: (body) => [
			{
				method: 'POST',
				path: '/v3/webhook/verification',
				body: { webhook: body.event, session: body.session },
			},
		],
		output(items, body) {
			expect(items).toEqual([
				{
					result: 'valid',
					webhook: body.event,
					session: body.session,
					campaign: 'cam_1001',
					type: 'coupon_validated',
					date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
				},
			]);
		},
	},
};

describe(`Every resource through n8n ${ctx.line} (production webhook → Coupontools node → sandbox)`, () => {
	beforeEach(async () => {
		await ctx.sandbox.reset();
	});

	test('the table covers every resource the node offers', () => {
		expect(Object.keys(ROWS).sort()).toEqual(Object.keys(HARNESS).sort());
		expect(Object.keys(ROWS)).toHaveLength(12);
	});

	for (const [resource, row] of Object.entries(ROWS)) {
		const { then } = HARNESS[resource];
		const operation = `${HARNESS[resource].operation}${then ? ` → ${then.operation}` : ''}`;
		test(`${resource}: ${operation}`, async () => {
			const body = row.prepare ? await row.prepare() : (row.body ?? {});
			const expected = typeof row.requests === 'function' ? row.requests(body) : row.requests;

			const res = await ctx.webhook(harnessPath(resource), body);
			expect(res.status).toBe(200);
			expect(Array.isArray(res.json)).toBe(true);

			const requests = await ctx.sandbox.requests();
			expect(requests.map((r) => ({ method: r.method, path: r.path, body: r.body }))).toEqual(
				expected,
			);
			for (const request of requests) {
				expect(request.status).toBe(200);
				expect(authOf(request)).toEqual({
					clientId: SANDBOX_CLIENT_ID,
					clientSecret: SANDBOX_CLIENT_SECRET,
				});
				// The credential adds the x-api-key pair on the v4 REST paths only (directories, loyalty
				// cards); /v4/subaccount/… is RPC style (credentials/CoupontoolsApi.credentials.ts).
				if (/^\/v4\/(?!subaccount\/)/.test(request.path))
					expect([request.headers['x-api-key'], request.headers['x-api-secret']]).toEqual([
						SANDBOX_CLIENT_ID,
						SANDBOX_CLIENT_SECRET,
					]);
				else expect(request.headers['x-api-key']).toBeUndefined();
			}

			await row.output(res.json, body);
		});
	}

	test('n8n recorded each harness run as a successful webhook execution with the same output it answered', async () => {
		const res = await ctx.webhook(harnessPath('category'), {});
		expect(res.status).toBe(200);
		const executions = await waitFor(async () => {
			const all = await ctx.executions(harnessId('category'));
			return all.length >= 2 && all.every((e) => e.finished) ? all : undefined;
		}, 'two finished executions of the category harness');
		expect(executions).toHaveLength(2);
		for (const execution of executions) {
			expect({ status: execution.status, mode: execution.mode }).toEqual({
				status: 'success',
				mode: 'webhook',
			});
			expect(nodeOutput(execution, 'Coupontools')).toEqual(res.json);
		}
	});
});
