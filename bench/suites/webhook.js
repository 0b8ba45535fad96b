// @ts-check
'use strict';
/**
 * 5. Webhook-to-execution latency: the same genuine Coupontools event payloads POSTed to n8n's own Webhook
 *    node, to the Coupontools Trigger with verification on (one call back to the sandbox per event, by
 *    design) and with it off, all active in the same n8n. Measured: the HTTP round trip, and the time from
 *    sending to the execution start n8n recorded.
 */

const http = require('node:http');
const { call } = require('../lib/http');
const { median, sleep } = require('../lib/stats');
const { triggerPath } = require('../workflows');

const TARGETS = /** @type {const} */ ({
	hook: { workflow: 'hook', label: "n8n's Webhook node" },
	triggerVerify: { workflow: 'triggerVerify', label: 'Coupontools Trigger, verification on' },
	triggerNoVerify: { workflow: 'triggerNoVerify', label: 'Coupontools Trigger, verification off' },
});

/** A receiver for the sandbox's deliveries: recording a genuine event is all it is for. */
async function startCapture() {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => res.end('{}'));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}/capture`,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

/** The event id an execution started with (Webhook node: the body; trigger: its item). @param {any} ex */
function eventIdOf(ex) {
	const runData = ex?.data?.resultData?.runData ?? {};
	for (const runs of Object.values(runData)) {
		const json = /** @type {any} */ (runs)?.[0]?.data?.main?.[0]?.[0]?.json;
		const id = json?.event_id ?? json?.body?.webhook;
		if (id) return String(id);
	}
	return undefined;
}

/** @param {any} ctx  { sandbox, n8n, opts, log } */
async function webhookSuite(ctx) {
	const { sandbox, n8n, opts, log } = ctx;
	const capture = await startCapture();
	const urls = {
		hook: `${n8n.baseUrl}/webhook/bench-hook`,
		triggerVerify: `${n8n.baseUrl}/webhook/${triggerPath(n8n.workflows.triggerVerify)}`,
		triggerNoVerify: `${n8n.baseUrl}/webhook/${triggerPath(n8n.workflows.triggerNoVerify)}`,
	};
	const keys = /** @type {(keyof typeof TARGETS)[]} */ (Object.keys(TARGETS));
	/** @type {Record<string, { rtt: number[], start: number[], failures: string[] }>} */
	const perRun = {};
	/** @type {Record<string, { rtt: number[], start: number[], failures: string[] }>} */
	const all = Object.fromEntries(keys.map((k) => [k, { rtt: [], start: [], failures: [] }]));
	try {
		await sandbox.reset();
		// Warm-up: first calls load code and open database pages.
		for (let i = 0; i < 3; i++) {
			const event = await sandbox.recordEvent(capture.url);
			for (const key of keys) await call('POST', urls[key], event.body);
		}
		await sleep(1000);
		for (const key of keys)
			for (const ex of await n8n.executions(n8n.workflows[key].id, 50))
				await n8n.deleteExecution(ex.id);

		for (let run = 1; run <= opts.runs; run++) {
			const events = [];
			for (let i = 0; i < opts.events; i++) events.push(await sandbox.recordEvent(capture.url));
			/** @type {Record<string, Map<string, { sentAt: number, rtt: number }>>} */
			const sent = Object.fromEntries(keys.map((k) => [k, new Map()]));
			for (const [i, event] of events.entries()) {
				for (const offset of [0, 1, 2]) {
					const key = keys[(i + offset) % keys.length];
					const res = await call('POST', urls[key], event.body);
					if (res.status !== 200)
						all[key].failures.push(`HTTP ${res.status}: ${res.text.slice(0, 120)}`);
					else sent[key].set(event.eventId, { sentAt: res.sentAt, rtt: res.ms });
				}
			}
			await sleep(1500);
			for (const key of keys) {
				const executions = await n8n.executions(n8n.workflows[key].id, opts.events + 10);
				const starts = [];
				for (const ex of executions) {
					const mine = sent[key].get(eventIdOf(ex) ?? '');
					if (mine) starts.push(new Date(ex.startedAt).getTime() - mine.sentAt);
					await n8n.deleteExecution(ex.id);
				}
				const rtts = [...sent[key].values()].map((s) => s.rtt);
				all[key].rtt.push(...rtts);
				all[key].start.push(...starts);
				perRun[`${key}#${run}`] = { rtt: [median(rtts)], start: [median(starts)], failures: [] };
				if (starts.length !== sent[key].size)
					all[key].failures.push(
						`run ${run}: ${starts.length} executions found for ${sent[key].size} accepted events`,
					);
			}
			log(
				`  webhook latency run ${run}: ${keys.map((k) => `${k} rtt ${median(all[k].rtt).toFixed(1)} ms`).join(', ')}`,
			);
		}
	} finally {
		await capture.close();
	}
	/** @type {Record<string, any>} */
	const summary = {};
	for (const key of keys) {
		const runMedians = (/** @type {'rtt' | 'start'} */ metric) =>
			Object.entries(perRun)
				.filter(([k]) => k.startsWith(`${key}#`))
				.map(([, v]) => v[metric][0]);
		summary[key] = {
			label: TARGETS[key].label,
			events: all[key].rtt.length,
			rttMs: median(runMedians('rtt')),
			rttRunsMs: runMedians('rtt'),
			startMs: median(runMedians('start')),
			startRunsMs: runMedians('start'),
			failures: all[key].failures,
		};
	}
	return summary;
}

module.exports = { webhookSuite, TARGETS };
