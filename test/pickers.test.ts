import { searchCampaigns } from '../nodes/Coupontools/listSearch/searchCampaigns';
import { searchDirectories } from '../nodes/Coupontools/listSearch/searchDirectories';
import { searchEmailGroups, searchSmsGroups } from '../nodes/Coupontools/listSearch/searchGroups';
import { searchLoyaltyCards } from '../nodes/Coupontools/listSearch/searchLoyaltyCards';
import { searchSubaccountCampaigns } from '../nodes/Coupontools/listSearch/searchSubaccountCampaigns';
import { searchSubaccounts } from '../nodes/Coupontools/listSearch/searchSubaccounts';
import { searchV4Directories } from '../nodes/Coupontools/listSearch/searchV4Directories';
import { pickerContext } from './harness/loadOptions';
import {
	byId,
	credentialsFor,
	expectApiKeyPair,
	fromList,
	run,
	subaccountCredentials,
	useSandbox,
} from './harness/sandbox';

/**
 * Every From List picker (nodes/Coupontools/listSearch), against the sandbox over HTTP. The By ID checks
 * of the editor stay with their resource's tests (test/operations).
 */

describe('campaign picker (From List)', () => {
	const sandbox = useSandbox();

	test('lists every campaign by name with its ID and public URL, sorted', async () => {
		const { results } = await searchCampaigns.call(pickerContext(credentialsFor(sandbox.current)));
		expect(results.map((r) => r.value)).toEqual([
			'cam_1003',
			'cam_1002',
			'cam_1005',
			'cam_1001',
			'cam_1004',
		]);
		expect(results[1]).toEqual({
			name: 'Free Coffee (cam_1002)',
			value: 'cam_1002',
			url: 'https://digicpn.com/p/k3fp2q',
		});
		expect(sandbox.current.requests[0]).toMatchObject({ method: 'POST', path: '/v3/coupon/list' });
	});

	test('filters by what the user types, in name or ID', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchCampaigns.call(context, 'coffee')).results.map((r) => r.value)).toEqual([
			'cam_1002',
		]);
		expect((await searchCampaigns.call(context, '1004')).results.map((r) => r.value)).toEqual([
			'cam_1004',
		]);
	});

	test('a wrong secret shows the mapped credential error in the picker', async () => {
		await expect(
			searchCampaigns.call(
				pickerContext(credentialsFor(sandbox.current, { clientSecret: 'nope' })),
			),
		).rejects.toThrow('Client ID or secret not correct (Coupontools code 1000)');
	});
});

describe('Email group picker (From List)', () => {
	const NEWSLETTER = 'gro_4501';
	const LEADS = 'gro_4502';

	const sandbox = useSandbox();

	test("lists the email tool's groups, not the SMS tool's", async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchEmailGroups.call(context)).results).toEqual([
			{ name: 'Leads (gro_4502)', value: LEADS },
			{ name: 'Newsletter (email) (gro_4501)', value: NEWSLETTER },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v3/emailtool/grouplist',
		});
		expect((await searchEmailGroups.call(context, 'lead')).results.map((r) => r.value)).toEqual([
			LEADS,
		]);
	});
});

describe('SMS group picker (From List)', () => {
	const NEWSLETTER = 'gro_4001';
	const VIP = 'gro_4002';

	const sandbox = useSandbox();

	test('By ID accepts only gro_ IDs: n8n refuses to run the node otherwise', async () => {
		await expect(
			run(sandbox.current, {
				parameters: { resource: 'smsGroup', operation: 'getContacts', smsGroup: byId('grp_4001') },
			}),
		).rejects.toThrow(/workflow has issues/);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('lists the groups by name with their ID, and filters by what the user types', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchSmsGroups.call(context)).results).toEqual([
			{ name: 'Newsletter (gro_4001)', value: NEWSLETTER },
			{ name: 'VIP (gro_4002)', value: VIP },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v3/smstool/grouplist',
		});
		expect((await searchSmsGroups.call(context, 'vip')).results.map((r) => r.value)).toEqual([VIP]);
	});

	test('without the SMS integration the picker shows the mapped 103', async () => {
		sandbox.current.state.account.smsIntegration = false;
		await expect(
			searchSmsGroups.call(pickerContext(credentialsFor(sandbox.current))),
		).rejects.toThrow(/Coupontools code 103/);
	});
});

