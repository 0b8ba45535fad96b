import type { INodeParameters } from 'n8n-workflow';

import { parameterIssues } from '../harness/parameterIssues';
import {
	byId,
	describeOperations,
	expectApiKeyPair,
	fromList,
	operationOf,
	run,
	useSandbox,
} from '../harness/sandbox';

// Directory → Get User (https://docs.coupontools.com/api/v4/directory) against the seeded registered users
// (test/sandbox/seed-data.js): dir_2001 is 2001 in the REST paths; Jane 8001 (paid), Ann 8003 (blocked);
// 8004 belongs to dir_2002.
const directory = operationOf('directory');

describeOperations('Directory: Get User', [
	{
		title: 'Get User: GET /v4/directory/{id}/users/{userId}, the bare JSON user',
		parameters: directory('getUser', { directoryId: fromList('2001'), userId: '8001' }),
		request: { method: 'GET', path: '/v4/directory/2001/users/8001' },
		output(items, sandbox) {
			expectApiKeyPair(sandbox);
			expect(items).toEqual([
				expect.objectContaining({
					id: 8001,
					directory_id: 2001,
					email: 'jane@example.com',
					blocked: false,
					paid_access: true,
					created_at: '2025-06-01T10:00:00Z',
				}),
			]);
		},
	},
	{
		title: 'Get User with the v3 IDs from Get Registered Users (dir_ and reg_)',
		parameters: directory('getUser', { directoryId: byId('dir_2001'), userId: 'reg_8003' }),
		request: { method: 'GET', path: '/v4/directory/2001/users/8003' },
		output(items) {
			expect(items).toEqual([expect.objectContaining({ id: 8003, blocked: true })]);
		},
	},
]);

describe('Directory: Get User errors', () => {
	const sandbox = useSandbox();

	test('a user of another directory: 300 from Coupontools', async () => {
		const result = await run(sandbox.current, {
			parameters: directory('getUser', { directoryId: byId('2001'), userId: '8004' }),
		});
		expect(result.error?.message).toMatch(/rejected a value \(Coupontools (?:error|code) 300\)/);
		expect(result.error?.description).toMatch(/not a registered user of this directory/);
	});

	test('an empty user is refused before sending', async () => {
		const result = await run(sandbox.current, {
			parameters: directory('getUser', { directoryId: byId('2001'), userId: '={{ "" }}' }),
		});
		expect(result.error?.message).toMatch(/^User ID is empty/);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('the editor accepts a number or dir_ and a number as the directory, and flags a name', () => {
		const issues = (parameters: INodeParameters) => JSON.stringify(parameterIssues(parameters));
		const base = directory('getUser', { userId: '8001' });
		expect(issues({ ...base, directoryId: byId('2001') })).toBe('null');
		expect(issues({ ...base, directoryId: byId('dir_2001') })).toBe('null');
		expect(issues({ ...base, directoryId: byId('City') })).toContain('is a number');
	});
});
