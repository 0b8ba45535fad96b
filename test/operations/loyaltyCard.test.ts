import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { parameterIssues } from '../harness/parameterIssues';
import {
	byId,
	describeOperations,
	fromList,
	jsonOf,
	operationOf,
	run,
	useSandbox,
} from '../harness/sandbox';

// Seeded loyalty cards and users (test/sandbox/seed-data.js `seedLoyalty`).
const COFFEE = '6001'; // stamp card: Jane 4 stamps, Tom 9
const VIP = '6002'; // points club: Jane 120 points, Lisa voided
const OLD = '6003'; // inactive
const JANE = '7001';
const TOM = '7002';
const LISA = '7003';

const card = operationOf('loyaltyCard');

describeOperations('Loyalty Card', [
	{
		title: 'Get Many: every card, oldest first (the documented default), dates as ISO UTC',
		parameters: card('getAll', { returnAll: true }),
		request: { method: 'POST', path: '/v3/loyalty/list', body: {} },
		output(items) {
			expect(items.map((c) => c.ID)).toEqual([OLD, COFFEE, VIP]);
			expect(items[1]).toMatchObject({
				name: 'Coffee Stamp Card',
				type: 'stamp',
				status: 'active',
				created_date_utc: '2025-02-01T09:00:00Z',
			});
		},
	},
	{
		title: 'Get Many with Only Active and newest first',
		parameters: card('getAll', { returnAll: true, options: { onlyActive: true, sorting: 'desc' } }),
		request: {
			method: 'POST',
			path: '/v3/loyalty/list',
			body: { only_active: true, sorting: 'desc' },
		},
		output(items) {
			expect(items.map((c) => c.ID)).toEqual([VIP, COFFEE]);
		},
	},
	{
		title: 'Get Many with a Limit trims the one answer (no page parameter: the list is not paged)',
		parameters: card('getAll', { returnAll: false, limit: 1 }),
		request: { method: 'POST', path: '/v3/loyalty/list', body: {} },
		output(items, sandbox) {
			expect(items.map((c) => c.ID)).toEqual([OLD]);
			expect(sandbox.requests).toHaveLength(1);
		},
	},
	{
		title: 'Get: one card picked from the list, unwrapped from `loyaltycard`',
		parameters: card('get', { loyaltyCard: fromList(COFFEE) }),
		request: { method: 'POST', path: '/v3/loyalty/info', body: { loyaltycard: COFFEE } },
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({ ID: COFFEE, name: 'Coffee Stamp Card', amount_of_users: 2 }),
			]);
		},
	},
	{
		title: 'Get Many Users (V3 API): every user of the card with its balance, paged from page 1',
		parameters: card('getUsers', { loyaltyCard: byId(COFFEE), returnAll: true }),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/list',
			body: { loyaltycard: COFFEE, page: 1 },
		},
		output(items) {
			expect(items.map((u) => [u.ID, u.stamps, u.voided])).toEqual([
				[JANE, 4, '0'],
				[TOM, 9, '0'],
			]);
			expect(items[0]).toMatchObject({
				email: 'jane@example.com',
				loyaltycard: COFFEE,
				linked_date_utc: '2025-04-05T10:00:00Z',
			});
		},
	},
	{
		title: 'Search Users: part of an email (no dot: the documented alphabet), one item per match',
		parameters: card('searchUsers', { loyaltyCard: byId(VIP), search: 'jane@example' }),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/search',
			body: { loyaltycard: VIP, search: 'jane@example' },
		},
		output(items) {
			expect(items.map((u) => [u.ID, u.points, u.matched_on])).toEqual([[JANE, 120, ['email']]]);
		},
	},
	{
		title:
			'Create User: documented fields, birthday sent as yyyy-MM-dd, the password never in the output',
		parameters: card('createUser', {
			cardUserEmail: 'sam@example.com',
			password: 'correct-horse-battery',
			cardUserFields: {
				firstName: 'Sam',
				lastName: 'Smet',
				gender: 'male',
				birthday: '1995-07-14T00:00:00',
				city: 'Leuven',
				phone: '+32470000111',
			},
		}),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/create',
			body: {
				email: 'sam@example.com',
				password: 'correct-horse-battery',
				first_name: 'Sam',
				last_name: 'Smet',
				gender: 'male',
				birthday: '1995-07-14',
				city: 'Leuven',
				phone: '+32470000111',
			},
		},
		output(items, sandbox) {
			expect(items).toEqual([
				expect.objectContaining({
					ID: '7004',
					email: 'sam@example.com',
					first_name: 'Sam',
					birthday: '1995-07-14',
				}),
			]);
			expect(JSON.stringify(items)).not.toContain('correct-horse-battery');
			expect(sandbox.state.loyalty.users.get('7004')?.email).toBe('sam@example.com');
		},
	},
	{
		title: 'Link User: puts an existing user on a card with empty balances',
		parameters: card('linkUser', { loyaltyCard: byId(COFFEE), user: LISA }),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/link',
			body: { loyaltycard: COFFEE, user: LISA },
		},
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({
					ID: LISA,
					loyaltycard: COFFEE,
					points: 0,
					stamps: 0,
					voided: '0',
				}),
			]);
		},
	},
	{
		title: 'Update User → Add Points sends `points` (an amount to add, inferred)',
		parameters: card('updateUser', {
			loyaltyCard: byId(VIP),
			user: JANE,
			userAction: 'addPoints',
			points: 30,
		}),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/update',
			body: { loyaltycard: VIP, user: JANE, points: 30 },
		},
		output(items) {
			expect(items).toEqual([expect.objectContaining({ ID: JANE, loyaltycard: VIP, points: 150 })]);
		},
	},
	{
		title: 'Update User → Add Stamps sends `stamps`',
		parameters: card('updateUser', {
			loyaltyCard: byId(COFFEE),
			user: TOM,
			userAction: 'addStamps',
			stamps: 2,
		}),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/update',
			body: { loyaltycard: COFFEE, user: TOM, stamps: 2 },
		},
		output(items) {
			expect(items[0]).toMatchObject({ ID: TOM, stamps: 11 });
		},
	},
	{
		title: 'Update User → Void sends `voided: true` and nothing else',
		parameters: card('updateUser', { loyaltyCard: byId(COFFEE), user: JANE, userAction: 'void' }),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/update',
			body: { loyaltycard: COFFEE, user: JANE, voided: true },
		},
		output(items) {
			expect(items[0]).toMatchObject({ ID: JANE, voided: '1', stamps: 4 });
			expect(items[0].voided_date_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		},
	},
	{
		title: 'Update User → Unvoid sends `voided: false`',
		parameters: card('updateUser', { loyaltyCard: byId(VIP), user: LISA, userAction: 'unvoid' }),
		request: {
			method: 'POST',
			path: '/v3/loyaltyusers/update',
			body: { loyaltycard: VIP, user: LISA, voided: false },
		},
		output(items) {
			expect(items[0]).toMatchObject({ ID: LISA, voided: '0', points: 40 });
		},
	},
	{
		title: 'Send Push Notification to one user (inferred endpoint)',
		parameters: card('sendPush', {
			loyaltyCard: byId(COFFEE),
			user: TOM,
			message: 'One more stamp!',
		}),
		request: {
			method: 'POST',
			path: '/v3/loyalty/pushnotification/single',
			body: { loyaltycard: COFFEE, user: TOM, message: 'One more stamp!' },
		},
		output(items, sandbox) {
			expect(items).toEqual([{ sent: true }]);
			expect(sandbox.state.loyalty.pushes).toEqual([
				expect.objectContaining({ loyaltycard: COFFEE, user: TOM, message: 'One more stamp!' }),
			]);
		},
	},
	{
		title:
			'Send Push Notification to All users of a card: voided users are left out (inferred endpoint)',
		parameters: card('sendPushToAll', { loyaltyCard: byId(VIP), message: 'Double points today' }),
		request: {
			method: 'POST',
			path: '/v3/loyalty/pushnotification/all',
			body: { loyaltycard: VIP, message: 'Double points today' },
		},
		output(items) {
			expect(items).toEqual([{ sent: true, loyaltycard: VIP, amount_of_notifications: 1 }]);
		},
	},
]);