describe('loyalty card picker (From List)', () => {
	const COFFEE = '6001';
	const VIP = '6002';
	const OLD = '6003';

	const sandbox = useSandbox();

	test('lists every card by name with its ID, inactive ones marked, sorted and searchable', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		const { results } = await searchLoyaltyCards.call(context);
		expect(results).toEqual([
			{ name: 'Coffee Stamp Card (6001)', value: COFFEE, url: 'https://digicpn.com/p/lcof01' },
			{
				name: 'Summer Card 2024 [inactive] (6003)',
				value: OLD,
				url: 'https://digicpn.com/p/lsum03',
			},
			{ name: 'VIP Points Club (6002)', value: VIP, url: 'https://digicpn.com/p/lvip02' },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({ method: 'POST', path: '/v3/loyalty/list' });
		expect((await searchLoyaltyCards.call(context, 'vip')).results.map((r) => r.value)).toEqual([
			VIP,
		]);
	});
});

describe('Subaccount pickers (From List)', () => {
	const ACME = 'sub_3001';
	const BISTRO = 'sub_3002';

	const sandbox = useSandbox();

	test('By ID accepts only sub_ IDs: n8n refuses to run the node otherwise', async () => {
		await expect(
			run(sandbox.current, {
				parameters: { resource: 'subaccount', operation: 'get', subaccount: byId('3001') },
			}),
		).rejects.toThrow(/workflow has issues/);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('subaccounts by company, name and email, with the ID, sorted', async () => {
		const { results } = await searchSubaccounts.call(
			pickerContext(credentialsFor(sandbox.current)),
		);
		expect(results).toEqual([
			{ name: 'Acme Bakery, Anna Peeters – anna@acme-bakery.example (sub_3001)', value: ACME },
			{ name: 'Bistro Nova, Tom Janssens – tom@bistro-nova.example (sub_3002)', value: BISTRO },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v4/subaccount/list',
		});
	});

	test('filters by what the user types', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchSubaccounts.call(context, 'bistro')).results.map((r) => r.value)).toEqual([
			BISTRO,
		]);
		expect((await searchSubaccounts.call(context, '3001')).results.map((r) => r.value)).toEqual([
			ACME,
		]);
	});

	test('with subaccount keys the picker shows the mapped 102 error', async () => {
		await expect(
			searchSubaccounts.call(pickerContext(subaccountCredentials(sandbox.current, ACME))),
		).rejects.toThrow('Subaccount keys cannot manage subaccounts (Coupontools code 102)');
	});

	test("the campaign picker of Subaccount → Create Login Link lists the chosen subaccount's campaigns", async () => {
		const context = pickerContext(credentialsFor(sandbox.current), { subaccount: fromList(ACME) });
		const { results } = await searchSubaccountCampaigns.call(context);
		expect(results).toEqual([
			{ name: 'Bread Deal (cam_5001)', value: 'cam_5001', url: 'https://digicpn.com/p/acme01' },
			{ name: 'Croissant Club (cam_5002)', value: 'cam_5002', url: 'https://digicpn.com/p/acme02' },
		]);
		expect(sandbox.current.requests[0].body).toEqual({ subaccount: ACME });
		expect(
			(await searchSubaccountCampaigns.call(context, 'croissant')).results.map((r) => r.value),
		).toEqual(['cam_5002']);
	});

	test('the campaign picker is empty until a subaccount is chosen', async () => {
		const { results } = await searchSubaccountCampaigns.call(
			pickerContext(credentialsFor(sandbox.current), { subaccount: fromList('') }),
		);
		expect(results).toEqual([]);
		expect(sandbox.current.requests).toHaveLength(0);
	});
});

describe('directory pickers (From List)', () => {
	const CITY = 'dir_2001';
	const SHOP = 'dir_2002';

	const sandbox = useSandbox();

	test('v3 operations list dir_ IDs from /v3/directory/list', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchDirectories.call(context)).results).toEqual([
			{ name: 'City Deals (dir_2001)', value: CITY, url: 'https://digicpn.com/p/dcity1' },
			{ name: 'Shop Perks (dir_2002)', value: SHOP, url: 'https://digicpn.com/p/dshop2' },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v3/directory/list',
		});
		expect((await searchDirectories.call(context, 'shop')).results.map((r) => r.value)).toEqual([
			SHOP,
		]);
	});

	test('v4 operations list the numeric ids from GET /v4/directory, with the x-api pair', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchV4Directories.call(context)).results).toEqual([
			{ name: 'City Deals (2001)', value: '2001', url: 'https://digicpn.com/p/dcity1' },
			{ name: 'Shop Perks (2002)', value: '2002', url: 'https://digicpn.com/p/dshop2' },
		]);
		expect(sandbox.current.requests[0]).toMatchObject({ method: 'GET', path: '/v4/directory' });
		expectApiKeyPair(sandbox.current);
		expect((await searchV4Directories.call(context, '2002')).results.map((r) => r.value)).toEqual([
			'2002',
		]);
	});

	test('a wrong secret shows the mapped credential error in the picker', async () => {
		await expect(
			searchV4Directories.call(
				pickerContext(credentialsFor(sandbox.current, { clientSecret: 'nope' })),
			),
		).rejects.toThrow('Client ID or secret not correct (Coupontools code 1000)');
	});
});
