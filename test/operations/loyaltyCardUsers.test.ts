import type { IDataObject } from 'n8n-workflow';

import { searchV4LoyaltyCards } from '../../nodes/Coupontools/listSearch/searchV4LoyaltyCards';
import { pickerContext } from '../harness/loadOptions';
import type { Sandbox } from '../harness/sandbox';
import {
	byId,
	credentialsFor,
	describeOperations,
	fromList,
	jsonOf,
	operationOf,
	run,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	useSandbox,
} from '../harness/sandbox';

// The loyalty operations on REST paths (https://docs.coupontools.com/api/v4/loyalty) against the seeded
// cards (test/sandbox/seed-data.js): 6001 Coffee Stamp Card (Jane 7001 4 stamps, Tom 7002 9 stamps),
// 6002 VIP Points Club (Jane 120 points, Lisa 7003 voided), 6003 inactive. New cards from 6004, users from 7004.
const COFFEE = '6001';
const VIP = '6002';

const card = operationOf('loyaltyCard');

/** REST calls carry both header pairs (credential); the sandbox accepts either. */
function expectApiKeyPairOnEveryCall(sandbox: Sandbox): void {
	for (const request of sandbox.requests) {
		expect(request.headers['x-api-key']).toBe(SANDBOX_CLIENT_ID);
		expect(request.headers['x-api-secret']).toBe(SANDBOX_CLIENT_SECRET);
	}
}

/** Puts `count` users on a card, straight in the sandbox state. */
function seedCardUsers(sandbox: Sandbox, cardId: string, count: number): void {
	for (let n = 1; n <= count; n++) {
		const user = sandbox.state.loyalty.createUser({
			email: `member${n}@example.com`,
			first_name: 'Member',
			last_name: String(n),
			phone: '',
			gender: '',
			birthday: '',
			city: '',
			created_date_utc: '2025-01-01 00:00:00',
		});
		sandbox.state.loyalty.link(cardId, user.ID, '2025-01-02 00:00:00');
	}
}

