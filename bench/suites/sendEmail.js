// @ts-check
'use strict';
/**
 * 1. Send Email over N items: the Coupontools node vs n8n's HTTP Request node doing the same calls
 *    (with the Coupontools credential, and with the headers typed in), in the same n8n.
 * 2. The floor: a plain keep-alive Node loop doing the same calls (bench/floor.js), all items in flight.
 * Every run uses fresh addresses and Check Unique off, so every item really sends; the sandbox's request
 * count and the node's output prove it.
 */

const path = require('node:path');
const { execFile } = require('node:child_process');
const { nodeRun, executionWallMs } = require('../lib/n8n');
const { median } = require('../lib/stats');

/** @typedef {'ours' | 'httpCred' | 'http'} Side */
const SIDES = /** @type {const} */ ({
	ours: { workflow: 'sendOurs', path: 'bench-send-ours', label: 'Coupontools node' },
	httpCred: {
		workflow: 'sendHttpCred',
		path: 'bench-send-http-cred',
		label: 'HTTP Request node, Coupontools credential',
	},
	http: {
		workflow: 'sendHttp',
		path: 'bench-send-http',
		label: 'HTTP Request node, headers typed in',
	},
});

/** Request headers that say nothing about the call itself. */
const TRANSPORT_HEADERS = new Set([
	'host',
	'content-length',
	'connection',
	'user-agent',
	'accept-encoding',
]);

/**
 * Run each side once with 2 items and compare what the sandbox received: method, path, headers, body.
 * @param {any} ctx
 */
async function verifySameCalls(ctx) {
	const { sandbox, n8n } = ctx;
	/** @type {Record<string, any>} */
	const seen = {};
	for (const side of /** @type {Side[]} */ (Object.keys(SIDES))) {
		await sandbox.reset();
		const res = await n8n.webhook(SIDES[side].path, { n: 2, run: 'same' });
		if (res.status !== 200) throw new Error(`${SIDES[side].label}: webhook answered ${res.status}`);
		// Items are sent concurrently: compare the call of the same item on every side.
		const first = (await sandbox.requests()).find((/** @type {any} */ r) =>
			/-0@example\.com$/.test(String(r.body?.email)),
		);
		if (!first) throw new Error(`${SIDES[side].label}: the sandbox received no call for item 0`);
		const ex = await n8n.lastExecution(n8n.workflows[SIDES[side].workflow].id);
		await n8n.deleteExecution(ex.id);
		seen[side] = {
			method: first.method,
			path: first.path,
			headers: Object.fromEntries(
				Object.entries(first.headers)
					.filter(([k]) => !TRANSPORT_HEADERS.has(k))
					.sort(),
			),
			body: first.body,
			userAgent: first.headers['user-agent'],
		};
	}
	const reference = JSON.stringify({ ...seen.ours, userAgent: undefined });
	const differences = Object.entries(seen)
		.filter(([, call]) => JSON.stringify({ ...call, userAgent: undefined }) !== reference)
		.map(
			([side, call]) =>
				`${SIDES[/** @type {Side} */ (side)].label}: ${JSON.stringify({ ...call, headers: Object.keys(call.headers), body: call.body })}`,
		);
	return {
		same: differences.length === 0,
		call: {
			method: seen.ours.method,
			path: seen.ours.path,
			headers: Object.keys(seen.ours.headers),
			body: seen.ours.body,
		},
		userAgents: Object.fromEntries(
			Object.entries(seen).map(([side, call]) => [side, call.userAgent]),
		),
		differences,
	};
}

/**
 * @param {any} ctx @param {Side} side @param {number} items @param {string} tag
 */
