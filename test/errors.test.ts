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
		expect(result.error?.message).toBe('Campaign or directory not found (Coupontools code 502)');
	});
});

describe('transport faults surface as clear errors naming what happened', () => {
	const sandbox = useSandbox();
	const GET_MANY = { resource: 'campaign', operation: 'getAll' };

	test.each([
		[
			'429 with Retry-After',
			'429',
			'Coupontools kept refusing requests (rate limiting or unavailable) for longer than the node waits (1 s): this item was not sent. Run it again later: with Check Unique or Duplicate Check on, a rerun sends only what was not sent.',
			// How long it was refused is measured on the wall clock: about 1 s, the Retry-After of the first refusal.
			expect.stringMatching(
				/^Coupontools refused for \d+ s, then asked for 1 s more\. It did nothing with these items\. Run them again later, or let the node wait longer \(Settings → Rate Limits → Max Wait When Throttled\); with Check Unique \(Send Email\) or Duplicate Check \(Single Use: Create\) on, a rerun of the whole batch sends only to those not sent yet\.$/,
			),
		],
		[
			'500 JSON',
			'500',
			'Coupontools is unavailable (HTTP 500, Coupontools code 500)',
			'Coupontools answered with a server error. This is usually temporary: enable Retry On Fail in the node settings, or try again later.',
		],
		[
			'502 HTML page',
			'502',
			'Coupontools is unavailable (HTTP 502)',
			'Coupontools answered with an HTML page instead of JSON. This is usually temporary: enable Retry On Fail in the node settings, or try again later.',
		],
		[
			'truncated JSON',
			'truncated',
			'Coupontools sent an answer n8n cannot read (HTTP 200)',
			'Coupontools answered with JSON that was cut off before its end. This is usually a temporary fault on their side: enable Retry On Fail in the node settings, or try again later. If it persists, check the Base URL of the credential.',
		],
		[
			'connection reset',
			'reset',
			'The connection to Coupontools was closed before it answered',
			'Coupontools (or a proxy) dropped the connection mid-request. It may have processed the request: check before resending. Enable Retry On Fail in the node settings to try again automatically.',
		],
	])('%s', async (_title, kind, message, description) => {
		sandbox.current.setFaults({ kind: kind as never });
		// A refusal is waited out (Settings → Rate Limits); a short wait keeps the case quick.
		const result = await run(sandbox.current, {
			parameters: { ...GET_MANY, rateLimits: { maxWaitMinutes: 0.02 } },
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toEqual(description);
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
		expect(json[2].error).toBe('Coupontools could not send the email (Coupontools code 604)');
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
			'Email "not-an-email" is not an email address: it must look like name@example.com.',
			'Coupontools could not send the email (Coupontools code 604)',
		]);
	});

	test('Stop on error: the run stops and names the item', async () => {
		const result = await run(sandbox.current, { parameters, items });
		// RoutingNode settles every item, then throws the first failure in item order (n8n-core routing-node.ts).
		expect(result.error?.message).toBe(
			'Email "not-an-email" is not an email address: it must look like name@example.com.',
		);
		expect(result.error?.description).toBe(
			'Fix the Email field for item 1; nothing was sent to Coupontools.',
		);
		expect(result.error?.context?.itemIndex).toBe(1);
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
