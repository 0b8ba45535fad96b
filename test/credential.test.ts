import type { IDataObject } from 'n8n-workflow';

import { CoupontoolsApi } from '../credentials/CoupontoolsApi.credentials';
import { searchCampaigns } from '../nodes/Coupontools/listSearch/searchCampaigns';
import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { testCredential } from './harness/credentialTest';
import { TestCredentialsHelper } from './harness/credentials';
import { pickerContext } from './harness/loadOptions';
import {
	byId,
	credentialsFor,
	jsonOf,
	run,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	useSandbox,
} from './harness/sandbox';

/** Every test of the Coupontools API credential: its description and headers, the Test button, how often it is read. */

describe('credential test (the "Test" button)', () => {
	const sandbox = useSandbox();

	test('correct keys: connection successful, via the cheap campaign list', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.current.requests).toHaveLength(1);
		const [request] = sandbox.current.requests;
		expect({ method: request.method, path: request.path, body: request.body }).toEqual({
			method: 'POST',
			path: '/v3/coupon/list',
			body: { only_active: true },
		});
		expect(request.headers).toMatchObject({
			'x-client-id': SANDBOX_CLIENT_ID,
			'x-client-secret': SANDBOX_CLIENT_SECRET,
		});
	});

	test('wrong secret: error 1000 arrives with HTTP 200 and still fails the test', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current, { clientSecret: 'wrong' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Client ID or secret not correct: copy both again from Integrations → API in the Coupontools dashboard',
		});
	});

	test('a Base URL with a trailing slash works', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current, { baseUrl: `${sandbox.current.url}/` }),
		);
		expect(result.status).toBe('OK');
		expect(sandbox.current.requests[0].path).toBe('/v3/coupon/list');
	});

	test('nothing at the Base URL: the test fails', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current, { baseUrl: 'http://127.0.0.1:9' }),
		);
		expect(result.status).toBe('Error');
	});
});

describe('Coupontools API credential', () => {
	const credential = new CoupontoolsApi();

	test('masks the secret, not the ID, and defaults to the current host', () => {
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.clientSecret.typeOptions?.password).toBe(true);
		expect(byName.clientId.typeOptions?.password).toBeUndefined();
		expect(byName.baseUrl.default).toBe('https://api.coupontools.com');
		// Placeholders show an example value (they vanish as the user types); the descriptions say where
		// the keys are.
		expect(byName.clientId.placeholder).toBe('e.g. 7f3c9a21d4e8b605');
		expect(byName.clientSecret.placeholder).toBe('e.g. 2b8e6f0a9c4d7e13a5f1b9c0d6e2a8f4');
		expect(byName.clientId.description).toMatch(/Integrations → API/);
		expect(byName.clientSecret.description).toMatch(/Integrations → API/);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});

	test('tests itself with the cheap campaign list and recognises the failed envelope', () => {
		expect(credential.test.request).toMatchObject({ url: '/v3/coupon/list', method: 'POST' });
		expect(credential.test.rules).toEqual([
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status.status',
					value: 'failed',
					message:
						'Client ID or secret not correct: copy both again from Integrations → API in the Coupontools dashboard',
				},
			},
		]);
	});

	test.each([
		['/v3/send/email', false],
		['/v4/subaccount/list', false],
		['/v4/directory/12/users', true],
		['/v4/loyalty/loyalty-cards', true],
	])('sends the X-Client pair on %s (and the x-api pair too: %s)', async (url, v4Rest) => {
		const options = await credential.authenticate(
			{ clientId: 'id-1', clientSecret: 'secret-1' },
			{ url, headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toMatchObject({
			Accept: 'application/json',
			'X-Client-Id': 'id-1',
			'X-Client-Secret': 'secret-1',
		});
		expect('x-api-key' in (options.headers ?? {})).toBe(v4Rest);
		if (v4Rest)
			expect(options.headers).toMatchObject({ 'x-api-key': 'id-1', 'x-api-secret': 'secret-1' });
	});
});

/**
 * The credential is read and decrypted once per node run, not once per request (nodes/Coupontools/shared/credential.ts). In n8n
 * every read is a database query plus a decryption; per request, a 10,000-item batch queued 10,000 of them.
 * Counted at n8n's credentials helper, through the real engine and real HTTP to the sandbox, which checks
 * the credential's headers on every call.
 */
const SEND_EMAIL = {
	resource: 'distribution',
	operation: 'sendEmail',
	campaignOrDirectory: byId('cam_1001'),
	email: '={{ $json.email }}',
	checkUnique: false,
};

const recipients = (count: number, tag: string): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({ email: `${tag}${i}@example.com` }));

describe('credential reads', () => {
	const sandbox = useSandbox();
	let reads: jest.SpyInstance;

	beforeEach(() => {
		reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
	});
	afterEach(() => reads.mockRestore());

	test('a 40-item batch reads the credential once for its requests (n8n reads it once more for $credentials)', async () => {
		const result = await run(sandbox.current, {
			parameters: SEND_EMAIL,
			items: recipients(40, 'batch'),
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).filter((item) => item.sent === true)).toHaveLength(40);
		expect(sandbox.current.requests).toHaveLength(40);
		expect(reads.mock.calls.length).toBe(2);
	});

	test('every run reads it afresh: a changed credential takes effect on the next run', async () => {
		await run(sandbox.current, { parameters: SEND_EMAIL, items: recipients(5, 'first') });
		const perRun = reads.mock.calls.length;
		const second = await run(sandbox.current, {
			parameters: SEND_EMAIL,
			items: recipients(5, 'second'),
			credentials: { clientId: 'wrong', clientSecret: 'wrong', baseUrl: sandbox.current.url },
		});

		expect(reads.mock.calls.length).toBe(2 * perRun);
		expect(second.error?.message).toMatch(/Client ID or secret/i);
	});

	test('a paged Return All reads it once for all its pages', async () => {
		sandbox.current.state.seedSessions('cam_1005', 2500);
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'campaign',
				operation: 'getUsageData',
				campaign: byId('cam_1005'),
				returnAll: true,
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2500);
		// The seeded 2,500 fit the first page (5,000); the second, empty, ends the list.
		expect(sandbox.current.requests.map((request) => request.body)).toEqual([
			{ campaign: 'cam_1005', page: 1 },
			{ campaign: 'cam_1005', page: 2 },
		]);
		expect(reads.mock.calls.length).toBe(2);
	});

	test("a picker search (and the trigger's verification, same code) reads it once per call, not once more to send", async () => {
		const { results } = await searchCampaigns.call(pickerContext(credentialsFor(sandbox.current)));

		// Every seeded campaign (their order is the picker's test, pickers.test.ts).
		expect(results.map((result) => result.value).sort()).toEqual(
			[...sandbox.current.state.campaigns.keys()].sort(),
		);
		expect(sandbox.current.requests).toHaveLength(1);
		expect(reads).toHaveBeenCalledTimes(1);
	});
});
