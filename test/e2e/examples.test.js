// @ts-check
'use strict';
/**
 * The example workflows of examples/, imported as they ship, against the sandbox:
 * (a) CRM event to coupon email: production webhook, answered with the node's output;
 * (b) Scheduled batch: run through the real CLI (`n8n execute`, which starts at the Manual Trigger),
 *     twice, as the schedule would on two days. The redemption feed (c) is in trigger.test.js.
 */

const {
	e2eContext,
	nodeOutput,
	authOf,
	waitFor,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
} = require('./lib/context');
const { EXAMPLES, readWorkflow } = require('./lib/workflows');

const ctx = e2eContext();
const crm = readWorkflow(EXAMPLES.crm);
const batch = readWorkflow(EXAMPLES.batch);

/** @param {any[]} requests */
const emailSends = (requests) => requests.filter((r) => r.path === '/v3/send/email');

describe(`Example (a) "${crm.name}" on n8n ${ctx.line}`, () => {
	beforeAll(async () => {
		await ctx.sandbox.reset();
	});

	test('a new contact gets the Welcome Gift by email, with names and subject; the answer is the send result', async () => {
		const res = await ctx.webhook('new-contact', {
			email: 'lena@example.com',
			firstName: 'Lena',
			lastName: 'Claes',
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual([
			expect.objectContaining({
				sent: true,
				action: 'email_sent',
				campaign: 'cam_1004',
				receiver: 'lena@example.com',
				subject: 'Welcome Lena, here is your gift',
				single_use_url: expect.stringMatching(/^https:\/\/digicpn\.com\/p\/wlc0me\/[a-z0-9]{21}$/),
			}),
		]);

		const requests = await ctx.sandbox.requests();
		expect(requests.map((r) => ({ method: r.method, path: r.path, body: r.body }))).toEqual([
			{
				method: 'POST',
				path: '/v3/send/email',
				body: {
					campaign: 'cam_1004',
					email: 'lena@example.com',
					check_unique: true,
					firstname: 'Lena',
					lastname: 'Claes',
					subject: 'Welcome Lena, here is your gift',
				},
			},
		]);
		expect(authOf(requests[0])).toEqual({
			clientId: SANDBOX_CLIENT_ID,
			clientSecret: SANDBOX_CLIENT_SECRET,
		});
		const { emailsSent } = await ctx.sandbox.state();
		expect(emailsSent['lena@example.com']).toEqual([
			expect.objectContaining({ campaign: 'cam_1004', session: res.json[0].single_use_code }),
		]);
	});

	test('the same contact again (the CRM fires twice): Check Unique skips it, nothing is sent', async () => {
		const res = await ctx.webhook('new-contact', {
			email: 'lena@example.com',
			firstName: 'Lena',
			lastName: 'Claes',
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual([
			expect.objectContaining({
				sent: false,
				skipped: true,
				action: 'email_already_sent',
				receiver: 'lena@example.com',
			}),
		]);
		expect(res.json[0].single_use_url).toBeUndefined();
		expect((await ctx.sandbox.state()).emailsSent['lena@example.com']).toHaveLength(1);
	});

	test('n8n recorded both runs as successful webhook executions', async () => {
		const executions = await waitFor(async () => {
			const all = await ctx.executions(crm.id);
			return all.length >= 2 && all.every((e) => e.finished) ? all : undefined;
		}, 'two finished CRM executions');
		expect(executions.map((e) => [e.status, e.mode])).toEqual([
			['success', 'webhook'],
			['success', 'webhook'],
		]);
		const outputs = executions.map((e) => nodeOutput(e, 'Send coupon by email')[0]);
		expect(outputs.map((o) => o.action).sort()).toEqual(['email_already_sent', 'email_sent']);
	});
});

describe(`Example (b) "${batch.name}" on n8n ${ctx.line}, run by the n8n CLI`, () => {
	beforeAll(async () => {
		await ctx.sandbox.reset();
	});

	/** @param {{ code: number | null, output: any, stdout: string, stderr: string }} run */
	function summaryOf(run) {
		if (run.code !== 0 || !run.output)
			throw new Error(
				`n8n execute failed (exit ${run.code}):\n${run.stdout.slice(-1500)}\n${run.stderr.slice(-1500)}`,
			);
		expect(run.output.data.resultData.error).toBeUndefined();
		const [summary] = nodeOutput(run.output, 'Summary');
		return summary;
	}

	test('first run: three coupons sent, the repeated address skipped, the bad address failed without stopping the batch', async () => {
		const run = await ctx.execute(batch.id);
		const summary = summaryOf(run);
		expect({ sent: summary.sent, skipped: summary.skipped, failed: summary.failed }).toEqual({
			sent: 3,
			skipped: 1,
			failed: 1,
		});

		const byEmail = (/** @type {string} */ email) =>
			summary.results
				.filter((/** @type {any} */ r) => r.email === email)
				.map((/** @type {any} */ r) => r.outcome);
		expect(byEmail('alice@example.com').sort()).toEqual(['sent', 'skipped']);
		expect(byEmail('bob@example.com')).toEqual(['sent']);
		expect(byEmail('carol@example.com')).toEqual(['sent']);
		expect(summary.results.find((/** @type {any} */ r) => r.outcome === 'failed')).toEqual({
			email: 'dave(at)example.com',
			outcome: 'failed',
			reason: expect.stringContaining('is not an email address'),
		});
		for (const sent of summary.results.filter((/** @type {any} */ r) => r.outcome === 'sent')) {
			expect(sent.couponUrl).toMatch(/^https:\/\/digicpn\.com\/p\/wlc0me\/[a-z0-9]{21}$/);
		}

		// The bad address never reached Coupontools (checked before sending); the others did, once each.
		const sends = emailSends(await ctx.sandbox.requests());
		expect(sends.map((r) => r.body.email).sort()).toEqual([
			'alice@example.com',
			'alice@example.com',
			'bob@example.com',
			'carol@example.com',
		]);
		for (const request of sends) {
			expect(request.body).toMatchObject({ campaign: 'cam_1004', check_unique: true });
			expect(authOf(request)).toEqual({
				clientId: SANDBOX_CLIENT_ID,
				clientSecret: SANDBOX_CLIENT_SECRET,
			});
		}
		const { emailsSent } = await ctx.sandbox.state();
		expect(Object.keys(emailsSent).sort()).toEqual([
			'alice@example.com',
			'bob@example.com',
			'carol@example.com',
		]);
		for (const list of Object.values(emailsSent))
			expect(list).toEqual([expect.objectContaining({ campaign: 'cam_1004' })]);
	});

	test('next scheduled run over the same list: everyone already has the coupon, nothing is sent twice', async () => {
		const before = emailSends(await ctx.sandbox.requests()).length;
		const summary = summaryOf(await ctx.execute(batch.id));
		expect({ sent: summary.sent, skipped: summary.skipped, failed: summary.failed }).toEqual({
			sent: 0,
			skipped: 4,
			failed: 1,
		});
		expect(emailSends(await ctx.sandbox.requests())).toHaveLength(before + 4);
		const { emailsSent } = await ctx.sandbox.state();
		for (const list of Object.values(emailsSent)) expect(list).toHaveLength(1);
	});

	test('n8n recorded both CLI runs as successful executions', async () => {
		const executions = await ctx.executions(batch.id);
		expect(executions.map((e) => [e.status, e.mode])).toEqual([
			['success', 'cli'],
			['success', 'cli'],
		]);
		expect(nodeOutput(executions[0], 'Summary')[0]).toMatchObject({
			sent: 0,
			skipped: 4,
			failed: 1,
		});
	});
});
