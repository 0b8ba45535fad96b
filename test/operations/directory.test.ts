import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { parameterIssues } from '../harness/parameterIssues';
import type { Sandbox } from '../harness/sandbox';
import {
	byId,
	describeOperations,
	expectApiKeyPair,
	fromList,
	jsonOf,
	operationOf,
	run,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	useSandbox,
} from '../harness/sandbox';

// Seeded directories and registered users (test/sandbox/seed-data.js): dir_2001 is 2001 in the v4 paths.
const CITY = 'dir_2001'; // Jane reg_8001 (paid), Tom reg_8002, Ann reg_8003 (blocked)
const SHOP = 'dir_2002'; // Jane reg_8004

const directory = operationOf('directory');

function v3User(sandbox: Sandbox, id: number): IDataObject | undefined {
	const user = sandbox.state.directoryUsers.users.get(id);
	return user ? { ...user } : undefined;
}

describeOperations('Directory', [
	{
		title: 'Get Many: every directory (v3 IDs), one item each',
		parameters: directory('getAll', { returnAll: true }),
		request: { method: 'POST', path: '/v3/directory/list', body: {} },
		output(items, sandbox) {
			expect(items.map((d) => [d.ID, d.name, d.amount_of_registered_users])).toEqual([
				[CITY, 'City Deals', 3],
				[SHOP, 'Shop Perks', 1],
			]);
			expect(sandbox.requests[0].headers['x-api-key']).toBeUndefined();
		},
	},
	{
		title: 'Get Many with a Limit trims the one answer',
		parameters: directory('getAll', { returnAll: false, limit: 1 }),
		request: { method: 'POST', path: '/v3/directory/list', body: {} },
		output(items) {
			expect(items.map((d) => d.ID)).toEqual([CITY]);
		},
	},
	{
		title: 'Get: one directory picked from the list, unwrapped from `directory`',
		parameters: directory('get', { directory: fromList(CITY) }),
		request: { method: 'POST', path: '/v3/directory/info', body: { directory: CITY } },
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					ID: CITY,
					name: 'City Deals',
					campaigns: ['cam_1001', 'cam_1002'],
				}),
			]);
		},
	},
	{
		title: 'Get Campaigns (inferred endpoint): one item per campaign shown in the directory',
		parameters: directory('getCampaigns', { directory: byId(CITY), returnAll: true }),
		request: { method: 'POST', path: '/v3/directory/campaigns', body: { directory: CITY } },
		output(items) {
			expect(items.map((c) => [c.ID, c.name])).toEqual([
				['cam_1001', 'Summer Sale 10%'],
				['cam_1002', 'Free Coffee'],
			]);
		},
	},
	{
		title: 'Get Registered Users: newest first, paged from page 1, dates as ISO UTC',
		parameters: directory('getRegisteredUsers', { directory: byId(CITY), returnAll: true }),
		request: {
			method: 'POST',
			path: '/v3/directoryusers/list',
			body: { directory: CITY, page: 1 },
		},
		output(items) {
			expect(items.map((u) => [u.ID, u.payment_status, u.blocked])).toEqual([
				['reg_8003', 'unpaid', '1'],
				['reg_8002', 'unpaid', '0'],
				['reg_8001', 'paid', '0'],
			]);
			expect(items[2]).toMatchObject({
				email: 'jane@example.com',
				registration_date_utc: '2025-06-01T10:00:00Z',
			});
		},
	},
	{
		title: 'Update User Payment Status (inferred field `payment_status`): paid',
		parameters: directory('updatePaymentStatus', {
			directory: byId(CITY),
			registeredUser: 'reg_8002',
			paymentStatus: 'paid',
		}),
		request: {
			method: 'POST',
			path: '/v3/directoryusers/update',
			body: { directory: CITY, user: 'reg_8002', payment_status: 'paid' },
		},
		output(items, sandbox) {
			expect(items).toEqual([expect.objectContaining({ ID: 'reg_8002', payment_status: 'paid' })]);
			expect(v3User(sandbox, 8002)).toMatchObject({ paid: true });
		},
	},
	{
		title: 'Update User Payment Status: unpaid ends the access',
		parameters: directory('updatePaymentStatus', {
			directory: byId(CITY),
			registeredUser: 'reg_8001',
			paymentStatus: 'unpaid',
		}),
		request: {
			method: 'POST',
			path: '/v3/directoryusers/update',
			body: { directory: CITY, user: 'reg_8001', payment_status: 'unpaid' },
		},
		output(items) {
			expect(items[0]).toMatchObject({ ID: 'reg_8001', payment_status: 'unpaid' });
		},
	},
	{
		title:
			'Create User (v4 REST): numeric directory from the v4 picker in the path, documented fields, bare JSON answer',
		parameters: directory('createUser', {
			directoryId: fromList('2001'),
			directoryUserEmail: 'sam@example.com',
			directoryUserFields: {
				firstName: 'Sam',
				lastName: 'Smet',
				birthDate: '1995-07-14T00:00:00',
				address: 'Main Street 1',
				zip: '9000',
				city: 'Ghent',
				phone: '+32470000111',
				custom1: 'gold',
				custom3: 'referral',
				password: 'correct-horse-battery',
			},
		}),
		request: {
			method: 'POST',
			path: '/v4/directory/2001/users',
			body: {
				email: 'sam@example.com',
				first_name: 'Sam',
				last_name: 'Smet',
				birth_date: '1995-07-14',
				address: 'Main Street 1',
				zip: '9000',
				city: 'Ghent',
				phone: '+32470000111',
				custom_1: 'gold',
				custom_3: 'referral',
				password: 'correct-horse-battery',
			},
		},
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expect(items).toEqual([
				expect.objectContaining({
					id: 8005,
					directory_id: 2001,
					email: 'sam@example.com',
					custom_1: 'gold',
					blocked: false,
					paid_access: false,
				}),
			]);
			expect(items[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			expect(JSON.stringify(items)).not.toContain('correct-horse-battery');
		},
	},
	{
		title: 'Block User: POST …/users/{userId} with block true',
		parameters: directory('blockUser', { directoryId: byId('2001'), userId: '8002' }),
		request: { method: 'POST', path: '/v4/directory/2001/users/8002', body: { block: true } },
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expect(items).toEqual([expect.objectContaining({ id: 8002, blocked: true })]);
		},
	},
	{
		title:
			'Unblock User: block false; a reg_ ID and a dir_ ID typed by hand become the numbers the path takes',
		parameters: directory('unblockUser', { directoryId: byId('dir_2001'), userId: 'reg_8003' }),
		request: { method: 'POST', path: '/v4/directory/2001/users/8003', body: { block: false } },
		output(items) {
			expect(items[0]).toMatchObject({ id: 8003, blocked: false });
		},
	},
	{
		title: 'Give Paid Access until a day: expires_at is the end of that day, UTC',
		parameters: directory('givePaidAccess', {
			directoryId: byId('2001'),
			userId: '8002',
			options: { expiresAt: '2030-12-31' },
		}),
		request: {
			method: 'POST',
			path: '/v4/directory/2001/users/8002/access',
			body: { expires_at: '2030-12-31 23:59:59' },
		},
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expect(items[0]).toMatchObject({
				id: 8002,
				paid_access: true,
				paid_access_expires_at: '2030-12-31T23:59:59Z',
			});
		},
	},
	{
		title: 'Give Paid Access from the date picker: the ISO time is read as UTC',
		parameters: directory('givePaidAccess', {
			directoryId: byId('2001'),
			userId: '8003',
			options: { expiresAt: '2031-01-15T08:30:00' },
		}),
		request: {
			method: 'POST',
			path: '/v4/directory/2001/users/8003/access',
			body: { expires_at: '2031-01-15 08:30:00' },
		},
		output(items) {
			expect(items[0]).toMatchObject({
				paid_access: true,
				paid_access_expires_at: '2031-01-15T08:30:00Z',
			});
		},
	},
	{
		title: 'Give Paid Access without an end sends no expires_at',
		parameters: directory('givePaidAccess', { directoryId: byId('2001'), userId: '8002' }),
		request: { method: 'POST', path: '/v4/directory/2001/users/8002/access', body: {} },
		output(items) {
			expect(items[0]).toMatchObject({ id: 8002, paid_access: true, paid_access_expires_at: null });
		},
	},
	{
		title: 'Revoke Paid Access: DELETE …/access',
		parameters: directory('revokePaidAccess', { directoryId: byId('2001'), userId: '8001' }),
		request: { method: 'DELETE', path: '/v4/directory/2001/users/8001/access' },
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expect(items).toEqual([
				expect.objectContaining({ id: 8001, paid_access: false, paid_access_expires_at: null }),
			]);
		},
	},
	{
		title: 'Create User Login Token: POST …/sso, the token passed through',
		parameters: directory('createSsoToken', { directoryId: byId('2001'), userId: '8001' }),
		request: { method: 'POST', path: '/v4/directory/2001/users/8001/sso' },
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expect(items).toEqual([
				{
					user_id: 8001,
					token: expect.stringMatching(/^[a-z0-9]{40}$/),
					login_url: expect.stringContaining('?sso='),
				},
			]);
		},
	},
	{
		title:
			'v4 IDs mapped from input items reach the path resolved (not the locator\'s raw "={{ … }}")',
		parameters: directory('blockUser', {
			directoryId: byId('={{ $json.directory }}'),
			userId: '={{ $json.user }}',
		}),
		items: [{ directory: 2002, user: 8004 }],
		request: { method: 'POST', path: '/v4/directory/2002/users/8004', body: { block: true } },
		output(items) {
			expect(items[0]).toMatchObject({ id: 8004, blocked: true });
		},
	},
]);

