import { describeFailure, parseCoupontoolsFailure } from '../../nodes/Coupontools/shared/errors';
import type { Sandbox } from '../harness/sandbox';
import {
	byId,
	describeOperations,
	fromList,
	jsonOf,
	run,
	subaccountCredentials,
	useSandbox,
	postToSandbox,
} from '../harness/sandbox';

// Seeded subaccounts (test/sandbox/seed-data.js); their own key pairs are sandbox-only values.
const ACME = 'sub_3001';
const BISTRO = 'sub_3002';

function keysOf(sandbox: Sandbox, id: string): { api_key: string; api_secret: string } {
	const subaccount = sandbox.state.subaccounts.get(id);
	if (!subaccount) throw new Error(`no subaccount ${id}`);
	return { api_key: subaccount.api_key, api_secret: subaccount.api_secret };
}

describeOperations('Subaccount', [
	{
		title: 'Get Many: every subaccount, one item each, API key pair removed, dates as ISO UTC',
		parameters: { resource: 'subaccount', operation: 'getAll', returnAll: true },
		request: { method: 'POST', path: '/v4/subaccount/list', body: {} },
		output(items) {
			expect(items.map((s) => s.ID)).toEqual([ACME, BISTRO]);
			expect(items[0]).toMatchObject({
				email: 'anna@acme-bakery.example',
				company_name: 'Acme Bakery',
				lastlogin: '2025-06-10T08:15:00Z',
			});
			expect(items[1].lastlogin).toBeNull();
			for (const item of items) {
				expect(item).not.toHaveProperty('api_key');
				expect(item).not.toHaveProperty('api_secret');
			}
		},
	},
	{
		title: 'Get Many with a Limit trims the one answer',
		parameters: { resource: 'subaccount', operation: 'getAll', returnAll: false, limit: 1 },
		request: { method: 'POST', path: '/v4/subaccount/list', body: {} },
		output(items) {
			expect(items.map((s) => s.ID)).toEqual([ACME]);
		},
	},
	{
		title: 'Get Many with Include API Credentials keeps the key pair',
		parameters: {
			resource: 'subaccount',
			operation: 'getAll',
			returnAll: true,
			includeApiCredentials: true,
		},
		request: { method: 'POST', path: '/v4/subaccount/list', body: {} },
		output(items, sandbox) {
			expect(items[0]).toMatchObject(keysOf(sandbox, ACME));
		},
	},
	{
		title:
			'Get: one subaccount picked from the list, unwrapped from `subaccount`, without its key pair',
		parameters: { resource: 'subaccount', operation: 'get', subaccount: fromList(ACME) },
		request: { method: 'POST', path: '/v4/subaccount', body: { subaccount: ACME } },
		output(items) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				ID: ACME,
				first_name: 'Anna',
				max_campaigns: '10',
				has_campaigns: '2',
				available_campaigns: '8',
				expiry_date: '2026-12-31',
				access_dashboard: true,
			});
			expect((items[0].campaigns as Array<Record<string, unknown>>).map((c) => c.ID)).toEqual([
				'cam_5001',
				'cam_5002',
			]);
			expect(items[0]).not.toHaveProperty('api_key');
			expect(items[0]).not.toHaveProperty('api_secret');
		},
	},
	{
		title: 'Get with Include API Credentials',
		parameters: {
			resource: 'subaccount',
			operation: 'get',
			subaccount: byId(BISTRO),
			includeApiCredentials: true,
		},
		request: { method: 'POST', path: '/v4/subaccount', body: { subaccount: BISTRO } },
		output(items, sandbox) {
			expect(items[0]).toMatchObject({ ID: BISTRO, ...keysOf(sandbox, BISTRO) });
		},
	},
	{
		title:
			'Create with every field: date as yyyy-MM-dd, country upper-cased, the new subaccount without its keys',
		parameters: {
			resource: 'subaccount',
			operation: 'create',
			subaccountEmail: 'lea@cafe-lumen.example',
			subaccountFields: {
				company_name: 'Café Lumen',
				country: 'fr',
				expiry_date: '2027-01-31T00:00:00',
				first_name: 'Léa',
				last_name: 'Martin',
				package: 'pac_101',
				password: 'a-sandbox-password',
				status: 'customer',
			},
		},
		request: {
			method: 'POST',
			path: '/v4/subaccount/create',
			body: {
				email: 'lea@cafe-lumen.example',
				company_name: 'Café Lumen',
				country: 'FR',
				expiry_date: '2027-01-31',
				first_name: 'Léa',
				last_name: 'Martin',
				package: 'pac_101',
				password: 'a-sandbox-password',
				status: 'customer',
			},
		},
		output(items, sandbox) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				ID: 'sub_3003',
				email: 'lea@cafe-lumen.example',
				country: 'FR',
				status: 'customer',
				expiry_date: '2027-01-31',
			});
			expect(items[0]).not.toHaveProperty('api_key');
			expect(items[0]).not.toHaveProperty('password');
			expect(sandbox.state.subaccounts.get('sub_3003')?.company_name).toBe('Café Lumen');
		},
	},
	{
		title: 'Create with only the email, keeping the new key pair',
		parameters: {
			resource: 'subaccount',
			operation: 'create',
			subaccountEmail: 'solo@example.com',
			includeApiCredentials: true,
		},
		request: { method: 'POST', path: '/v4/subaccount/create', body: { email: 'solo@example.com' } },
		output(items, sandbox) {
			expect(items[0]).toMatchObject({
				ID: 'sub_3003',
				status: 'trial',
				...keysOf(sandbox, 'sub_3003'),
			});
		},
	},
	{
		title: 'Update (inferred endpoint): only the fields set are sent and changed',
		parameters: {
			resource: 'subaccount',
			operation: 'update',
			subaccount: byId(BISTRO),
			updateFields: {
				company_name: 'Bistro Nova BV',
				status: 'customer',
				expiry_date: '2026-06-30',
			},
		},
		request: {
			method: 'POST',
			path: '/v4/subaccount/update',
			body: {
				subaccount: BISTRO,
				company_name: 'Bistro Nova BV',
				status: 'customer',
				expiry_date: '2026-06-30',
			},
		},
		output(items, sandbox) {
			expect(items[0]).toMatchObject({
				ID: BISTRO,
				company_name: 'Bistro Nova BV',
				status: 'customer',
				expiry_date: '2026-06-30',
				first_name: 'Tom',
			});
			expect(items[0]).not.toHaveProperty('api_secret');
			expect(sandbox.state.subaccounts.get(BISTRO)?.status).toBe('customer');
		},
	},
	{
		title: 'Create Password Reset Link: the answer is passed through',
		parameters: { resource: 'subaccount', operation: 'createResetUrl', subaccount: fromList(ACME) },
		request: { method: 'POST', path: '/v3/subaccount/reset/url', body: { subaccount: ACME } },
		output(items) {
			expect(items).toEqual([
				{
					subaccount: ACME,
					url: expect.stringMatching(/^https:\/\/\S+\/reset-password\/[a-z0-9]{32}$/),
				},
			]);
		},
	},
	{
		title: 'Create Login Link to the default page: no page sent',
		parameters: {
			resource: 'subaccount',
			operation: 'singleSignOn',
			subaccount: byId(ACME),
			page: '',
		},
		request: { method: 'POST', path: '/v3/subaccount/sso', body: { subaccount: ACME } },
		output(items) {
			expect(items).toHaveLength(1);
			expect(items[0]).toEqual({
				ID: ACME,
				token: expect.stringMatching(/^[a-z0-9]{64}$/),
				url: expect.any(String),
				url_whitelabel: expect.any(String),
			});
			expect(items[0].url).toContain(String(items[0].token));
		},
	},
	{
		title: 'Create Login Link to a page: `page` is a page name, not a paging marker (one request)',
		parameters: {
			resource: 'subaccount',
			operation: 'singleSignOn',
			subaccount: byId(ACME),
			page: 'statistics',
		},
		request: {
			method: 'POST',
			path: '/v3/subaccount/sso',
			body: { subaccount: ACME, page: 'statistics' },
		},
		output(items, sandbox) {
			expect(sandbox.requests).toHaveLength(1);
			expect(items[0].url).toMatch(/\?page=statistics$/);
		},
	},
	{
		title: 'Create Login Link to Update Campaign with a campaign of the subaccount',
		parameters: {
			resource: 'subaccount',
			operation: 'singleSignOn',
			subaccount: byId(ACME),
			page: 'update_campaign',
			subaccountCampaign: fromList('cam_5002'),
		},
		request: {
			method: 'POST',
			path: '/v3/subaccount/sso',
			body: { subaccount: ACME, page: 'update_campaign', campaign: 'cam_5002' },
		},
		output(items) {
			expect(items[0].url).toMatch(/\?page=update_campaign&campaign=cam_5002$/);
		},
	},
]);