describeOperations('Loyalty Card (cards and their users)', [
	{
		title: 'Copy: POST …/{id}/copy with the new name, the new card as documented',
		parameters: card('copy', { loyaltyCardId: fromList(COFFEE), copyName: 'Tea Stamp Card' }),
		request: {
			method: 'POST',
			path: '/v4/loyalty/loyalty-cards/6001/copy',
			body: { name: 'Tea Stamp Card' },
		},
		output(items, sandbox) {
			expectApiKeyPairOnEveryCall(sandbox);
			expect(items).toEqual([
				{
					id: 6004,
					code: expect.stringMatching(/^[a-z0-9]{6}$/),
					name: 'Tea Stamp Card',
					domain: 'digicpn.com',
					type: 'stamp',
				},
			]);
		},
	},
	{
		title: 'Copy without a name sends no name (Coupontools names the copy)',
		parameters: card('copy', { loyaltyCardId: byId(VIP) }),
		request: { method: 'POST', path: '/v4/loyalty/loyalty-cards/6002/copy', body: {} },
		output(items) {
			expect(items[0]).toMatchObject({ id: 6004, name: 'VIP Points Club (copy)' });
		},
	},
	{
		title:
			'Get Many Users: pagination[page] and per_page in the query, voided users left out, dates as ISO UTC',
		parameters: card('getManyUsers', {
			loyaltyCardId: byId(VIP),
			loyaltyCardUsersReturnAll: true,
		}),
		request: {
			method: 'GET',
			path: '/v4/loyalty/loyalty-cards/6002/stats',
			query: { 'pagination[page]': '1', 'pagination[per_page]': '100' },
		},
		output(items, sandbox) {
			expectApiKeyPairOnEveryCall(sandbox);
			expect(items).toEqual([
				expect.objectContaining({
					id: 7001,
					loyalty_card_id: 6002,
					email: 'jane@example.com',
					points: 120,
					voided: false,
					created_at: '2025-04-05T10:00:00Z',
				}),
			]);
		},
	},
	{
		title:
			'Get Many Users with a filter and Include Voided Users: filter[field] and include_voided',
		parameters: card('getManyUsers', {
			loyaltyCardId: byId(VIP),
			loyaltyCardUsersReturnAll: true,
			loyaltyCardUsersFilters: { email: 'lisa@' },
			loyaltyCardUsersOptions: { includeVoided: true },
		}),
		request: {
			method: 'GET',
			path: '/v4/loyalty/loyalty-cards/6002/stats',
			query: {
				'pagination[page]': '1',
				'pagination[per_page]': '100',
				'filter[email]': 'lisa@',
				include_voided: 'true',
			},
		},
		output(items) {
			expect(items.map((u) => [u.id, u.voided, u.points])).toEqual([[7003, true, 40]]);
		},
	},
	{
		title: 'Get User: GET …/{id}/stats/{userId}, the balances on that card',
		parameters: card('getUser', { loyaltyCardId: byId(COFFEE), loyaltyCardUserId: '7002' }),
		request: { method: 'GET', path: '/v4/loyalty/loyalty-cards/6001/stats/7002' },
		output(items, sandbox) {
			expectApiKeyPairOnEveryCall(sandbox);
			expect(items).toEqual([
				expect.objectContaining({ id: 7002, first_name: 'Tom', stamps: 9, voided: false }),
			]);
		},
	},
	{
		title: 'Add User: POST …/{id}/stats with the fields set, empty ones left out',
		parameters: card('addUser', {
			loyaltyCardId: byId(COFFEE),
			loyaltyCardUserEmail: 'sam@example.com',
			loyaltyCardUserFields: {
				firstName: 'Sam',
				lastName: 'Smet',
				address: 'Main Street 1',
				zip: '9000',
				city: 'Ghent',
				phone: '+32470000111',
				custom1: 'gold',
				custom8: 'import-2026',
				custom2: '',
			},
		}),
		request: {
			method: 'POST',
			path: '/v4/loyalty/loyalty-cards/6001/stats',
			body: {
				email: 'sam@example.com',
				first_name: 'Sam',
				last_name: 'Smet',
				address: 'Main Street 1',
				zip: '9000',
				city: 'Ghent',
				phone: '+32470000111',
				custom_1: 'gold',
				custom_8: 'import-2026',
			},
		},
		output(items, sandbox) {
			expect(items).toEqual([
				expect.objectContaining({
					id: 7004,
					loyalty_card_id: 6001,
					email: 'sam@example.com',
					custom_8: 'import-2026',
					stamps: 0,
				}),
			]);
			expect(sandbox.state.loyalty.membership(COFFEE, '7004')).toEqual({
				loyaltycard: COFFEE,
				user: '7004',
				points: 0,
				stamps: 0,
				voided: '0',
				voided_date_utc: '',
				linked_date_utc: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			});
		},
	},
	{
		title: 'Add Many Users: three items become one bulk call {"users": [...]}, one result per item',
		parameters: card('addManyUsers', {
			loyaltyCardId: byId(COFFEE),
			loyaltyCardUserEmail: '={{ $json.email }}',
			loyaltyCardUserFields: { firstName: '={{ $json.name }}' },
		}),
		items: [
			{ email: 'a@example.com', name: 'Ann' },
			{ email: 'b@example.com', name: 'Bob' },
			{ email: 'c@example.com', name: 'Cas' },
		],
		request: {
			method: 'POST',
			path: '/v4/loyalty/loyalty-cards/6001/stats/bulk',
			body: {
				users: [
					{ email: 'a@example.com', first_name: 'Ann' },
					{ email: 'b@example.com', first_name: 'Bob' },
					{ email: 'c@example.com', first_name: 'Cas' },
				],
			},
		},
		output(items, sandbox) {
			expectApiKeyPairOnEveryCall(sandbox);
			expect(sandbox.requests).toHaveLength(1);
			expect(items.map((u) => [u.id, u.email, u.first_name])).toEqual([
				[7004, 'a@example.com', 'Ann'],
				[7005, 'b@example.com', 'Bob'],
				[7006, 'c@example.com', 'Cas'],
			]);
		},
	},
]);

describe('Loyalty Card: Add Many Users in bulk calls', () => {
	const sandbox = useSandbox();
	const parameters = card('addManyUsers', {
		loyaltyCardId: byId(COFFEE),
		loyaltyCardUserEmail: '={{ $json.email }}',
	});
	const users = (count: number) =>
		Array.from({ length: count }, (_, n) => ({ email: `import${n}@example.com` }));

	test('250 items: 3 calls of 100, 100 and 50 users, 250 results paired to their items in order', async () => {
		const result = await run(sandbox.current, { parameters, items: users(250) });
		expect(result.error?.message).toBeUndefined();
		expect(
			sandbox.current.requests.map((r) => ((r.body as IDataObject).users as unknown[]).length),
		).toEqual([100, 100, 50]);
		const json = jsonOf(result.items);
		expect(json).toHaveLength(250);
		expect(json.map((u) => u.email)).toEqual(users(250).map((u) => u.email));
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			users(250).map((_, n) => ({ item: n })),
		);
		expect(new Set(json.map((u) => u.id)).size).toBe(250);
	});

	test('Continue On Fail: a user refused by Coupontools or by the check before sending becomes an error on its own item, the others are added', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items: [
				{ email: 'new1@example.com' },
				{ email: 'not-an-address' },
				{ email: 'tom@example.com' },
				{ email: 'new2@example.com' },
			],
			onError: 'continueRegularOutput',
		});
		// The address that cannot be one never joins the call.
		expect(sandbox.current.requests.map((r) => (r.body as IDataObject).users)).toEqual([
			[{ email: 'new1@example.com' }, { email: 'tom@example.com' }, { email: 'new2@example.com' }],
		]);
		const json = jsonOf(result.items);
		expect(json.map((j) => j.email ?? j.error)).toEqual([
			'new1@example.com',
			expect.stringMatching(/^Email "not-an-address" is not an email address/),
			expect.stringMatching(/already exists \(Coupontools (?:error|code) 304\)/),
			'new2@example.com',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	test('without Continue On Fail the run stops with the error of the refused item', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items: [{ email: 'ok@example.com' }, { email: 'tom@example.com' }],
		});
		expect(result.error?.message).toMatch(/already exists \(Coupontools (?:error|code) 304\)/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	test('a failure of the whole call (unknown card) is the error of every item in it', async () => {
		const result = await run(sandbox.current, {
			parameters: { ...parameters, loyaltyCardId: byId('9999') },
			items: users(3),
			onError: 'continueRegularOutput',
		});
		expect(sandbox.current.requests).toHaveLength(1);
		expect(jsonOf(result.items).map((j) => j.error)).toEqual([
			expect.stringMatching(/507/),
			expect.stringMatching(/507/),
			expect.stringMatching(/507/),
		]);
	});
});