describe('Directory: state across calls (v4 writes show in the v3 list)', () => {
	const sandbox = useSandbox();
	const go = async (parameters: INodeParameters, items?: IDataObject[]) => {
		const result = await run(sandbox.current, { parameters, items });
		expect(result.error?.message).toBeUndefined();
		return jsonOf(result.items);
	};
	const registered = async () =>
		await go(directory('getRegisteredUsers', { directory: byId(SHOP), returnAll: true }));

	test('a created user is listed first by Get Registered Users; blocks and paid access show on it', async () => {
		const [created] = await go(
			directory('createUser', {
				directoryId: fromList('2002'),
				directoryUserEmail: 'lena@example.com',
				directoryUserFields: { firstName: 'Lena' },
			}),
		);
		const v3Id = `reg_${String(created.id)}`;
		expect((await registered()).map((u) => u.ID)).toEqual([v3Id, 'reg_8004']);

		await go(directory('blockUser', { directoryId: byId('2002'), userId: '={{ $json.id }}' }), [
			created,
		]);
		await go(
			directory('givePaidAccess', { directoryId: byId('2002'), userId: String(created.id) }),
		);
		expect((await registered())[0]).toMatchObject({
			ID: v3Id,
			first_name: 'Lena',
			blocked: '1',
			payment_status: 'paid',
			paid_access_expires_utc: null,
		});

		await go(directory('revokePaidAccess', { directoryId: byId('2002'), userId: v3Id }));
		await go(directory('unblockUser', { directoryId: byId('2002'), userId: v3Id }));
		expect((await registered())[0]).toMatchObject({
			ID: v3Id,
			blocked: '0',
			payment_status: 'unpaid',
		});

		// The v3 payment status and the v4 access are one fact.
		await go(
			directory('updatePaymentStatus', {
				directory: byId(SHOP),
				registeredUser: v3Id,
				paymentStatus: 'paid',
			}),
		);
		const [{ paid_access }] = await go(
			directory('unblockUser', { directoryId: byId('2002'), userId: v3Id }),
		);
		expect(paid_access).toBe(true);
	});

	test('paid access that has ended reads as unpaid', async () => {
		await go(
			directory('givePaidAccess', {
				directoryId: byId('2002'),
				userId: '8004',
				options: { expiresAt: '2020-01-01 00:00:00' },
			}),
		);
		expect((await registered())[0]).toMatchObject({ ID: 'reg_8004', payment_status: 'unpaid' });
	});
});