describe('Loyalty Card: state across calls', () => {
	const sandbox = useSandbox();
	const go = async (parameters: INodeParameters, items?: IDataObject[]) => {
		const result = await run(sandbox.current, { parameters, items });
		expect(result.error?.message).toBeUndefined();
		return jsonOf(result.items);
	};

	test('a created user, once linked, is listed by Get Many Users (V3 API); points and stamps add up; voiding shows', async () => {
		const [created] = await go(
			card('createUser', { cardUserEmail: 'new@example.com', password: 'pw-123456' }),
		);
		// Chained like a workflow would: the next node maps the new user's ID.
		const [linked] = await go(
			card('linkUser', { loyaltyCard: byId(VIP), user: '={{ $json.ID }}' }),
			[created],
		);
		expect(linked).toMatchObject({ ID: created.ID, points: 0 });

		for (const points of [30, 12])
			await go(
				card('updateUser', {
					loyaltyCard: byId(VIP),
					user: String(created.ID),
					userAction: 'addPoints',
					points,
				}),
			);
		await go(
			card('updateUser', {
				loyaltyCard: byId(VIP),
				user: String(created.ID),
				userAction: 'addStamps',
				stamps: 3,
			}),
		);
		await go(
			card('updateUser', { loyaltyCard: byId(VIP), user: String(created.ID), userAction: 'void' }),
		);

		const users = await go(card('getUsers', { loyaltyCard: byId(VIP), returnAll: true }));
		expect(users.find((u) => u.ID === created.ID)).toMatchObject({
			email: 'new@example.com',
			points: 42,
			stamps: 3,
			voided: '1',
		});
		// The other card knows nothing of it: balances belong to the link.
		const coffee = await go(card('getUsers', { loyaltyCard: byId(COFFEE), returnAll: true }));
		expect(coffee.map((u) => u.ID)).not.toContain(created.ID);
	});

	test('a voided user collects nothing until unvoided (the API says so, the node shows its words)', async () => {
		const update = (userAction: string, extra: INodeParameters = {}) =>
			card('updateUser', { loyaltyCard: byId(VIP), user: LISA, userAction, ...extra });
		const refused = await run(sandbox.current, { parameters: update('addPoints', { points: 5 }) });
		expect(refused.error?.message).toMatch(/rejected a value.*300/);
		expect(refused.error?.description).toMatch(/voided and cannot collect points/);
		await go(update('unvoid'));
		expect((await go(update('addPoints', { points: 5 })))[0]).toMatchObject({
			points: 45,
			voided: '0',
		});
	});

	test('linking a user twice keeps its balance', async () => {
		await go(card('linkUser', { loyaltyCard: byId(COFFEE), user: JANE }));
		const users = await go(card('getUsers', { loyaltyCard: byId(COFFEE), returnAll: true }));
		expect(users.filter((u) => u.ID === JANE)).toEqual([expect.objectContaining({ stamps: 4 })]);
	});
});

