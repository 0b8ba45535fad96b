// @ts-check
'use strict';
/**
 * Example (c) "Redemption feed" and the Coupontools Trigger under `n8n start`, activated: the sandbox plays
 * Coupontools and delivers events to the production URL. Genuine events start exactly one execution each;
 * forged ones (unknown id, claims that Coupontools does not confirm), an unselected event kind and a
 * duplicate delivery start none, also 5 copies arriving at once while verification is slow; a delivery
 * refused while Coupontools could not verify it starts once when sent again. Malformed JSON is refused
 * with a 4xx. Checked against the executions n8n recorded (public API) and the verification calls the
 * sandbox received.
 */

const {
	e2eContext,
	nodeOutput,
	authOf,
	sleep,
	waitFor,
	http,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
} = require('./lib/context');
const { EXAMPLES, readWorkflow } = require('./lib/workflows');

const ctx = e2eContext();
const feed = readWorkflow(EXAMPLES.redemption);
const trigger = feed.nodes.find(
	(/** @type {any} */ n) => n.type === 'n8n-nodes-coupontools.coupontoolsTrigger',
);
/** Production URL: `<webhookId>/<path>` for a node with a webhookId (the trigger's path is "webhook"). */
const url = `${ctx.baseUrl}/webhook/${trigger.webhookId}/webhook`;

/** The event ids of the finished executions n8n recorded for the feed. */
async function startedEventIds() {
	const executions = await ctx.executions(feed.id);
	return executions.filter((e) => e.finished).map((e) => nodeOutput(e, trigger.name)[0].event_id);
}

/**
 * @param {Record<string, unknown>} spec  test/sandbox/webhook-delivery.js DeliverySpec, without url
 */
const deliver = async (spec = {}) => await ctx.sandbox.deliver({ url, ...spec });

/** The sandbox's fault rules (test/sandbox/faults.js); `{}` clears them. @param {Record<string, unknown>} spec */
async function setFaults(spec) {
	const res = await http(`${ctx.sandboxUrl}/__sandbox/faults`, { method: 'POST', body: spec });
	if (res.status !== 200) throw new Error(`sandbox faults: HTTP ${res.status} ${res.text}`);
}

