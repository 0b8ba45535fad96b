// @ts-check
'use strict';
/**
 * A big batch against a throttling Coupontools in a real n8n: Webhook → Code (1,000 distinct addresses) →
 * Coupontools Send Email on its defaults, with On Error: Continue as a user running a batch sets it. The
 * sandbox accepts 50 requests per second (token bucket, burst 50; beyond it 429 with `Retry-After: 1`) and
 * answers after 100 ms (test/sandbox/README.md, "Rate limit and latency"). The node's run-wide limiter
 * (nodes/Coupontools/shared/limiter/) must send every item exactly once, none before its Retry-After, end
 * with no error item, and be polite: its first wave bounded, refused at most once beyond the bucket, then
 * paced at the rate it learned, as the sandbox counts it. The workflow is the benchmark's
 * (bench/workflows.js), created through n8n's public API and deleted at the end.
 */

const { randomUUID } = require('node:crypto');

const { e2eContext, nodeOutput, http, waitFor } = require('./lib/context');
const { webhookRegistered } = require('./lib/webhooks');
const { allWorkflows, NAMES } = require('../../bench/workflows');

const ctx = e2eContext();
const ITEMS = 1000;
const RATE = 50;
/** The limiter's start window (nodes/Coupontools/shared/limiter/pace.ts, START_WINDOW). */
const START_WINDOW = 128;
const PATH = 'e2e-throttled-send';

/** @param {string} method @param {string} route @param {unknown} [body] */
async function publicApi(method, route, body) {
	const res = await http(`${ctx.baseUrl}/api/v1${route}`, {
		method,
		body,
		headers: { 'x-n8n-api-key': ctx.owner.apiKey },
	});
	if (res.status >= 300) throw new Error(`${method} ${route}: HTTP ${res.status} ${res.text}`);
	return res.json;
}

/** @param {string} route @param {string} [method] @param {unknown} [body] */
async function sandboxControl(route, method = 'GET', body = undefined) {
	const res = await http(`${ctx.sandboxUrl}/__sandbox${route}`, { method, body });
	if (res.status >= 300) throw new Error(`sandbox ${route}: HTTP ${res.status} ${res.text}`);
	return res.json;
}

describe(`a throttled batch on n8n ${ctx.line}: ${ITEMS} Send Email items at ${RATE} requests/s, node on its defaults`, () => {
	/** @type {string} */
	let workflowId;

	beforeAll(async () => {
		await ctx.sandbox.reset();
		const base = allWorkflows(ctx.sandboxUrl).sendOurs;
		const nodes = JSON.parse(JSON.stringify(base.nodes));
		const hook = nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.webhook');
		hook.parameters.path = PATH;
		hook.webhookId = randomUUID();
		const send = nodes.find((/** @type {any} */ n) => n.name === NAMES.send);
		send.onError = 'continueRegularOutput';
		const created = await publicApi('POST', '/workflows', {
			name: 'E2E: throttled Send Email',
			nodes,
			connections: base.connections,
			settings: base.settings,
		});
		workflowId = created.id;
		await publicApi('POST', `/workflows/${workflowId}/activate`);
		// 2.41 answers the activation before the webhook is registered: a CORS preflight tells when it is
		// (test/e2e/lib/webhooks.js).
		await waitFor(() => webhookRegistered(ctx.baseUrl, PATH), `the webhook ${PATH}`);
	});

	afterAll(async () => {
		if (workflowId) await publicApi('DELETE', `/workflows/${workflowId}`).catch(() => undefined);
		// Back to the sandbox's start settings (no limit, no latency) for the other test files.
		await ctx.sandbox.reset();
	});

	test('every item is sent exactly once, in order, none before its Retry-After, no error item', async () => {
		await sandboxControl('/rate-limit', 'POST', { rate: RATE, burst: RATE, latencyMs: 100 });
		const run = `thr${Date.now()}`;

		const res = await http(`${ctx.baseUrl}/webhook/${PATH}`, {
			method: 'POST',
			body: { n: ITEMS, run },
		});
		expect(res.status).toBe(200);

		const [execution] = await waitFor(async () => {
			const all = (await ctx.executions(workflowId)).filter((e) => e.finished);
			return all.length ? all : undefined;
		}, 'the execution of the throttled batch');
		expect(execution.status).toBe('success');

		const output = nodeOutput(execution, NAMES.send);
		expect(output).toHaveLength(ITEMS);
		expect(output.filter((json) => json.error !== undefined)).toEqual([]);
		const addresses = Array.from({ length: ITEMS }, (_, i) => `bench-${run}-${i}@example.com`);
		// One output item per input item, in the input's order.
		expect(output.map((json) => json.receiver)).toEqual(addresses);
		expect(output.every((json) => json.sent === true)).toBe(true);

		const state = await ctx.sandbox.state();
		expect(addresses.map((address) => state.emailsSent[address]?.length ?? 0)).toEqual(
			addresses.map(() => 1),
		);
		const traffic = await sandboxControl('/traffic');
		expect(traffic.earlyRepeats).toBe(0);
		expect(traffic.duplicateSends).toBe(0);
		// The first wave is the start window: the bucket's 50 accepted, the rest refused once; from then on
		// the node keeps to the rate it learned (at most 0.15 refusals per item in all).
		expect(traffic.refused / ITEMS).toBeLessThanOrEqual(0.15);
		expect(traffic.maxConnections).toBeLessThanOrEqual(START_WINDOW);
		expect(traffic.maxInFlight).toBeLessThanOrEqual(START_WINDOW);
	}, 180_000);
});
