// @ts-check
'use strict';
/**
 * Big batches against a throttling Coupontools: a Send Email batch of N items, every side on the same
 * sandbox settings in the same n8n, one after the other:
 *
 *   ours          the Coupontools node on its defaults
 *   oursNoRetryAfter  the same against a sandbox that answers 429 without Retry-After (the node backs off)
 *   http          n8n's HTTP Request node on its defaults
 *   httpBatching  the HTTP Request node with Request Options → Batching 50 items per 1,000 ms (the limit, known)
 *   httpRetry     the HTTP Request node with Retry On Fail (3 tries, 1,000 ms): n8n reruns the whole node
 *
 * The first three have Continue On Fail (Settings → On Error: Continue), as a user running a batch would set
 * it, so refused items become output items and the run finishes. The Retry On Fail side keeps On Error: Stop:
 * with Continue On Fail n8n retries only when the first item failed (n8n-core's workflow-execute.js), so it
 * would mostly not retry at all; stopped, one refused item makes n8n send every item again. The sandbox throttles with a token bucket
 * (`rate` requests per second, burst = rate, 429 with `Retry-After` in seconds beyond it) and answers every
 * accepted request after `latency` ms (test/sandbox/README.md, "Rate limit and latency"). Per side: sent
 * (distinct addresses the sandbox accepted), errored (output items with an error), duplicate sends (accepted
 * sends to an address that had one), repeats before Retry-After, node time and node time ÷ (items ÷ rate),
 * most requests in flight at the sandbox. Then the unthrottled case (same latency, no limit): our node vs the
 * HTTP Request node on their defaults.
 *
 * The workflows are copies of the Send Email bench workflows (bench/workflows.js) with the settings above,
 * created through n8n's public API when the suite starts and deleted when it ends.
 */

const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { allWorkflows } = require('../workflows');
const { nodeRun, executionWallMs } = require('../lib/n8n');
const { postJson, getJson } = require('../lib/http');
const { sleep } = require('../lib/stats');
const { profileDuring } = require('../lib/cpu-profile');

const SIDES = /** @type {const} */ ({
	ours: { base: 'sendOurs', label: 'Coupontools node (defaults)' },
	oursNoRetryAfter: {
		base: 'sendOurs',
		label: 'Coupontools node (defaults), 429 without Retry-After',
		retryAfter: 'none',
	},
	http: { base: 'sendHttp', label: 'HTTP Request node (defaults)' },
	httpBatching: { base: 'sendHttp', label: 'HTTP Request node, Batching 50 / 1,000 ms' },
	httpRetry: { base: 'sendHttp', label: 'HTTP Request node, Retry On Fail (3 tries, 1 s)' },
});
/** @typedef {keyof typeof SIDES} Side */
/** @param {Side} side @returns {'seconds' | 'none'} */
const retryAfterOf = (side) => ('retryAfter' in SIDES[side] ? 'none' : 'seconds');
const UNTHROTTLED_SIDES = /** @type {Side[]} */ (['ours', 'http']);

/**
 * The side's workflow: the Send Email bench workflow with Continue On Fail and the side's setting.
 * @param {string} sandboxUrl @param {Side} side
 */
function workflowOf(sandboxUrl, side) {
	const base = allWorkflows(sandboxUrl)[SIDES[side].base];
	const nodes = JSON.parse(JSON.stringify(base.nodes));
	const hook = nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.webhook');
	hook.parameters.path = `bench-throttled-${side}`;
	hook.webhookId = randomUUID();
	const send = nodes.find((/** @type {any} */ n) => n.name === 'Send');
	if (side !== 'httpRetry') send.onError = 'continueRegularOutput';
	if (side === 'httpBatching')
		send.parameters.options = { batching: { batch: { batchSize: 50, batchInterval: 1000 } } };
	if (side === 'httpRetry')
		Object.assign(send, { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 });
	return {
		name: `Bench: throttled Send Email, ${SIDES[side].label}`,
		nodes,
		connections: base.connections,
		settings: base.settings,
	};
}

/** @param {any} ctx */
async function createWorkflows(ctx) {
	const api = ctx.n8n.stack.api;
	/** @type {Record<string, string>} side → workflow id */
	const ids = {};
	for (const side of /** @type {Side[]} */ (Object.keys(SIDES))) {
		const created = await api('POST', '/api/v1/workflows', workflowOf(ctx.sandbox.url, side));
		await api('POST', `/api/v1/workflows/${created.id}/activate`);
		ids[side] = created.id;
	}
	return {
		ids,
		async remove() {
			for (const id of Object.values(ids))
				await api('DELETE', `/api/v1/workflows/${id}`).catch(() => undefined);
		},
	};
}

