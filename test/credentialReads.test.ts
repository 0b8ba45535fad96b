/**
 * The credential is read and decrypted once per node run, not once per request (shared/request.ts). In n8n
 * every read is a database query plus a decryption; per request, a 10,000-item batch queued 10,000 of them.
 * Counted at n8n's credentials helper, through the real engine and real HTTP to the sandbox, which checks
 * the credential's headers on every call.
 */
import type { IDataObject } from 'n8n-workflow';

import { searchCampaigns } from '../nodes/Coupontools/listSearch/searchCampaigns';
import { TestCredentialsHelper } from './harness/credentials';
import { pickerContext } from './harness/loadOptions';
import { byId, credentialsFor, jsonOf, run, useSandbox } from './harness/sandbox';

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
		expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
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
		expect(sandbox.current.requests.length).toBeGreaterThan(1);
		expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
	});

	test("a picker search (and the trigger's verification, same code) reads it once per call, not once more to send", async () => {
		const { results } = await searchCampaigns.call(pickerContext(credentialsFor(sandbox.current)));

		expect(results.length).toBeGreaterThan(0);
		expect(sandbox.current.requests).toHaveLength(1);
		expect(reads).toHaveBeenCalledTimes(1);
	});
});
