/**
 * v4 REST lists read whole (nodes/Coupontools/shared/v4Pages.ts): the v4 docs document no paging for the
 * directory lists, but should Coupontools page them, the records past page 1 must not be lost. The sandbox
 * pages them on request (test/sandbox/v4-paging.js) in the forms REST APIs use; the polling trigger
 * (through n8n's poll path, harness/poll.ts) and Directory → Get Registered Users (through n8n's
 * RoutingNode) read every page, over HTTP.
 */
import type { IDataObject } from 'n8n-workflow';

import { nextV4Page } from '../nodes/Coupontools/shared/v4Pages';
import { createPollTrigger, FAKE_DATE_ONLY } from './harness/poll';
import { byId, credentialsFor, jsonOf, operationOf, run, useSandbox } from './harness/sandbox';
import { registerDirectoryUsers } from './sandbox/timeline';
import { v4PagingOf } from './sandbox/v4-paging';

const sandbox = useSandbox();
const DAY = '2026-11-20';
const STYLES = ['bare', 'links', 'meta', 'laravel'] as const;
const directory = operationOf('directory');

/** Moves the shared clock to `time` ("HH:mm:ss" on DAY, UTC). */
function at(time: string) {
	jest.setSystemTime(new Date(`${DAY}T${time}Z`));
}

function usersCalls(since = 0) {
	return sandbox.current.requests
		.slice(since)
		.filter((request) => request.path === '/v4/directory/2002/users');
}

describe('Polling trigger: directory registrations over 3 pages', () => {
	beforeEach(() => {
		jest.useFakeTimers(FAKE_DATE_ONLY);
		at('10:00:30');
	});

	afterEach(() => {
		jest.useRealTimers();
	});

	test.each(STYLES)(
		'pages answered as "%s": all 25 emitted once, each page asked once per poll',
		async (style) => {
			sandbox.current.state.v4Paging = v4PagingOf({ pageSize: 10, style });
			const trigger = createPollTrigger({
				parameters: {
					events: ['directory_user_registered'],
					directoryScope: 'selected',
					directories: ['2002'],
				},
				credentials: credentialsFor(sandbox.current),
			});
			await trigger.activate();
			const { users } = registerDirectoryUsers(sandbox.current.state, {
				directory: '2002',
				at: `${DAY} 10:01:00`,
				count: 25,
				everySeconds: 2,
			});

			at('10:02:05');
			const since = sandbox.current.requests.length;
			const { emitted, error, reported } = await trigger.poll();
			expect({ error, reported }).toEqual({ error: undefined, reported: undefined });
			expect(emitted?.map((item) => item.id)).toEqual(users);
			// With the users seeded before activation (read, not emitted): 3 pages of 10.
			const total = sandbox.current.state.directoryUsers.newestFirst('dir_2002').length;
			expect(Math.ceil(total / 10)).toBe(3);
			expect(usersCalls(since)).toHaveLength(3);

			at('10:03:05');
			expect(await trigger.poll()).toEqual({});
		},
	);
});

describe('Directory → Get Registered Users (v4, a numeric ID) over 3 pages', () => {
	beforeEach(() => {
		registerDirectoryUsers(sandbox.current.state, {
			directory: '2002',
			at: `${DAY} 10:01:00`,
			count: 25,
			everySeconds: 2,
		});
	});

	test.each(STYLES)('pages answered as "%s": Return All outputs every user once', async (style) => {
		const total = sandbox.current.state.directoryUsers.newestFirst('dir_2002').length;
		sandbox.current.state.v4Paging = v4PagingOf({ pageSize: 10, style });
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', { directory: byId('2002'), returnAll: true }),
		});
		expect(result.error?.message).toBeUndefined();
		const ids = jsonOf(result.items).map((user) => user.id);
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
		expect(usersCalls()).toHaveLength(Math.ceil(total / 10));
		// Every item is a user, paired to the input item: no envelope of a page among them.
		expect(result.items.every((item) => typeof (item.json as IDataObject).email === 'string')).toBe(
			true,
		);
	});

	test('Limit stops at the page that reaches it', async () => {
		sandbox.current.state.v4Paging = v4PagingOf({ pageSize: 10, style: 'meta' });
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', {
				directory: byId('2002'),
				returnAll: false,
				limit: 12,
			}),
		});
		expect(result.items).toHaveLength(12);
		expect(usersCalls().map((request) => request.query)).toEqual([
			{},
			{ page: '2', 'pagination[page]': '2' },
		]);
	});

	test('an unpaged list that happens to be a full page long costs one more call and nothing twice', async () => {
		const total = sandbox.current.state.directoryUsers.newestFirst('dir_2002').length;
		registerDirectoryUsers(sandbox.current.state, {
			directory: '2002',
			at: `${DAY} 10:02:00`,
			count: 50 - total,
		});
		const result = await run(sandbox.current, {
			parameters: directory('getRegisteredUsers', { directory: byId('2002'), returnAll: true }),
		});
		// 50 users in one answer may be a full page: page 2 is asked, answers the same list, and ends it.
		expect(usersCalls()).toHaveLength(2);
		expect(new Set(jsonOf(result.items).map((user) => user.id)).size).toBe(50);
		expect(result.items).toHaveLength(50);
	});
});

describe('following the next page', () => {
	const read = { path: '/v4/directory/1/users', page: 1, firstPath: '/v4/directory/1/users' };

	test('a next link to another host is asked of the credential host, path and query only', () => {
		expect(
			nextV4Page(
				{
					data: [{ id: 1 }],
					links: { next: 'https://elsewhere.example/v4/directory/1/users?cursor=x' },
				},
				{ ...read, records: 1, firstPageSize: 1 },
			),
		).toBe('/v4/directory/1/users?cursor=x');
	});

	test('a paged answer without a next page ends the list, whatever its length', () => {
		const ten = Array.from({ length: 10 }, (_, id) => ({ id }));
		expect(
			nextV4Page({ data: ten, links: { next: null } }, { ...read, records: 10, firstPageSize: 10 }),
		).toBeUndefined();
		expect(
			nextV4Page(
				{ data: ten, meta: { current_page: 2, last_page: 2 } },
				{ ...read, page: 2, records: 10, firstPageSize: 10 },
			),
		).toBeUndefined();
		expect(nextV4Page(ten.slice(0, 7), { ...read, records: 7, firstPageSize: 7 })).toBeUndefined();
	});
});