describe('Directory: Get Registered Users, 100 per page newest first (documented)', () => {
	const sandbox = useSandbox();

	test('Return All reads 100, 100, then the short last page, newest first', async () => {
		sandbox.current.state.directoryUsers.seedRegistrations(SHOP, 250);
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', { directory: byId(SHOP), returnAll: true }),
		});
		const users = jsonOf(result.items);
		expect(sandbox.current.requests.map((r) => (r.body as IDataObject).page)).toEqual([1, 2, 3]);
		expect(users).toHaveLength(251);
		expect(new Set(users.map((u) => u.ID)).size).toBe(251);
		expect(users[0].ID).toBe('reg_8004');
		const dates = users.map((u) => String(u.registration_date_utc));
		expect(dates).toEqual([...dates].sort().reverse());
	});

	test('Limit 150 stops after the second page', async () => {
		sandbox.current.state.directoryUsers.seedRegistrations(SHOP, 250);
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', {
				directory: byId(SHOP),
				returnAll: false,
				limit: 150,
			}),
		});
		expect(result.items).toHaveLength(150);
		expect(sandbox.current.requests).toHaveLength(2);
	});
});

describe('Directory: the sandbox page size option (directoryPageSize)', () => {
	const sandbox = useSandbox({ directoryPageSize: 2 });

	test('pages of 2: the pager asks page 2 and stops at its short page', async () => {
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', { directory: byId(CITY), returnAll: true }),
		});
		expect(sandbox.current.requests.map((r) => (r.body as IDataObject).page)).toEqual([1, 2]);
		expect(jsonOf(result.items).map((u) => u.ID)).toEqual(['reg_8003', 'reg_8002', 'reg_8001']);
	});
});

