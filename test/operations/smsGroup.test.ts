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

// Seeded SMS groups (test/sandbox/seed-data.js): "Newsletter" holds Jane and Piet, "VIP" is empty.
const NEWSLETTER = 'gro_4001';
const VIP = 'gro_4002';

describeOperations('SMS Group', [
	{
		title: 'Get Many: the groups from the documented `group` array',
		parameters: { resource: 'smsGroup', operation: 'getAll', returnAll: true },
		request: { method: 'POST', path: '/v3/smstool/grouplist', body: {} },
		output(items) {
			expect(items).toEqual([
				{ ID: NEWSLETTER, name: 'Newsletter' },
				{ ID: VIP, name: 'VIP' },
			]);
		},
	},
	{
		title: 'Get Many with a Limit',
		parameters: { resource: 'smsGroup', operation: 'getAll', returnAll: false, limit: 1 },
		request: { method: 'POST', path: '/v3/smstool/grouplist', body: {} },
		output(items) {
			expect(items.map((g) => g.ID)).toEqual([NEWSLETTER]);
		},
	},
	{
		title: 'Get Contacts of a group picked from the list: one item per contact',
		parameters: {
			resource: 'smsGroup',
			operation: 'getContacts',
			smsGroup: fromList(NEWSLETTER),
			returnAll: true,
		},
		request: { method: 'POST', path: '/v3/smstool/userlist', body: { smsgroup: NEWSLETTER } },
		output(items) {
			expect(items.map((c) => c.phone)).toEqual(['+32470123456', '+31612345678']);
			expect(items[0]).toMatchObject({
				first_name: 'Jane',
				birthday: '1990-04-12',
				customfield1: 'gold',
				created_date_utc: '2025-05-02T09:00:00Z',
			});
		},
	},
	{
		title: 'Get Contacts of an empty group: no items, no error',
		parameters: {
			resource: 'smsGroup',
			operation: 'getContacts',
			smsGroup: byId(VIP),
			returnAll: true,
		},
		request: { method: 'POST', path: '/v3/smstool/userlist', body: { smsgroup: VIP } },
		output(items) {
			expect(items).toEqual([]);
		},
	},
	{
		title: 'Create: the new group as { ID, name }',
		parameters: { resource: 'smsGroup', operation: 'create', groupName: 'Summer leads' },
		request: { method: 'POST', path: '/v3/smstool/addgroup', body: { group_name: 'Summer leads' } },
		output(items, sandbox) {
			expect(items).toEqual([{ ID: 'gro_4003', name: 'Summer leads' }]);
			expect(sandbox.state.smsGroups.get('gro_4003')?.contacts).toEqual([]);
		},
	},
	{
		title: 'Add Contact with every field: birthday sent as yyyy-MM-dd',
		parameters: {
			resource: 'smsGroup',
			operation: 'addContact',
			smsGroup: byId(VIP),
			contactPhone: '+32470555666',
			smsContactFields: {
				first_name: 'Ann',
				last_name: 'Lee',
				birthday: '1995-07-14T00:00:00',
				customfield1: 'gold',
				customfield7: 'z',
			},
		},
		request: {
			method: 'POST',
			path: '/v3/smstool/addcontact',
			body: {
				smsgroup: VIP,
				phone: '+32470555666',
				first_name: 'Ann',
				last_name: 'Lee',
				birthday: '1995-07-14',
				customfield1: 'gold',
				customfield7: 'z',
			},
		},
		output(items, sandbox) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				group_id: VIP,
				action: 'contact_added',
				contact: { phone: '+32470555666', birthday: '1995-07-14', customfield7: 'z' },
			});
			expect(sandbox.state.smsGroups.get(VIP)?.contacts).toHaveLength(1);
		},
	},
	{
		title: 'Add Contact of a phone already in the group updates it',
		parameters: {
			resource: 'smsGroup',
			operation: 'addContact',
			smsGroup: byId(NEWSLETTER),
			contactPhone: '+32470123456',
			smsContactFields: { last_name: 'Smith' },
		},
		request: {
			method: 'POST',
			path: '/v3/smstool/addcontact',
			body: { smsgroup: NEWSLETTER, phone: '+32470123456', last_name: 'Smith' },
		},
		output(items, sandbox) {
			expect(items[0]).toMatchObject({
				action: 'contact_updated',
				contact: { phone: '+32470123456', last_name: 'Smith' },
			});
			expect(sandbox.state.smsGroups.get(NEWSLETTER)?.contacts).toHaveLength(2);
		},
	},
]);