describe('Loyalty Card: Get Many Users (V3 API) through the shared pager (paging is not documented)', () => {
	// A small page size makes the pager's work visible; the sandbox pages this list like the session lists.
	const sandbox = useSandbox({ pageSize: 2 });
	const addUsers = (count: number) => {
		for (let i = 0; i < count; i++) {
			const user = sandbox.current.state.loyalty.createUser({
				email: `fan${i}@example.com`,
				first_name: 'Fan',
				last_name: String(i),
				phone: '',
				gender: '',
				birthday: '',
				city: '',
				created_date_utc: '2025-05-01 10:00:00',
			});
			sandbox.current.state.loyalty.link(COFFEE, user.ID, '2025-05-01 10:00:00');
		}
	};

	test('Return All asks page 1, 2, … until a short page, in link order', async () => {
		addUsers(3); // 5 users on the card: pages of 2, 2, 1
		const result = await run(sandbox.current, {
			parameters: card('getUsers', { loyaltyCard: byId(COFFEE), returnAll: true }),
		});
		expect(sandbox.current.requests.map((r) => (r.body as IDataObject).page)).toEqual([1, 2, 3]);
		expect(jsonOf(result.items).map((u) => u.ID)).toEqual([JANE, TOM, '7004', '7005', '7006']);
	});

	test('Limit stops as soon as it is reached', async () => {
		addUsers(3);
		const result = await run(sandbox.current, {
			parameters: card('getUsers', { loyaltyCard: byId(COFFEE), returnAll: false, limit: 3 }),
		});
		expect(result.items).toHaveLength(3);
		expect(sandbox.current.requests).toHaveLength(2);
	});
});

