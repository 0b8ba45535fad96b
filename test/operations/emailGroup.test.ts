import { describeFailure, parseCoupontoolsFailure } from '../../nodes/Coupontools/shared/errors';
import {
	byId,
	describeOperations,
	fromList,
	jsonOf,
	run,
	useSandbox,
	postToSandbox,
} from '../harness/sandbox';

// Seeded email groups (test/sandbox/seed-data.js): "Newsletter (email)" holds Jane, "Leads" is empty.
// Only grouplist is documented; the other paths mirror the SMS tool (inferred, see EMAIL_TOOL_PATHS).
const NEWSLETTER = 'gro_4501';
const LEADS = 'gro_4502';

describeOperations('Email Group', [
	{
		title: 'Get Many: the groups, one item each',
		parameters: { resource: 'emailGroup', operation: 'getAll', returnAll: true },
		request: { method: 'POST', path: '/v3/emailtool/grouplist', body: {} },
		output(items) {
			expect(items).toEqual([
				{ ID: NEWSLETTER, name: 'Newsletter (email)' },
				{ ID: LEADS, name: 'Leads' },
			]);
		},
	},
	{
		title: 'Get Many with a Limit',
		parameters: { resource: 'emailGroup', operation: 'getAll', returnAll: false, limit: 1 },
		request: { method: 'POST', path: '/v3/emailtool/grouplist', body: {} },
		output(items) {
			expect(items.map((g) => g.ID)).toEqual([NEWSLETTER]);
		},
	},
	{
		title: 'Get Contacts (inferred path) of a group picked from the list',
		parameters: {
			resource: 'emailGroup',
			operation: 'getContacts',
			emailGroup: fromList(NEWSLETTER),
			returnAll: true,
		},
		request: { method: 'POST', path: '/v3/emailtool/userlist', body: { emailgroup: NEWSLETTER } },
		output(items) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				email: 'jane@example.com',
				first_name: 'Jane',
				created_date_utc: '2025-05-02T09:00:00Z',
			});
		},
	},
	{
		title: 'Create (inferred path): the new group as { ID, name }',
		parameters: { resource: 'emailGroup', operation: 'create', groupName: 'Webinar' },
		request: { method: 'POST', path: '/v3/emailtool/addgroup', body: { group_name: 'Webinar' } },
		output(items) {
			expect(items).toEqual([{ ID: 'gro_4503', name: 'Webinar' }]);
		},
	},
	{
		title: 'Add Contact (inferred path) with every field',
		parameters: {
			resource: 'emailGroup',
			operation: 'addContact',
			emailGroup: byId(LEADS),
			contactEmail: 'ann@example.com',
			emailContactFields: {
				first_name: 'Ann',
				last_name: 'Lee',
				birthday: '1995-07-14',
				customfield3: 'webinar',
			},
		},
		request: {
			method: 'POST',
			path: '/v3/emailtool/addcontact',
			body: {
				emailgroup: LEADS,
				email: 'ann@example.com',
				first_name: 'Ann',
				last_name: 'Lee',
				birthday: '1995-07-14',
				customfield3: 'webinar',
			},
		},
		output(items, sandbox) {
			expect(items[0]).toMatchObject({
				group_id: LEADS,
				action: 'contact_added',
				contact: { email: 'ann@example.com', customfield3: 'webinar' },
			});
			expect(sandbox.state.emailGroups.get(LEADS)?.contacts).toHaveLength(1);
		},
	},
]);

describe('Email Group: state across calls', () => {
	const sandbox = useSandbox();

	test('a created group gets contacts that Get Contacts then lists', async () => {
		const created = await run(sandbox.current, {
			parameters: { resource: 'emailGroup', operation: 'create', groupName: 'Flow' },
		});
		const id = String(created.items[0].json.ID);

		await run(sandbox.current, {
			parameters: {
				resource: 'emailGroup',
				operation: 'addContact',
				emailGroup: byId(id),
				contactEmail: '={{ $json.email }}',
			},
			items: [{ email: 'one@example.com' }, { email: 'two@example.com' }],
		});

		const listed = await run(sandbox.current, {
			parameters: {
				resource: 'emailGroup',
				operation: 'getContacts',
				emailGroup: byId(id),
				returnAll: true,
			},
		});
		expect(jsonOf(listed.items).map((c) => c.email)).toEqual([
			'one@example.com',
			'two@example.com',
		]);
		// The two tools keep separate groups.
		expect(sandbox.current.state.smsGroups.has(id)).toBe(false);
	});
});

describe('Email Group: error codes', () => {
	const sandbox = useSandbox();

	test.each([
		['getAll', {}],
		['getContacts', { emailGroup: byId(NEWSLETTER) }],
		['create', { groupName: 'x' }],
		['addContact', { emailGroup: byId(NEWSLETTER), contactEmail: 'a@example.com' }],
	])('103 on %s when the account lacks the email tool', async (operation, fields) => {
		sandbox.current.state.account.emailIntegration = false;
		const result = await run(sandbox.current, {
			parameters: { resource: 'emailGroup', operation, returnAll: true, ...fields },
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'The account is not connected to the Coupontools SMS services or email tool (Coupontools code 103)',
		);
		expect(result.error?.description).toMatch(
			/not connected with the Coupontools email services.*email tool/,
		);
	});

	test('200: the group name resolved to nothing', async () => {
		const result = await run(sandbox.current, {
			parameters: { resource: 'emailGroup', operation: 'create', groupName: '={{ "" }}' },
		});
		expect(result.error?.message).toBe('A required field is missing (Coupontools code 200)');
		expect(result.error?.description).toMatch(/Missing parameter: group_name/);
	});

	test.each(['getContacts', 'addContact'])('514 on %s: unknown group', async (operation) => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'emailGroup',
				operation,
				emailGroup: byId('gro_9999'),
				contactEmail: 'a@example.com',
			},
		});
		expect(result.error?.message).toBe('Group not found (Coupontools code 514)');
		expect(result.error?.description).toMatch(/Group ID not found/);
	});

	test('Add Contact refuses an invalid email (305) before calling Coupontools', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'emailGroup',
				operation: 'addContact',
				emailGroup: byId(NEWSLETTER),
				contactEmail: 'jane@',
			},
		});
		expect(result.error?.message).toMatch(/^Email "jane@" is not an email address/);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each([
		[
			'/v3/emailtool/addcontact',
			{ emailgroup: NEWSLETTER, email: 'jane@' },
			305,
			'The email address is not valid',
			'Email address not valid',
		],
		[
			'/v3/emailtool/addcontact',
			{ emailgroup: NEWSLETTER, email: 'a@example.com', birthday: '1995-7-4' },
			303,
			'A value has the wrong format',
			'birthday',
		],
		[
			'/v3/emailtool/addcontact',
			{},
			200,
			'A required field is missing',
			'Missing parameter: emailgroup; Missing parameter: email',
		],
	])(
		'what the sandbox answers on %s %j (code %i) maps to a clear message with the API words',
		async (path, body, code, message, words) => {
			const { status, json } = await postToSandbox(sandbox.current, path, body);
			const failure = parseCoupontoolsFailure(status, json);
			expect(failure?.codes[0]).toBe(code);
			const text = describeFailure(failure!);
			expect(text.message).toContain(message);
			expect(text.description).toContain(words);
		},
	);
});