describe(`Coupontools Trigger on n8n ${ctx.line}: example (c) "${feed.name}" activated`, () => {
	/** @type {string[]} */
	const genuine = [];

	beforeAll(async () => {
		await ctx.sandbox.reset();
	});

	test('the workflow is active and nothing has run yet', async () => {
		const workflow = await (
			await fetch(`${ctx.baseUrl}/api/v1/workflows/${feed.id}`, {
				headers: { 'x-n8n-api-key': ctx.owner.apiKey },
			})
		).json();
		expect(workflow.active).toBe(true);
		expect(await ctx.executions(feed.id)).toEqual([]);
	});

	test('a genuine coupon_validated event is acknowledged, verified with Coupontools and enriched with session data', async () => {
		const report = await deliver();
		expect(report.status).toBe(200);
		expect(report.deliveries[0].responseBody).toEqual({
			received: true,
			eventId: report.event.webhook,
		});
		genuine.push(report.event.webhook);

		const [execution] = await waitFor(async () => {
			const all = (await ctx.executions(feed.id)).filter((e) => e.finished);
			return all.length ? all : undefined;
		}, 'the execution of the genuine event');
		expect({ status: execution.status, mode: execution.mode }).toEqual({
			status: 'success',
			mode: 'webhook',
		});

		const [item] = nodeOutput(execution, trigger.name);
		expect(item).toEqual({
			event: 'coupon_validated',
			event_id: report.event.webhook,
			date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
			campaign: report.event.campaign,
			session: report.event.session,
			verified: true,
			session_data: expect.objectContaining({
				session: report.event.session,
				action: 'retrieve_all_session_data',
			}),
		});
		expect(nodeOutput(execution, 'Redemption')).toEqual([
			{
				eventId: report.event.webhook,
				validatedAt: item.date,
				campaign: report.event.campaign,
				session: report.event.session,
				customId: item.session_data.customid,
				amount: item.session_data.data.status.validation_value,
				couponUrl: expect.stringMatching(/^https:\/\/digicpn\.com\/p\/[a-z0-9]{6}\/[a-z0-9]{21}$/),
			},
		]);

		// What the trigger asked Coupontools, with the credential's headers: verify, then read the session.
		const requests = await ctx.sandbox.requests();
		expect(requests.map((r) => ({ path: r.path, body: r.body }))).toEqual([
			{
				path: '/v3/webhook/verification',
				body: { webhook: report.event.webhook, session: report.event.session },
			},
			{ path: '/v3/couponsession/data', body: { couponsession: report.event.session } },
		]);
		for (const request of requests)
			expect(authOf(request)).toEqual({
				clientId: SANDBOX_CLIENT_ID,
				clientSecret: SANDBOX_CLIENT_SECRET,
			});
	});

	test('forged deliveries are refused with 401 and start nothing', async () => {
		const unknown = await deliver({ mode: 'forged', forge: 'unknown-id' });
		expect(unknown.status).toBe(401);
		expect(unknown.deliveries[0].responseBody).toEqual({
			received: false,
			error: 'Coupontools does not know this event',
		});

		// Coupontools confirms a coupon_claimed event; the payload claims coupon_validated (the selected kind).
		const type = await deliver({
			mode: 'forged',
			forge: 'type',
			event: { type: 'coupon_claimed' },
		});
		expect(type.deliveries[0].request.payload.type).toBe('coupon_validated');
		expect(type.status).toBe(401);
		expect(type.deliveries[0].responseBody.error).toMatch(/type does not match/);

		const campaign = await deliver({ mode: 'forged', forge: 'campaign' });
		expect(campaign.status).toBe(401);
		expect(campaign.deliveries[0].responseBody.error).toMatch(/campaign does not match/);
	});

	test('an event kind the trigger does not listen to is acknowledged (200) and starts nothing', async () => {
		const report = await deliver({ event: { type: 'coupon_claimed' } });
		expect(report.status).toBe(200);
		expect(report.deliveries[0].responseBody).toEqual({
			received: true,
			ignored: 'event type not selected in this trigger',
		});
	});

	test('a duplicate delivery of one event is acknowledged twice and starts once', async () => {
		// The trigger remembers started evt_ IDs in its process's memory and in the workflow's static data
		// (n8n 2.41.1 does not save static data changed in webhook(); see nodes/CoupontoolsTrigger/seenEvents.ts).
		const report = await deliver({ mode: 'duplicate' });
		genuine.push(report.event.webhook);
		expect(report.deliveries.map((/** @type {any} */ d) => d.status)).toEqual([200, 200]);
		expect(report.deliveries[1].responseBody).toEqual({
			received: true,
			duplicate: true,
			eventId: report.event.webhook,
		});
	});

	test('5 copies of one event arriving while Coupontools takes 1.5 s to verify it are acknowledged; 1 starts', async () => {
		await setFaults({ kind: 'slow', delayMs: 1500, pathPattern: '^/v3/webhook/verification$' });
		const before = (await ctx.sandbox.requests()).length;
		const report = await deliver({ copies: 5 });
		await setFaults({});
		genuine.push(report.event.webhook);
		expect(report.deliveries.map((/** @type {any} */ d) => d.status)).toEqual([
			200, 200, 200, 200, 200,
		]);
		const duplicates = report.deliveries.filter(
			(/** @type {any} */ d) => d.responseBody.duplicate === true,
		);
		expect(duplicates).toHaveLength(4);
		const verifications = (await ctx.sandbox.requests())
			.slice(before)
			.filter((r) => r.path === '/v3/webhook/verification');
		expect(verifications).toHaveLength(1);
	});

	test('a delivery refused while Coupontools cannot verify it is sent again later (twice at once) and starts once', async () => {
		await setFaults({ kind: '500', pathPattern: '^/v3/webhook/verification$' });
		const refused = await deliver();
		await setFaults({});
		expect(refused.status).toBe(503);
		const retried = await deliver({ eventId: refused.event.webhook, copies: 2 });
		genuine.push(refused.event.webhook);
		expect(retried.deliveries.map((/** @type {any} */ d) => d.status)).toEqual([200, 200]);
		expect(
			retried.deliveries.filter((/** @type {any} */ d) => d.responseBody.duplicate === true),
		).toHaveLength(1);
	});

	test('malformed JSON is refused with a 4xx and starts nothing', async () => {
		const report = await deliver({ mode: 'malformed' });
		expect(report.status).toBeGreaterThanOrEqual(400);
		expect(report.status).toBeLessThan(500);
	});

	test('an empty body and a GET are refused with a 4xx and start nothing', async () => {
		const empty = await http(url, {
			method: 'POST',
			rawBody: '',
			headers: { 'content-type': 'application/json' },
		});
		expect(empty.status).toBeGreaterThanOrEqual(400);
		expect(empty.status).toBeLessThan(500);
		const get = await http(url);
		expect(get.status).toBeGreaterThanOrEqual(400);
		expect(get.status).toBeLessThan(500);
	});

	test('a genuine form-encoded event starts the workflow too', async () => {
		const report = await deliver({ mode: 'form' });
		expect(report.status).toBe(200);
		genuine.push(report.event.webhook);
	});

	test('n8n recorded exactly one successful execution per genuine event, none for the rest', async () => {
		await waitFor(
			async () => (await startedEventIds()).length >= genuine.length,
			`${genuine.length} executions`,
		);
		// Anything a forged or duplicate delivery might have started would have finished by now too.
		await sleep(2000);
		const started = await startedEventIds();
		expect(started).toHaveLength(genuine.length);
		expect([...started].sort()).toEqual([...genuine].sort());
		const executions = await ctx.executions(feed.id);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
	});
});