/**
 * The newest execution of the workflow once it has ended, failed ones included (the Retry On Fail side stops
 * on an error; n8n marks those `finished: false`, which the suites' lastExecution waits past).
 * @param {any} n8n @param {string} workflowId
 */
async function endedExecution(n8n, workflowId) {
	for (let i = 0; i < 480; i++) {
		const [ex] = await n8n.executions(workflowId, 1);
		if (ex && !['new', 'running', 'waiting'].includes(ex.status)) return ex;
		await sleep(250);
	}
	return undefined;
}

/**
 * @param {any} ctx @param {string} workflowId @param {Side} side @param {number} items
 * @param {{ rate: number, latencyMs: number }} limit rate 0: no limit
 */
async function runSide(ctx, workflowId, side, items, limit) {
	const { sandbox, n8n } = ctx;
	// The sandbox keeps addresses lowercased.
	const tag = `thr-${side.toLowerCase()}-${items}-${limit.rate}-${Date.now()}`;
	await sandbox.reset();
	await postJson(`${sandbox.url}/__sandbox/rate-limit`, {
		...(limit.rate ? { rate: limit.rate, burst: limit.rate, retryAfter: retryAfterOf(side) } : {}),
		latencyMs: limit.latencyMs,
	});
	await n8n.ready();
	// n8n may still be saving or deleting the previous 1,000-item execution; let it finish first.
	await sleep(1500);
	const res = await n8n
		.webhook(`bench-throttled-${side}`, { n: items, run: tag })
		.catch((/** @type {Error} */ e) => ({ status: 0, ms: NaN, text: e.message }));
	const ex = await endedExecution(n8n, workflowId).catch(() => undefined);
	const { json: traffic } = await getJson(`${sandbox.url}/__sandbox/traffic`);
	const { json: state } = await getJson(`${sandbox.url}/__sandbox/state`, { timeoutMs: 120_000 });
	const sent = Object.keys(state.emailsSent).filter((address) => address.includes(tag)).length;
	if (!ex) return { ok: false, reason: `no execution (webhook answered ${res.status})`, sent };
	let send;
	try {
		send = nodeRun(ex, 'Send');
	} catch (error) {
		await n8n.deleteExecution(ex.id);
		return { ok: false, reason: String(error).slice(0, 300), sent, traffic };
	}
	// Until the first call reaches the sandbox, n8n's engine prepares every item in one synchronous loop
	// (it sends nothing meanwhile); after the last call, the node only builds its output.
	let first = Infinity;
	let last = -Infinity;
	for (const request of await sandbox.requests()) {
		const at = new Date(request.at).getTime();
		first = Math.min(first, at);
		last = Math.max(last, at);
	}
	const firstCallMs = Number.isFinite(first) ? first - send.startTime : NaN;
	const lastCallMs = Number.isFinite(last) ? last - send.startTime : NaN;
	const errored = send.items.filter((/** @type {any} */ item) => item.json?.error !== undefined);
	// A stopped node outputs nothing: every item is then an error.
	const nodeError = ex.data?.resultData?.runData?.Send?.[0]?.error;
	const firstError = errored[0]?.json?.error ?? nodeError?.message;
	await n8n.deleteExecution(ex.id);
	return {
		ok: true,
		items,
		status: ex.status,
		outputItems: send.items.length,
		sent,
		errored: nodeError ? items : errored.length,
		nodeFailed: !!nodeError,
		firstError: typeof firstError === 'string' ? firstError : JSON.stringify(firstError),
		duplicateSends: traffic.duplicateSends,
		earlyRepeats: traffic.earlyRepeats,
		requests: traffic.accepted + traffic.refused,
		refused: traffic.refused,
		refusedPerItem: traffic.refused / items,
		maxInFlight: traffic.maxInFlight,
		maxConnections: traffic.maxConnections,
		nodeMs: send.ms,
		firstCallMs,
		lastCallMs,
		executionMs: executionWallMs(ex),
		// Time the batch needs at the rate at the least: every item is one request.
		perRate: limit.rate ? send.ms / ((items / limit.rate) * 1000) : undefined,
	};
}

/**
 * @param {any} ctx  { sandbox, n8n, opts, log }
 */