describe('Directory: documented error codes and checks before sending', () => {
	const sandbox = useSandbox();

	test.each([
		{
			code: '507 (Get: directory not found)',
			parameters: directory('get', { directory: byId('dir_9999') }),
			message: /Directory or loyalty card not found \(Coupontools code 507\)/,
			description: /Directory ID not found/,
		},
		{
			code: '507 (Get Registered Users: directory not found)',
			parameters: directory('getRegisteredUsers', { directory: byId('dir_9999'), returnAll: true }),
			message: /507/,
			description: /Directory ID not found/,
		},
		{
			code: '507 (v4 Create User: directory not found)',
			parameters: directory('createUser', {
				directoryId: byId('9999'),
				directoryUserEmail: 'x@example.com',
			}),
			message: /507/,
			description: /Directory ID not found/,
		},
		{
			code: '301 (v4: a user ID that is not a number)',
			parameters: directory('blockUser', { directoryId: byId('2001'), userId: 'abc' }),
			message: /characters Coupontools does not accept \(Coupontools code 301\)/,
			description: /Invalid numeric value for parameter: userId/,
		},
		{
			code: '304 (v4 Create User: email already registered in this directory)',
			parameters: directory('createUser', {
				directoryId: byId('2001'),
				directoryUserEmail: 'tom@example.com',
			}),
			message: /already exists \(Coupontools code 304\)/,
			description: /Email already exists/,
		},
		{
			code: '300 (v4: a user of another directory)',
			parameters: directory('givePaidAccess', { directoryId: byId('2001'), userId: '8004' }),
			message: /rejected a value \(Coupontools code 300\)/,
			description: /not a registered user of this directory/,
		},
		{
			code: '302 (Update User Payment Status: a status that is not paid or unpaid)',
			parameters: directory('updatePaymentStatus', {
				directory: byId(CITY),
				registeredUser: 'reg_8001',
				paymentStatus: '={{ "refunded" }}',
			}),
			message: /not one of the allowed choices \(Coupontools code 302\)/,
			description: /payment_status/,
		},
	])('$code', async ({ parameters, message, description }) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(description);
		expect(sandbox.current.requests).toHaveLength(1);
	});

	test.each([
		[
			'a v4 directory that is not a number',
			directory('blockUser', { directoryId: byId('={{ "City Deals" }}'), userId: '8001' }),
			/^Directory "City Deals" is not a directory ID of the v4 API/,
		],
		[
			'an empty v4 user',
			directory('revokePaidAccess', { directoryId: byId('2001'), userId: '={{ "" }}' }),
			/^User ID is empty/,
		],
		[
			'a v3 user without reg_',
			directory('updatePaymentStatus', {
				directory: byId(CITY),
				registeredUser: '8001',
				paymentStatus: 'paid',
			}),
			/^User ID "8001" is not a valid ID\. It must start with reg_/,
		],
		[
			'a directory that is neither a number nor dir_… (Get takes either, idForms.ts)',
			directory('get', { directory: byId('={{ "City Deals" }}') }),
			/^Directory "City Deals" is not a directory ID: it is a number such as 12345, or starts with dir_/,
		],
	])('%s is refused before sending', async (_title, parameters, message) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each([
		['/v3/directory/info', { directory: 'dir_20-01' }],
		['/v3/directoryusers/list', { directory: 'dir 2001' }],
	])(
		'the sandbox answers 301 on %s to a directory ID with other characters (the rule the node checks first)',
		async (path, body) => {
			const response = await fetch(`${sandbox.current.url}${path}`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-Client-Id': SANDBOX_CLIENT_ID,
					'X-Client-Secret': SANDBOX_CLIENT_SECRET,
				},
				body: JSON.stringify(body),
			});
			expect(await response.json()).toMatchObject({
				status: {
					status: 'failed',
					errors: {
						error_code: [301],
						error_message_description: ['Invalid character in parameter: directory'],
					},
				},
			});
		},
	);

	test('Continue On Fail: a user ID that cannot be sent becomes an error item in place, the others run', async () => {
		const result = await run(sandbox.current, {
			parameters: directory('blockUser', {
				directoryId: byId('2001'),
				userId: '={{ $json.user }}',
			}),
			items: [{ user: 8001 }, { user: '' }, { user: 8002 }],
			onError: 'continueRegularOutput',
		});
		const json = jsonOf(result.items);
		expect(json.map((j) => j.id ?? j.error)).toEqual([
			8001,
			expect.stringMatching(/^User ID is empty/),
			8002,
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(sandbox.current.requests.map((r) => r.path)).toEqual([
			'/v4/directory/2001/users/8001',
			'/v4/directory/2001/users/8002',
		]);
	});
});

