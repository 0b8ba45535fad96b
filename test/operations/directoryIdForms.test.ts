import type { IDataObject } from 'n8n-workflow';

import {
	byId,
	describeOperations,
	expectApiKeyPair,
	fromList,
	jsonOf,
	operationOf,
	run,
	useSandbox,
} from '../harness/sandbox';

// Directory → Get and Get Registered Users take either kind of directory ID
// (nodes/Coupontools/resources/directory/idForms.ts): a number (as the picker, fed by GET /v4/directory,
// shows it) makes the v4 call, a dir_ ID the v3 call (test/operations/directory.test.ts fixes those).
// Seed (test/sandbox/seed-data.js): 2001 City Deals with Jane 8001, Tom 8002, Ann 8003 (blocked).

const directory = operationOf('directory');

/** The v4 GETs carry no body: nothing of the v3 call (directory, page) is sent. */
function expectNoBody(body: unknown): void {
	expect(body === undefined || body === '' || JSON.stringify(body) === '{}').toBe(true);
}

describeOperations('Directory: a numeric directory ID makes the v4 read', [
	{
		title:
			'Get, picked from the list (numbers): GET /v4/directory/{id}, its bare answer with status',
		parameters: directory('get', { directory: fromList('2001') }),
		request: { method: 'GET', path: '/v4/directory/2001' },
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expectNoBody(sandbox.requests[0].body);
			expect(items).toEqual([
				{
					id: 2001,
					name: 'City Deals',
					code: expect.any(String),
					url: 'https://digicpn.com/p/dcity1',
					status: 'active',
					campaign_count: 2,
					user_count: 3,
				},
			]);
		},
	},
	{
		title: 'Get by a number from an expression, spaces around it trimmed',
		parameters: directory('get', { directory: byId('={{ " 2002 " }}') }),
		request: { method: 'GET', path: '/v4/directory/2002' },
		output(items) {
			expect(items).toEqual([expect.objectContaining({ id: 2002, name: 'Shop Perks' })]);
		},
	},
	{
		title: 'Get with a number mapped from an input item (a JSON number)',
		parameters: directory('get', { directory: byId('={{ $json.directory }}') }),
		items: [{ directory: 2002 }],
		request: { method: 'GET', path: '/v4/directory/2002' },
		output(items) {
			expect(items[0]).toMatchObject({ id: 2002 });
		},
	},
	{
		title:
			'Get Registered Users, Return All: one GET /v4/directory/{id}/users (no paging), newest first, dates ISO UTC',
		parameters: directory('getRegisteredUsers', { directory: fromList('2001'), returnAll: true }),
		request: { method: 'GET', path: '/v4/directory/2001/users' },
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expectNoBody(sandbox.requests[0].body);
			expect(sandbox.requests).toHaveLength(1);
			expect(items.map((u) => [u.id, u.directory_id, u.blocked])).toEqual([
				[8003, 2001, true],
				[8002, 2001, false],
				[8001, 2001, false],
			]);
			expect(items[2]).toMatchObject({
				email: 'jane@example.com',
				created_at: '2025-06-01T10:00:00Z',
				paid_access: true,
			});
		},
	},
	{
		title: 'Get Registered Users with a Limit cuts the one answer',
		parameters: directory('getRegisteredUsers', {
			directory: byId('2001'),
			returnAll: false,
			limit: 2,
		}),
		request: { method: 'GET', path: '/v4/directory/2001/users' },
		output(items, sandbox) {
			expect(items.map((u) => u.id)).toEqual([8003, 8002]);
			expect(sandbox.requests).toHaveLength(1);
		},
	},
	{
		title: 'Get Registered Users with a dir_ ID picked the old way keeps the v3 call',
		parameters: directory('getRegisteredUsers', {
			directory: fromList('dir_2001'),
			returnAll: false,
			limit: 1,
		}),
		request: {
			method: 'POST',
			path: '/v3/directoryusers/list',
			body: { directory: 'dir_2001', page: 1 },
		},
		output(items) {
			expect(items.map((u) => u.ID)).toEqual(['reg_8003']);
		},
	},
]);

describe('Directory: the v4 reads, not paged, and their errors', () => {
	const sandbox = useSandbox();

	test('Return All over 251 users is still one call (the v4 list has no documented paging)', async () => {
		sandbox.current.state.directoryUsers.seedRegistrations('dir_2002', 250);
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', { directory: byId('2002'), returnAll: true }),
		});
		expect(result.error?.message).toBeUndefined();
		expect(result.items).toHaveLength(251);
		expect(sandbox.current.requests).toHaveLength(1);
		expect(new Set(jsonOf(result.items).map((u) => u.id)).size).toBe(251);
	});

	test('one run, two items: a number reads v4, a dir_ ID reads v3, each paired to its item', async () => {
		const result = await run(sandbox.current, {
			parameters: directory('get', { directory: byId('={{ $json.directory }}') }),
			items: [{ directory: '2001' }, { directory: 'dir_2002' }],
		});
		expect(result.error?.message).toBeUndefined();
		const calls = sandbox.current.requests.map((r) => `${r.method} ${r.path}`).sort();
		expect(calls).toEqual(['GET /v4/directory/2001', 'POST /v3/directory/info']);
		expect(result.items.map((item) => [item.pairedItem, (item.json as IDataObject).name])).toEqual([
			[{ item: 0 }, 'City Deals'],
			[{ item: 1 }, 'Shop Perks'],
		]);
	});

	test.each([
		['get', '/v4/directory/9999'],
		['getRegisteredUsers', '/v4/directory/9999/users'],
	])('%s of an unknown number: 507 from the v4 call', async (operation, path) => {
		const result = await run(sandbox.current, {
			parameters: directory(operation, { directory: byId('9999'), returnAll: true }),
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'Directory or loyalty card not found (Coupontools code 507)',
		);
		expect(result.error?.description).toMatch(/Directory ID not found/);
		expect(sandbox.current.requests.map((r) => r.path)).toEqual([path]);
	});

	test('an empty directory is refused before sending, naming both forms', async () => {
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', {
				directory: byId('={{ "" }}'),
				returnAll: true,
			}),
		});
		expect(result.error?.message).toMatch(
			/^Directory is empty\. Pick a directory from the list, or enter its ID: a number such as 12345, or dir_12345/,
		);
		expect(sandbox.current.requests).toHaveLength(0);
	});
});