async function throttledSuite(ctx) {
	const { opts, log } = ctx;
	const limit = { rate: opts.throttleRate, latencyMs: opts.throttleLatency };
	const workflows = await createWorkflows(ctx);
	/** @type {Record<number, Record<string, any>>} */
	const throttled = {};
	/** @type {Record<number, Record<string, any>>} */
	const unthrottled = {};
	/** @type {Record<string, any> | undefined} */
	let profiles;
	try {
		for (const items of opts.unthrottledOnly ? [] : opts.throttledSizes) {
			throttled[items] = {};
			for (const side of /** @type {Side[]} */ (Object.keys(SIDES))) {
				const result = await runSide(ctx, workflows.ids[side], side, items, limit);
				throttled[items][side] = result;
				log(`  throttled ${items} items at ${limit.rate}/s, ${side}: ${describe(result)}`);
			}
		}
		// Seconds apart on a busy machine: the unthrottled pair runs `opts.runs` times, order alternating,
		// and each side reports its median run.
		for (const items of opts.throttledSizes) {
			/** @type {Record<string, any[]>} */
			const runs = {};
			// One run per side first, not counted: the first runs after n8n starts also pay for compiling
			// n8n's code paths (up to 2× slower here), which a long-running n8n has long done.
			for (const side of UNTHROTTLED_SIDES)
				await runSide(ctx, workflows.ids[side], side, items, {
					rate: 0,
					latencyMs: limit.latencyMs,
				});
			for (let i = 0; i < opts.runs; i++) {
				const order = i % 2 ? [...UNTHROTTLED_SIDES].reverse() : UNTHROTTLED_SIDES;
				for (const side of order) {
					const result = await runSide(ctx, workflows.ids[side], side, items, {
						rate: 0,
						latencyMs: limit.latencyMs,
					});
					(runs[side] ??= []).push(result);
					log(`  unthrottled ${items} items, ${side} (run ${i + 1}): ${describe(result)}`);
				}
			}
			unthrottled[items] = {};
			for (const side of UNTHROTTLED_SIDES) unthrottled[items][side] = medianRun(runs[side]);
		}
		if (opts.profile) profiles = await profileUnthrottled(ctx, workflows.ids, limit.latencyMs);
	} finally {
		await workflows.remove();
	}
	return {
		rate: limit.rate,
		latencyMs: limit.latencyMs,
		throttled,
		unthrottled,
		profiles,
		engineTwice: resolvesDescriptionTwice(ctx.runtime),
	};
}

/**
 * Where each side's time goes without a limit: one more run per side at the smallest size, with n8n's main
 * process sampled by V8's profiler (bench/lib/cpu-profile.js puts every sample in a bucket).
 * @param {any} ctx @param {Record<string, string>} ids @param {number} latencyMs
 */
async function profileUnthrottled(ctx, ids, latencyMs) {
	const items = Math.min(...ctx.opts.throttledSizes);
	/** @type {Record<string, any>} */
	const out = { items };
	for (const side of UNTHROTTLED_SIDES) {
		const { result, analysis } = await profileDuring(ctx.n8n.pid, ctx.profileDir, () =>
			runSide(ctx, ids[side], side, items, { rate: 0, latencyMs }),
		);
		out[side] = { ok: result.ok, nodeMs: result.nodeMs, analysis };
		ctx.log(
			`  profiled unthrottled ${items} items, ${side}: ${analysis ? analysis.buckets.map((/** @type {any} */ b) => `${b.name} ${Math.round(b.ms)} ms`).join('; ') : 'no profile written'}`,
		);
	}
	return out;
}

/**
 * Whether this n8n's RoutingNode resolves the node description a second time per item (n8n 2.41 added
 * `resolveBaseUrl`, which walks every property again to find the node's own base URL). Read from the
 * installed engine, not guessed from the version number.
 * @param {any} runtime
 */
function resolvesDescriptionTwice(runtime) {
	const file = path.join(
		runtime.dir,
		'node_modules',
		'n8n-core',
		'dist',
		'execution-engine',
		'routing-node.js',
	);
	try {
		return fs.readFileSync(file, 'utf8').includes('resolveBaseUrl(');
	} catch {
		return false;
	}
}

/** The run with the median node time, with every run's node time (`runsMs`); a failed run wins. @param {any[]} results */
function medianRun(results) {
	const failed = results.find((r) => !r.ok);
	if (failed) return failed;
	const sorted = [...results].sort((a, b) => a.nodeMs - b.nodeMs);
	return { ...sorted[Math.floor((sorted.length - 1) / 2)], runsMs: results.map((r) => r.nodeMs) };
}

/** @param {any} r */
function describe(r) {
	if (!r.ok) return `FAILED: ${r.reason}`;
	return `sent ${r.sent}/${r.items}, errored ${r.errored}${r.nodeFailed ? ' (the node failed)' : ''}, duplicates ${r.duplicateSends}, early repeats ${r.earlyRepeats}, 429s ${r.refused} (${r.refusedPerItem.toFixed(3)} per item), node ${Math.round(r.nodeMs)} ms${r.perRate ? ` (${r.perRate.toFixed(2)}× items÷rate)` : ''}, most in flight ${r.maxInFlight}, most connections ${r.maxConnections}, first call at ${Math.round(r.firstCallMs)} ms`;
}

module.exports = { throttledSuite, SIDES, UNTHROTTLED_SIDES };