async function runSide(ctx, side, items, tag) {
	const { sandbox, n8n } = ctx;
	const wf = n8n.workflows[SIDES[side].workflow];
	await sandbox.reset();
	await n8n.ready();
	const res = await n8n
		.webhook(SIDES[side].path, { n: items, run: tag })
		.catch((/** @type {Error} */ e) => ({ status: 0, ms: NaN, text: e.message }));
	const ex = await n8n.lastExecution(wf.id).catch(() => undefined);
	const sent = await sandbox.requestCount();
	if (!ex || res.status !== 200 || ex.status !== 'success') {
		const error = ex?.data?.resultData?.error;
		if (ex) await n8n.deleteExecution(ex.id);
		const why = error?.message || res.text?.slice(0, 200) || `HTTP ${res.status}`;
		return {
			ok: false,
			reason: `${why}${error?.description ? ` (${error.description})` : ''}; execution ${ex?.status ?? 'not found'}; the sandbox received ${sent} of ${items}`,
		};
	}
	const send = nodeRun(ex, 'Send');
	const code = nodeRun(ex, 'Make items');
	// Until the first call reaches the sandbox, the engine is preparing items in one synchronous loop.
	const firstCallAt = Math.min(
		...(await sandbox.requests()).map((/** @type {any} */ r) => new Date(r.at).getTime()),
	);
	const prepMs = firstCallAt - send.startTime;
	const confirmed = send.items.filter(
		(/** @type {any} */ item) => item.json.sent === true || item.json.action === 'email_sent',
	).length;
	await n8n.deleteExecution(ex.id);
	if (send.items.length !== items || confirmed !== items || sent !== items) {
		return {
			ok: false,
			reason: `${send.items.length} output items, ${confirmed} confirmed sends, ${sent} requests received, for ${items} items`,
		};
	}
	return {
		ok: true,
		nodeMs: send.ms,
		wallMs: res.ms,
		executionMs: executionWallMs(ex),
		codeMs: code.ms,
		prepMs,
	};
}

/** @param {string} sandboxUrl @param {number} items @param {string} tag @param {number} [concurrency] */
function runFloor(sandboxUrl, items, tag, concurrency) {
	const script = path.join(__dirname, '..', 'floor.js');
	const args = [
		script,
		sandboxUrl,
		String(items),
		tag,
		...(concurrency ? [String(concurrency)] : []),
	];
	return new Promise((resolve) => {
		execFile(process.execPath, args, { timeout: 600_000 }, (error, stdout) => {
			try {
				const out = JSON.parse(String(stdout).trim());
				resolve(
					out.ok === items
						? { ok: true, ms: out.ms }
						: { ok: false, reason: `${out.ok} of ${items} calls confirmed` },
				);
			} catch {
				resolve({ ok: false, reason: error ? error.message : `no result: ${stdout}` });
			}
		});
	});
}

/**
 * @param {any} ctx  { sandbox, n8n, opts, log }
 */
async function sendEmailSuite(ctx) {
	const { opts, log, sandbox, n8n } = ctx;
	const sameCalls = await verifySameCalls(ctx);
	log(
		`  same calls on every side: ${sameCalls.same ? 'yes' : `NO: ${sameCalls.differences.join('; ')}`}`,
	);

	/** @type {Record<number, any>} */
	const bySize = {};
	for (const items of opts.sendSizes) {
		/** @type {Record<string, any[]>} */
		const runs = { ours: [], httpCred: [], http: [], floor: [], floorPool: [] };
		const order = /** @type {const} */ (['ours', 'httpCred', 'http', 'floor']);
		for (let run = 1; run <= opts.runs; run++) {
			// Rotate the order so that drift on a shared machine does not favour one side.
			const rotated = order.map((_, i) => order[(i + run - 1) % order.length]);
			for (const side of rotated) {
				// The credential side awaits a credential read per item; at large sizes it only adds minutes.
				if (side === 'httpCred' && items > opts.credMax) continue;
				const tag = `${side}-${items}-${run}`;
				await sandbox.reset();
				const result =
					side === 'floor'
						? await runFloor(sandbox.url, items, tag)
						: await runSide(ctx, side, items, tag);
				runs[side].push(result);
				log(
					`  send email ${items} items, run ${run}, ${side}: ${result.ok ? `node ${Math.round(result.nodeMs ?? result.ms)} ms` : `FAILED: ${result.reason}`}`,
				);
			}
			await sandbox.reset();
			await n8n.ready();
			runs.floorPool.push(
				await runFloor(sandbox.url, items, `pool-${items}-${run}`, opts.floorPool),
			);
		}
		bySize[items] = summarize(runs);
	}
	return { sameCalls, bySize, floorPool: opts.floorPool };
}

/** @param {Record<string, any[]>} runs */
function summarize(runs) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const [side, results] of Object.entries(runs)) {
		const ok = results.filter((r) => r.ok);
		const key = side.startsWith('floor') ? 'ms' : 'nodeMs';
		out[side] = {
			runs: results.length,
			ok: ok.length,
			failures: results.filter((r) => !r.ok).map((r) => r.reason),
			nodeMs: median(ok.map((r) => r[key])),
			nodeRunsMs: ok.map((r) => r[key]),
			wallMs: median(ok.map((r) => r.wallMs ?? r.ms)),
			codeMs: median(ok.map((r) => r.codeMs ?? NaN)),
			prepMs: median(ok.map((r) => r.prepMs ?? NaN)),
		};
	}
	return out;
}

module.exports = { sendEmailSuite, SIDES };
