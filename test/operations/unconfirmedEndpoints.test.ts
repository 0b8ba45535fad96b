import type { INodeParameters } from 'n8n-workflow';

import { byId, credentialsFor, operationOf, run, useSandbox } from '../harness/sandbox';

// The email tool's calls beyond grouplist are inferred from the SMS tool (README, "Endpoints not confirmed
// by public documentation"). A 404 for them must say that the endpoint itself may be wrong. The sandbox
// answers 404 for every path under an unknown prefix, so a Base URL with a path plays that answer.
describe('a 404 from an inferred endpoint says the endpoint is not confirmed', () => {
	const sandbox = useSandbox();
	const nowhere = () =>
		credentialsFor(sandbox.current, { baseUrl: `${sandbox.current.url}/nowhere` });
	const emailGroup = operationOf('emailGroup');

	test.each([
		['Create', emailGroup('create', { groupName: 'Leads 2027' })],
		['Get Contacts', emailGroup('getContacts', { emailGroup: byId('gro_4501'), returnAll: true })],
		[
			'Add Contact',
			emailGroup('addContact', { emailGroup: byId('gro_4501'), contactEmail: 'new@example.com' }),
		],
	])('Email Group → %s', async (_title, parameters) => {
		const result = await run(sandbox.current, { parameters, credentials: nowhere() });
		expect(result.error?.message).toMatch(
			/^Coupontools does not know this endpoint, which its public documentation does not confirm \(HTTP 404\)/,
		);
		expect(result.error?.description).toMatch(/Endpoints not confirmed by public documentation/);
		expect(sandbox.current.requests[0].path).toMatch(/^\/nowhere\/v3\/emailtool\//);
	});

	// The other calls whose path no public page shows (README, same section); their request bodies are
	// valid, so only the 404 can fail them.
	test.each([
		[
			'Coupon Session → Send Push Notification to All',
			{
				resource: 'couponSession',
				operation: 'sendPushToAll',
				campaign: byId('cam_1001'),
				message: 'Last day!',
			},
			'/nowhere/v3/coupon/pushnotification/all',
		],
		[
			'Single Use → Delete',
			{
				resource: 'singleUse',
				operation: 'delete',
				campaign: byId('cam_1001'),
				couponsession: 'nidglnpgxgnvmlpe0awmu',
			},
			'/nowhere/v3/singleuse/remove',
		],
		[
			'Loyalty Card → Send Push Notification',
			{
				resource: 'loyaltyCard',
				operation: 'sendPush',
				loyaltyCard: byId('6001'),
				user: '7002',
				message: 'One more stamp!',
			},
			'/nowhere/v3/loyalty/pushnotification/single',
		],
		[
			'Loyalty Card → Send Push Notification to All',
			{
				resource: 'loyaltyCard',
				operation: 'sendPushToAll',
				loyaltyCard: byId('6002'),
				message: 'Double points today',
			},
			'/nowhere/v3/loyalty/pushnotification/all',
		],
		[
			'Directory → Get Campaigns',
			{ resource: 'directory', operation: 'getCampaigns', directory: byId('dir_2001') },
			'/nowhere/v3/directory/campaigns',
		],
		[
			'Subaccount → Update',
			{
				resource: 'subaccount',
				operation: 'update',
				subaccount: byId('sub_3002'),
				updateFields: { company_name: 'Bistro Nova BV' },
			},
			'/nowhere/v4/subaccount/update',
		],
	] as Array<[string, INodeParameters, string]>)('%s', async (_title, parameters, path) => {
		const result = await run(sandbox.current, { parameters, credentials: nowhere() });
		expect(result.error?.message).toMatch(
			/^Coupontools does not know this endpoint, which its public documentation does not confirm \(HTTP 404\)/,
		);
		expect(result.error?.description).toMatch(/Endpoints not confirmed by public documentation/);
		expect(sandbox.current.requests[0].path).toBe(path);
	});

	test('the documented Email Group → Get Many keeps the Base URL advice', async () => {
		const result = await run(sandbox.current, {
			parameters: emailGroup('getAll', { returnAll: true }),
			credentials: nowhere(),
		});
		expect(result.error?.message).toMatch(/^Coupontools does not know this endpoint \(/);
		expect(result.error?.description).toMatch(/Base URL/);
	});
});
