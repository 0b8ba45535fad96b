import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from './harness/sandbox';
import { byId, credentialsFor, jsonOf, run, useSandbox } from './harness/sandbox';

const SEND_EMAIL = {
	resource: 'distribution',
	operation: 'sendEmail',
	campaignOrDirectory: byId('cam_1001'),
	checkUnique: true,
};

describe('API error codes surface as clear, mapped errors', () => {
	const sandbox = useSandbox();

	const cases: Array<{
		code: string;
		parameters: INodeParameters;
		prepare?: (s: Sandbox) => void;
		credentials?: Record<string, string>;
		message: RegExp;
		description: RegExp;
	}> = [
		{
			code: '1000 (wrong secret, HTTP 200)',
			parameters: { resource: 'campaign', operation: 'getAll' },
			credentials: { clientSecret: 'not-the-secret' },
			message: /^Client ID or secret not correct \(Coupontools code 1000\)$/,
			description: /Integrations → API/,
		},
		{
			code: '101 (account expired)',
			parameters: { resource: 'campaign', operation: 'getAll' },
			prepare: (s) => void (s.state.account.expired = true),
			message: /account has expired.*101/,
			description: /Renew/,
		},
		{
			code: '104 (no email integration)',
			parameters: { ...SEND_EMAIL, email: 'a@example.com' },
			prepare: (s) => void (s.state.account.emailIntegration = false),
			message: /no email-marketing integration.*104/,
			description: /Integrations → Email marketing/,
		},
		{
			code: '103 (no SMS integration)',
			parameters: {
				resource: 'distribution',
				operation: 'sendSms',
				campaignOrDirectory: byId('cam_1001'),
				phone: '+32470123456',
			},
			prepare: (s) => void (s.state.account.smsIntegration = false),
			message: /SMS services.*103/,
			description: /Integrations → SMS/,
		},
		{
			code: '200 (missing parameter)',
			parameters: {
				resource: 'couponSession',
				operation: 'sendPushToAll',
				campaign: byId('cam_1001'),
				message: '={{ "" }}',
			},
			message: /required field is missing.*200/,
			description: /Missing parameter: message/,
		},
		{
			code: '502 (campaign not found)',
			parameters: { resource: 'campaign', operation: 'get', campaign: byId('cam_9999') },
			message: /Campaign or directory not found.*502/,
			description: /Campaign ID not found/,
		},
		{
			code: '502 (directory not found on send email)',
			parameters: { ...SEND_EMAIL, campaignOrDirectory: byId('dir_9999'), email: 'a@example.com' },
			message: /not found.*502/,
			description: /Directory ID not found/,
		},
		{
			code: '505 (session not found, sibling errors envelope)',
			parameters: {
				resource: 'couponSession',
				operation: 'sendPush',
				campaign: byId('cam_1001'),
				couponsession: 'zzzzzzzzzzzzzzzzzzzzz',
				message: 'hi',
			},
			message: /session or loyalty card not found.*505/,
			description: /not found/i,
		},
		{
			code: '515 (folder not found)',
			parameters: { resource: 'campaign', operation: 'getAll', filters: { folder: '4242' } },
			message: /Folder not found.*515/,
			description: /Folder not found/,
		},
		{
			code: '604 (email provider refused)',
			parameters: { ...SEND_EMAIL, email: 'someone@bounce.example' },
			message: /could not send the email.*604/,
			description: /Email marketing/,
		},
	];

	test.each(cases)('$code', async ({ parameters, prepare, credentials, message, description }) => {
		prepare?.(sandbox.current);
		const result = await run(sandbox.current, {
			parameters,
			credentials: credentials && credentialsFor(sandbox.current, credentials),
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(description);
	});

	test('a failure with HTTP 200 (failureHttpStatus: 200 accounts) is still an error, never a success', async () => {
		const result = await run(sandbox.current, {
			parameters: { resource: 'campaign', operation: 'get', campaign: byId('cam_9999') },
		});
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.message).toMatch(/502/);
	});
});

describe('transport faults surface as clear errors naming what happened', () => {
	const sandbox = useSandbox();
	const GET_MANY = { resource: 'campaign', operation: 'getAll' };

	test.each([
		['429 with Retry-After', '429', /HTTP 429|rate limiting/i],
		['500 JSON', '500', /unavailable \(HTTP 500/],
		['502 HTML page', '502', /unavailable \(HTTP 502\)/],
		['truncated JSON', 'truncated', /cannot read/],
		['connection reset', 'reset', /connection to Coupontools was closed/],
	])('%s', async (_title, kind, message) => {
		sandbox.current.setFaults({ kind: kind as never });
		// A refusal is waited out (Settings → Rate Limits); a short wait keeps the case quick.
		const result = await run(sandbox.current, {
			parameters: { ...GET_MANY, rateLimits: { maxWaitMinutes: 0.02 } },
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toBeTruthy();
	});

	test('an HTML 502 says so in the description', async () => {
		sandbox.current.setFaults({ kind: '502' });
		const result = await run(sandbox.current, { parameters: GET_MANY });
		expect(result.error?.description).toMatch(/HTML page instead of JSON/);
	});

	test('a slow answer past the timeout', async () => {
		sandbox.current.setFaults({ kind: 'slow', delayMs: 1500 });
		const result = await run(sandbox.current, {
			parameters: { ...GET_MANY, requestOptions: { timeout: 300 } },
		});
		expect(result.error?.message).toBe('Coupontools did not answer in time');
		expect(result.error?.description).toMatch(/may still have processed it/);
	});

	test('nothing listening at the Base URL', async () => {
		const result = await run(sandbox.current, {
			// A refused connection is tried again within Max Wait When Throttled; keep the wait short here.
			parameters: { ...GET_MANY, rateLimits: { maxWaitMinutes: 0.02 } },
			credentials: credentialsFor(sandbox.current, { baseUrl: 'http://127.0.0.1:9' }),
		});
		expect(result.error?.message).toBe('Coupontools refused the connection');
	});
});

describe('Continue On Fail: one output item per input item, paired, nothing lost', () => {
	const sandbox = useSandbox();
	const items = [
		{ email: 'one@example.com' },
		{ email: 'not-an-email' },
		{ email: 'three@bounce.example' },
		{ email: 'four@example.com' },
	];
	const parameters = { ...SEND_EMAIL, email: '={{ $json.email }}' };

	test('Continue (regular output): failures become { error } items in place', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items,
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		const json = jsonOf(result.items);
		expect(json[0]).toMatchObject({ sent: true, receiver: 'one@example.com' });
		expect(json[1].error).toMatch(/^Email "not-an-email" is not an email address/);
		expect(json[2].error).toMatch(/604/);
		expect(json[3]).toMatchObject({ sent: true, receiver: 'four@example.com' });
		// The invalid address never reached Coupontools.
		expect(
			sandbox.current.requests.map((r) => (r.body as Record<string, unknown>).email).sort(),
		).toEqual(['four@example.com', 'one@example.com', 'three@bounce.example']);
	});

	test('Continue (using error output): failures go to the error branch, paired to their input', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items,
			onError: 'continueErrorOutput',
		});
		expect(jsonOf(result.items).map((j) => j.receiver)).toEqual([
			'one@example.com',
			'four@example.com',
		]);
		expect(result.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(jsonOf(result.errorItems).map((j) => j.error)).toEqual([
			expect.stringMatching(/not an email address/),
			expect.stringMatching(/604/),
		]);
	});

	test('Stop on error: the run stops and names the item', async () => {
		const result = await run(sandbox.current, { parameters, items });
		expect(result.error?.message).toMatch(/not an email address|604/);
		expect(result.error?.context?.itemIndex).toBeGreaterThanOrEqual(1);
	});

	test('Get Many with several input items: every output item is paired to the input that produced it', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'campaign',
				operation: 'getAll',
				filters: { tags: '={{ $json.tag }}' },
			},
			items: [{ tag: 'coffee' }, { tag: 'newsletter' }],
		});
		expect(result.items.map((item) => [item.json.ID, item.pairedItem])).toEqual([
			['cam_1002', { item: 0 }],
			['cam_1001', { item: 1 }],
			['cam_1004', { item: 1 }],
		]);
	});
});