describe('Loyalty Card: Get Many Users pages with pagination[page]', () => {
	const sandbox = useSandbox();

	test('Return All reads pages 1, 2 and the short page 3', async () => {
		seedCardUsers(sandbox.current, VIP, 249);
		const result = await run(sandbox.current, {
			parameters: card('getManyUsers', {
				loyaltyCardId: byId(VIP),
				loyaltyCardUsersReturnAll: true,
			}),
		});
		expect(sandbox.current.requests.map((r) => r.query['pagination[page]'])).toEqual([
			'1',
			'2',
			'3',
		]);
		expect(result.items).toHaveLength(250);
	});

	test('Limit 150 stops after the second page', async () => {
		seedCardUsers(sandbox.current, VIP, 249);
		const result = await run(sandbox.current, {
			parameters: card('getManyUsers', {
				loyaltyCardId: byId(VIP),
				loyaltyCardUsersReturnAll: false,
				loyaltyCardUsersLimit: 150,
			}),
		});
		expect(result.items).toHaveLength(150);
		expect(sandbox.current.requests).toHaveLength(2);
	});
});

describe('Loyalty Card (cards and their users): errors and checks before sending', () => {
	const sandbox = useSandbox();

	test.each([
		{
			code: '507 (Copy: card not found)',
			parameters: card('copy', { loyaltyCardId: byId('9999') }),
			message: /Directory or loyalty card not found \(Coupontools (?:error|code) 507\)/,
			description: /Loyalty card not found/,
		},
		{
			code: '300 (Get User: a user who is not on this card)',
			parameters: card('getUser', { loyaltyCardId: byId(COFFEE), loyaltyCardUserId: '7003' }),
			message: /rejected a value \(Coupontools (?:error|code) 300\)/,
			description: /not a user of this loyalty card/,
		},
		{
			code: '304 (Add User: email already used)',
			parameters: card('addUser', {
				loyaltyCardId: byId(COFFEE),
				loyaltyCardUserEmail: 'jane@example.com',
			}),
			message: /already exists \(Coupontools (?:error|code) 304\)/,
			description: /Email already exists/,
		},
	])('$code', async ({ parameters, message, description }) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(description);
		expect(sandbox.current.requests).toHaveLength(1);
	});

	test.each([
		[
			'a card that is not a number',
			card('getUser', { loyaltyCardId: byId('={{ "Coffee" }}'), loyaltyCardUserId: '7001' }),
			/^Loyalty Card "Coffee" is not a loyalty card ID/,
		],
		[
			'an empty user',
			card('getUser', { loyaltyCardId: byId(COFFEE), loyaltyCardUserId: '={{ "" }}' }),
			/^User ID is empty/,
		],
		[
			'a copy name over 50 characters',
			card('copy', { loyaltyCardId: byId(COFFEE), copyName: 'x'.repeat(51) }),
			/^Name is 51 characters long/,
		],
		[
			'an invalid email',
			card('addUser', { loyaltyCardId: byId(COFFEE), loyaltyCardUserEmail: 'jane@' }),
			/^Email "jane@" is not an email address/,
		],
	])('%s is refused before sending', async (_title, parameters, message) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});
});

describe('loyalty card picker of the card-and-users operations', () => {
	const sandbox = useSandbox();

	test('lists the numeric ids from GET /v4/loyalty/loyalty-cards, with the x-api pair', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchV4LoyaltyCards.call(context)).results).toEqual([
			{ name: 'Coffee Stamp Card (6001)', value: '6001' },
			{ name: 'Summer Card 2024 (6003)', value: '6003' },
			{ name: 'VIP Points Club (6002)', value: '6002' },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v4/loyalty/loyalty-cards',
		});
		expectApiKeyPairOnEveryCall(sandbox.current);
		expect((await searchV4LoyaltyCards.call(context, 'vip')).results.map((r) => r.value)).toEqual([
			'6002',
		]);
	});
});