describe('Subaccount: state across calls', () => {
	const sandbox = useSandbox();

	test('a created subaccount can be fetched, updated and fetched again', async () => {
		const created = await run(sandbox.current, {
			parameters: {
				resource: 'subaccount',
				operation: 'create',
				subaccountEmail: 'flow@example.com',
			},
		});
		const id = String(created.items[0].json.ID);
		expect(id).toMatch(/^sub_\d+$/);

		const updated = await run(sandbox.current, {
			parameters: {
				resource: 'subaccount',
				operation: 'update',
				subaccount: byId(id),
				updateFields: { first_name: 'Flo', country: 'de' },
			},
		});
		expect(updated.error).toBeUndefined();

		const fetched = await run(sandbox.current, {
			parameters: { resource: 'subaccount', operation: 'get', subaccount: byId(id) },
		});
		expect(jsonOf(fetched.items)).toEqual([
			expect.objectContaining({
				ID: id,
				email: 'flow@example.com',
				first_name: 'Flo',
				country: 'DE',
			}),
		]);

		const listed = await run(sandbox.current, {
			parameters: { resource: 'subaccount', operation: 'getAll', returnAll: true },
		});
		expect(jsonOf(listed.items).map((s) => s.ID)).toEqual([ACME, BISTRO, id]);
	});

	test('the key pairs never reach the execution data unless asked for', async () => {
		const secrets = [ACME, BISTRO].flatMap((id) => Object.values(keysOf(sandbox.current, id)));
		for (const operation of ['getAll', 'get', 'update', 'createResetUrl', 'singleSignOn']) {
			const result = await run(sandbox.current, {
				parameters: {
					resource: 'subaccount',
					operation,
					subaccount: byId(ACME),
					returnAll: true,
					page: '',
				},
			});
			expect(result.error).toBeUndefined();
			const visible = JSON.stringify(result.run.data.resultData);
			expect(visible).toContain(ACME);
			for (const secret of secrets)
				expect({ operation, leaked: visible.includes(secret) }).toEqual({
					operation,
					leaked: false,
				});
		}
	});
});