describe('Sandbox auth on v4 REST paths: one header pair is required', () => {
	const sandbox = useSandbox();
	const call = async (
		method: string,
		path: string,
		headers: Record<string, string>,
		body?: IDataObject,
	) => {
		const response = await fetch(`${sandbox.current.url}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...headers },
			body: body ? JSON.stringify(body) : undefined,
		});
		return (await response.json()) as unknown;
	};
	const apiPair = { 'x-api-key': SANDBOX_CLIENT_ID, 'x-api-secret': SANDBOX_CLIENT_SECRET };
	const clientPair = { 'X-Client-Id': SANDBOX_CLIENT_ID, 'X-Client-Secret': SANDBOX_CLIENT_SECRET };
	const refused = { status: { status: 'failed', errors: { error_code: 1000 } } };

	test.each([
		['the x-api pair alone', apiPair],
		['the X-Client pair alone', clientPair],
	])('%s is accepted', async (_title, headers) => {
		expect(await call('GET', '/v4/directory', headers)).toEqual([
			expect.objectContaining({ id: 2001, name: 'City Deals' }),
			expect.objectContaining({ id: 2002 }),
		]);
	});

	test('no header pair is refused with 1000, body credentials included', async () => {
		expect(await call('GET', '/v4/directory', {})).toMatchObject(refused);
		expect(
			await call(
				'POST',
				'/v4/directory/2001/users/8001',
				{},
				{ block: true, client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET },
			),
		).toMatchObject(refused);
		expect(sandbox.current.state.directoryUsers.users.get(8001)?.blocked).toBe(false);
	});

	test('a wrong x-api secret is refused', async () => {
		expect(
			await call('GET', '/v4/directory', { ...apiPair, 'x-api-secret': 'nope' }),
		).toMatchObject(refused);
	});

	test('the x-api pair is not accepted on v3 paths', async () => {
		expect(await call('POST', '/v3/directory/list', apiPair, {})).toMatchObject(refused);
	});
});

describe('directory pickers (By ID): what the editor accepts per API generation', () => {
	const issues = (parameters: INodeParameters) => JSON.stringify(parameterIssues(parameters));

	test.each(['getCampaigns', 'updatePaymentStatus'])(
		'v3 %s: dir_ IDs pass, numbers are flagged',
		(operation) => {
			const base = { resource: 'directory', operation, registeredUser: 'reg_8001' };
			expect(issues({ ...base, directory: byId(CITY) })).toBe('null');
			expect(issues({ ...base, directory: byId('2001') })).toContain('starts with dir_');
		},
	);

	// Same parameter name, another rule on these two panels: n8n checks the one each panel shows.
	test.each(['get', 'getRegisteredUsers'])(
		'%s (either generation): dir_ IDs and numbers pass, names are flagged',
		(operation) => {
			const base = { resource: 'directory', operation };
			expect(issues({ ...base, directory: byId(CITY) })).toBe('null');
			expect(issues({ ...base, directory: byId('2001') })).toBe('null');
			expect(issues({ ...base, directory: byId('City') })).toContain(
				'is a number, e.g. 12345, or starts with dir_',
			);
		},
	);

	test.each([
		'createUser',
		'blockUser',
		'unblockUser',
		'givePaidAccess',
		'revokePaidAccess',
		'createSsoToken',
	])('v4 %s: numbers and dir_ numbers pass, names are flagged', (operation) => {
		const base = {
			resource: 'directory',
			operation,
			userId: '8001',
			directoryUserEmail: 'a@example.com',
		};
		expect(issues({ ...base, directoryId: byId('2001') })).toBe('null');
		expect(issues({ ...base, directoryId: byId('dir_2001') })).toBe('null');
		expect(issues({ ...base, directoryId: byId('City') })).toContain('is a number');
	});
});