describe('SMS Group: state across calls', () => {
	const sandbox = useSandbox();

	test('a created group gets contacts that Get Contacts then lists', async () => {
		const created = await run(sandbox.current, {
			parameters: { resource: 'smsGroup', operation: 'create', groupName: 'Flow' },
		});
		const id = String(created.items[0].json.ID);
		expect(id).toMatch(/^gro_\d+$/);

		const added = await run(sandbox.current, {
			parameters: {
				resource: 'smsGroup',
				operation: 'addContact',
				smsGroup: byId(id),
				contactPhone: '={{ $json.phone }}',
			},
			items: [{ phone: '+32470000001' }, { phone: '+32470000002' }],
		});
		expect(added.error).toBeUndefined();

		const listed = await run(sandbox.current, {
			parameters: {
				resource: 'smsGroup',
				operation: 'getContacts',
				smsGroup: byId(id),
				returnAll: true,
			},
		});
		expect(jsonOf(listed.items).map((c) => c.phone)).toEqual(['+32470000001', '+32470000002']);

		const groups = await run(sandbox.current, {
			parameters: { resource: 'smsGroup', operation: 'getAll', returnAll: true },
		});
		expect(jsonOf(groups.items)).toContainEqual({ ID: id, name: 'Flow' });
	});
});

describe('SMS Group: documented error codes', () => {
	const sandbox = useSandbox();

	test.each([
		['getAll', {}],
		['getContacts', { smsGroup: byId(NEWSLETTER) }],
		['create', { groupName: 'x' }],
		['addContact', { smsGroup: byId(NEWSLETTER), contactPhone: '+32470123456' }],
	])('103 on %s when the account has no SMS integration', async (operation, fields) => {
		sandbox.current.state.account.smsIntegration = false;
		const result = await run(sandbox.current, {
			parameters: { resource: 'smsGroup', operation, returnAll: true, ...fields },
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'The account is not connected to the Coupontools SMS services or email tool (Coupontools code 103)',
		);
		expect(result.error?.description).toMatch(
			/not connected with the Coupontools SMS services.*Integrations → SMS/,
		);
	});

	test('200: the group name resolved to nothing', async () => {
		const result = await run(sandbox.current, {
			parameters: { resource: 'smsGroup', operation: 'create', groupName: '={{ $json.missing }}' },
		});
		expect(result.error?.message).toBe('A required field is missing (Coupontools code 200)');
		expect(result.error?.description).toMatch(/Missing parameter: group_name/);
	});

	test.each(['getContacts', 'addContact'])('514 on %s: unknown group', async (operation) => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'smsGroup',
				operation,
				smsGroup: byId('gro_9999'),
				contactPhone: '+32470123456',
			},
		});
		expect(result.error?.message).toBe('Group not found (Coupontools code 514)');
		expect(result.error?.description).toMatch(/Group ID not found.*gro_/);
	});

	test.each([
		[
			'a phone not in E.164',
			{ contactPhone: '0470 12 34 56' },
			/^Phone "0470 12 34 56" is not in E\.164 format/,
		],
		[
			'an impossible birthday (303)',
			{ contactPhone: '+32470123456', smsContactFields: { birthday: '1990-02-31' } },
			/^Birthday "1990-02-31" is not a date in the format yyyy-MM-dd/,
		],
		[
			'a group ID with bad characters from an expression (301)',
			{ smsGroup: byId('={{ "gro 1" }}'), contactPhone: '+32470123456' },
			/^SMS Group "gro 1" is not a valid ID/,
		],
	])('Add Contact refuses %s before calling Coupontools', async (_title, fields, message) => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'smsGroup',
				operation: 'addContact',
				smsGroup: byId(NEWSLETTER),
				...fields,
			},
		});
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each([
		[
			'/v3/smstool/addcontact',
			{ smsgroup: NEWSLETTER, phone: '+32470123456', birthday: '14-07-1995' },
			303,
			'A value has the wrong format',
			'birthday. Use yyyy-MM-dd',
		],
		[
			'/v3/smstool/addcontact',
			{ smsgroup: NEWSLETTER, phone: '0470123456' },
			301,
			'A value contains characters',
			'E.164',
		],
		[
			'/v3/smstool/userlist',
			{ smsgroup: 'gro 1' },
			301,
			'A value contains characters',
			'Invalid character in parameter: smsgroup',
		],
		['/v3/smstool/userlist', {}, 200, 'A required field is missing', 'Missing parameter: smsgroup'],
	])(
		'what the sandbox answers on %s %j (code %i) maps to a clear message with the API words',
		async (path, body, code, message, words) => {
			const { status, json } = await postToSandbox(sandbox.current, path, body);
			const failure = parseCoupontoolsFailure(status, json);
			expect(failure?.codes).toEqual([code]);
			const text = describeFailure(failure!);
			expect(text.message).toContain(message);
			expect(text.description).toContain(words);
		},
	);
});