describe('Subaccount: documented error codes', () => {
	const sandbox = useSandbox();

	test("102: the credential holds a subaccount's own keys", async () => {
		const result = await run(sandbox.current, {
			parameters: { resource: 'subaccount', operation: 'getAll', returnAll: true },
			credentials: subaccountCredentials(sandbox.current, ACME),
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'Subaccount keys cannot manage subaccounts (Coupontools code 102)',
		);
		expect(result.error?.description).toMatch(
			/Subaccount API keys cannot be used to manage subaccounts.*main account's Client ID/,
		);
	});

	test('102 on every subaccount call, while the same keys still work elsewhere', async () => {
		const credentials = subaccountCredentials(sandbox.current, BISTRO);
		for (const operation of ['get', 'create', 'update', 'createResetUrl', 'singleSignOn']) {
			const result = await run(sandbox.current, {
				parameters: {
					resource: 'subaccount',
					operation,
					subaccount: byId(ACME),
					subaccountEmail: 'x@example.com',
					page: '',
				},
				credentials,
			});
			expect({ operation, message: result.error?.message }).toEqual({
				operation,
				message: expect.stringContaining('Coupontools code 102'),
			});
		}
		const campaigns = await run(sandbox.current, {
			parameters: { resource: 'campaign', operation: 'getAll' },
			credentials,
		});
		expect(campaigns.error).toBeUndefined();
	});

	test('304: the email is already used by a subaccount', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'subaccount',
				operation: 'create',
				subaccountEmail: 'ANNA@acme-bakery.example',
			},
		});
		expect(result.error?.message).toBe('This email address already exists (Coupontools code 304)');
		expect(result.error?.description).toMatch(/^Coupontools says: Email address already exists/);
		expect(sandbox.current.state.subaccounts.size).toBe(2);
	});

	test('304 on Update when the email belongs to another subaccount', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'subaccount',
				operation: 'update',
				subaccount: byId(BISTRO),
				updateFields: { email: 'anna@acme-bakery.example' },
			},
		});
		expect(result.error?.message).toMatch(/already exists.*304/);
	});

	test('510: unknown subaccount', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'subaccount',
				operation: 'singleSignOn',
				subaccount: byId('sub_9999'),
				page: '',
			},
		});
		expect(result.error?.message).toBe('Subaccount not found (Coupontools code 510)');
		expect(result.error?.description).toMatch(/Subaccount ID not correct.*sub_/);
	});

	test('502: Create Login Link to a campaign the subaccount does not own', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'subaccount',
				operation: 'singleSignOn',
				subaccount: byId(ACME),
				page: 'update_campaign',
				subaccountCampaign: byId('cam_1001'),
			},
		});
		expect(result.error?.message).toMatch(/Campaign or directory not found.*502/);
	});

	test.each([
		[
			'an invalid email (305)',
			{ subaccountEmail: 'not-an-email' },
			/^Email "not-an-email" is not an email address/,
		],
		[
			'a country that is not two letters',
			{ subaccountEmail: 'a@example.com', subaccountFields: { country: 'Belgium' } },
			/^Country "Belgium" is not a two-letter/,
		],
		[
			'a package that is not pac_',
			{ subaccountEmail: 'a@example.com', subaccountFields: { package: 'gold' } },
			/^Package "gold" is not a valid ID.*pac_/,
		],
		[
			'an impossible expiry date (303)',
			{ subaccountEmail: 'a@example.com', subaccountFields: { expiry_date: '2026-02-30' } },
			/^Expiry Date "2026-02-30" is not a date/,
		],
	])('Create refuses %s before calling Coupontools', async (_title, fields, message) => {
		const result = await run(sandbox.current, {
			parameters: { resource: 'subaccount', operation: 'create', ...fields },
		});
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each([
		[
			'/v4/subaccount/create',
			{ email: 'a@example.com', expiry_date: '31-12-2026' },
			303,
			'A value has the wrong format',
			'expiry_date. Use yyyy-MM-dd',
		],
		[
			'/v4/subaccount/create',
			{ email: 'not-an-email' },
			305,
			'The email address is not valid',
			'Email address not valid',
		],
		['/v4/subaccount/create', {}, 200, 'A required field is missing', 'Missing parameter: email'],
		[
			'/v3/subaccount/sso',
			{ subaccount: 'sub_3001', page: 'update_campaign' },
			200,
			'A required field is missing',
			'Missing parameter: campaign',
		],
		[
			'/v3/subaccount/sso',
			{ subaccount: 'sub 3001' },
			301,
			'A value contains characters',
			'Invalid character in parameter: subaccount',
		],
	])(
		'what the sandbox answers on %s %j (code %i) maps to a clear message with the API words',
		async (path, body, code, message, words) => {
			const { status, json } = await postToSandbox(sandbox.current, path, body);
			const failure = parseCoupontoolsFailure(status, json);
			expect(failure?.codes).toEqual([code]);
			const text = describeFailure(failure!);
			expect(text.message).toContain(message);
			expect(text.message).toContain(`(Coupontools code ${code})`);
			expect(text.description).toContain(words);
		},
	);
});