describe('Loyalty Card: documented error codes and checks before sending', () => {
	const sandbox = useSandbox();

	test.each([
		{
			code: '507 (Get: loyalty card not found)',
			parameters: card('get', { loyaltyCard: byId('9999') }),
			message: /Directory or loyalty card not found \(Coupontools code 507\)/,
			description: /Loyalty card not found/,
		},
		{
			code: '505 (Get Many Users (V3 API): loyalty card ID not found)',
			parameters: card('getUsers', { loyaltyCard: byId('9999'), returnAll: true }),
			message: /loyalty card not found \(Coupontools code 505\)/,
			description: /Loyalty card ID not found/,
		},
		{
			code: '507 (Send Push Notification to All: loyalty card not found)',
			parameters: card('sendPushToAll', { loyaltyCard: byId('9999'), message: 'hi' }),
			message: /507/,
			description: /Loyalty card not found/,
		},
		{
			code: '200 (Create User: the password resolved to nothing)',
			parameters: card('createUser', { cardUserEmail: 'x@example.com', password: '={{ "" }}' }),
			message: /required field is missing \(Coupontools code 200\)/,
			description: /Please provide a password/,
		},
		{
			code: '304 (Create User: email already exists)',
			parameters: card('createUser', { cardUserEmail: 'jane@example.com', password: 'pw' }),
			message: /already exists \(Coupontools code 304\)/,
			description: /Email already exists/,
		},
		{
			code: '300 (Update User: not a user of this card)',
			parameters: card('updateUser', {
				loyaltyCard: byId(COFFEE),
				user: LISA,
				userAction: 'addStamps',
				stamps: 1,
			}),
			message: /rejected a value \(Coupontools code 300\)/,
			description: /not a user of this loyalty card/,
		},
		{
			code: '300 (Send Push Notification: not a user of this card)',
			parameters: card('sendPush', { loyaltyCard: byId(COFFEE), user: '7999', message: 'hi' }),
			message: /300/,
			description: /not a user of this loyalty card/,
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
			'a search of 2 characters',
			card('searchUsers', { loyaltyCard: byId(COFFEE), search: 'ja' }),
			/^Search For "ja" cannot be searched: use at least 3 characters/,
		],
		[
			'a search with a dot',
			card('searchUsers', { loyaltyCard: byId(COFFEE), search: 'jane@example.com' }),
			/^Search For "jane@example.com" cannot be searched/,
		],
		[
			'a card ID with other characters',
			card('get', { loyaltyCard: byId('={{ "60-01" }}') }),
			/^Loyalty Card "60-01" is not a loyalty card ID/,
		],
		[
			'an empty user',
			card('sendPush', { loyaltyCard: byId(COFFEE), user: '={{ "" }}', message: 'hi' }),
			/^User ID is empty/,
		],
	])('%s is refused before sending', async (_title, parameters, message) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('the sandbox answers 301 to a card ID with other characters (the rule the node checks first)', async () => {
		const response = await fetch(`${sandbox.current.url}/v3/loyaltyusers/list`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-Client-Id': 'sandbox-client-id',
				'X-Client-Secret': 'sandbox-client-secret',
			},
			body: JSON.stringify({ loyaltycard: '60-01' }),
		});
		expect(await response.json()).toMatchObject({
			status: { status: 'failed', errors: { error_code: [301] } },
		});
	});
});

describe('loyalty card picker (By ID): what the editor accepts', () => {
	const issues = parameterIssues;

	test.each([
		'getUsers',
		'searchUsers',
		'linkUser',
		'updateUser',
		'sendPush',
		'sendPushToAll',
		'get',
	])('%s: a valid ID passes, other characters are flagged', (operation) => {
		const base = {
			resource: 'loyaltyCard',
			operation,
			user: '7001',
			search: 'jane',
			message: 'hi',
		};
		expect(issues({ ...base, loyaltyCard: byId('6001') })).toBeNull();
		expect(JSON.stringify(issues({ ...base, loyaltyCard: byId('60 01') }))).toContain(
			'only letters, digits and _',
		);
	});
});
