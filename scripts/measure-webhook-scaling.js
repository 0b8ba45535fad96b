#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * What the Coupontools Trigger's "once per event" holds in n8n's queue mode, measured (README, "Queue
 * mode"): Redis, PostgreSQL, one main (`n8n start`, receives webhooks), one worker, and N `n8n webhook`
 * processes (scripts/lib/queue.js plus the webhook processes started here), the sandbox playing
 * Coupontools with a slow verification (1.5 s, when senders retry).
 *
 * Scenarios, each counting the executions n8n recorded per event:
 *  - copies: `copies` copies of one event at once to every receiving process (the main alone, then the
 *    main and each webhook process), and 10 s later one more copy to each;
 *  - later elsewhere: one event to the main, 10 s later a copy to each webhook process;
 *  - distinct events at once: a different event to each process at once, 10 s later each to the next.
 *
 *   node scripts/measure-webhook-scaling.js [--version 2.8.4|2.41.1] [--webhook-processes 2] [--copies 5]
 *
 * Needs the n8n runtime of the line (node scripts/n8n.js install <version>), redis-server and PostgreSQL
 * (bash scripts/install-queue-services.sh) and a built package (npm run build). Prints one JSON line per
 * layout; everything it started is stopped at the end.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimeLib = require('./lib/n8n-runtime');
const { startQueueStack } = require('./lib/queue');
const { recordEvent, deliverWebhook } = require('../test/sandbox/webhook-delivery');

const WORKFLOW_FILE = path.join(
	__dirname,
	'..',
	'test',
	'e2e',
	'queue',
	'trigger-events.workflow.json',
);
const WORKFLOW = JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
const TRIGGER = WORKFLOW.nodes.find((/** @type {any} */ n) =>
	n.type.endsWith('coupontoolsTrigger'),
);
const WEBHOOK_PATH = `webhook/${TRIGGER.webhookId}/webhook`;

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function args() {
	const argv = process.argv.slice(2);
	const value = (/** @type {string} */ name, /** @type {string} */ fallback) => {
		const at = argv.indexOf(name);
		return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
	};
	return {
		version: value('--version', '2.8.4'),
		webhookProcesses: Number(value('--webhook-processes', '2')),
		copies: Number(value('--copies', '5')),
	};
}

/**
 * @param {any} stack
 * @param {string} eventId
 */
async function startsOf(stack, eventId) {
	const executions = await runtimeLib.readExecutions(
		stack.baseUrl,
		stack.owner.apiKey,
		WORKFLOW.id,
	);
	return executions.filter(
		(e) =>
			e.finished &&
			(e.data?.resultData?.runData?.[TRIGGER.name]?.[0]?.data?.main?.[0] ?? []).some(
				(/** @type {any} */ item) => item.json.event_id === eventId,
			),
	).length;
}

/** @param {any} stack */
function slowVerification(stack) {
	stack.sandbox.setFaults({
		kind: 'slow',
		delayMs: 1500,
		pathPattern: '^/v3/webhook/verification$',
	});
}

/** @param {any} stack @param {string} base @param {string} eventId @param {number} [copies] */
async function deliverTo(stack, base, eventId, copies = 1) {
	return await deliverWebhook(stack.sandbox.state, {
		url: `${base}/${WEBHOOK_PATH}`,
		eventId,
		copies,
	});
}

/**
 * Copies of one event at once to every receiver, then (10 s later) one more copy to each.
 * @param {any} stack
 * @param {string[]} receivers base URLs
 * @param {number} copies
 */
async function copiesTogether(stack, receivers, copies) {
	slowVerification(stack);
	const event = recordEvent(stack.sandbox.state);
	const together = await Promise.all(
		receivers.map((base) => deliverTo(stack, base, event.webhook, copies)),
	);
	stack.sandbox.clearFaults();
	await sleep(10_000);
	const startsTogether = await startsOf(stack, event.webhook);
	for (const base of receivers) await deliverTo(stack, base, event.webhook);
	await sleep(10_000);
	return {
		copiesAtOnce: together.flatMap((r) => r.deliveries).length,
		answers: [...new Set(together.flatMap((r) => r.deliveries.map((d) => d.status)))],
		starts: startsTogether,
		startsAfterOneMoreCopyEach: await startsOf(stack, event.webhook),
	};
}

/**
 * One event to the first receiver; 10 s later one copy to each other receiver, one after the other: does
 * a process that never saw the event know it started (the saved static data)?
 * @param {any} stack
 * @param {string[]} receivers
 */
async function laterElsewhere(stack, receivers) {
	const event = recordEvent(stack.sandbox.state);
	await deliverTo(stack, receivers[0], event.webhook);
	await sleep(10_000);
	for (const base of receivers.slice(1)) await deliverTo(stack, base, event.webhook);
	await sleep(10_000);
	return { starts: await startsOf(stack, event.webhook) };
}

/**
 * A different event to each receiver at once (their saves of the static data race); 10 s later each
 * event once more to the next receiver: how many start again?
 * @param {any} stack
 * @param {string[]} receivers
 */
async function distinctTogether(stack, receivers) {
	slowVerification(stack);
	const events = receivers.map(() => recordEvent(stack.sandbox.state));
	await Promise.all(receivers.map((base, i) => deliverTo(stack, base, events[i].webhook)));
	stack.sandbox.clearFaults();
	await sleep(10_000);
	for (const [i, event] of events.entries())
		await deliverTo(stack, receivers[(i + 1) % receivers.length], event.webhook);
	await sleep(10_000);
	const starts = await Promise.all(events.map((event) => startsOf(stack, event.webhook)));
	return { events: events.length, startsPerEvent: starts };
}

async function main() {
	const { version, webhookProcesses, copies } = args();
	const log = (/** @type {string} */ line) =>
		process.stderr.write(`[measure ${version}] ${line}\n`);
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-scaling-'));
	const stack = await startQueueStack({
		version,
		workers: 1,
		workflows: [WORKFLOW_FILE],
		activate: [WORKFLOW.id],
		log,
	});
	/** @type {Array<{ stop: () => Promise<void> }>} */
	const webhooks = [];
	try {
		const mainOnly = await copiesTogether(stack, [stack.baseUrl], copies);
		console.log(JSON.stringify({ version, layout: 'one main', scenario: 'copies', ...mainOnly }));

		log(`Starting ${webhookProcesses} n8n webhook process(es)…`);
		const receivers = [stack.baseUrl];
		for (let i = 1; i <= webhookProcesses; i++) {
			const port = await runtimeLib.freePort();
			const brokerPort = await runtimeLib.freePort();
			const env = {
				...stack.env,
				N8N_PORT: String(port),
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			};
			webhooks.push(
				await runtimeLib.startServer(stack.runtime, env, {
					command: 'webhook',
					readyText: 'Webhook listener waiting for requests',
					logFile: path.join(scratch, `n8n-webhook-${i}.log`),
				}),
			);
			receivers.push(`http://127.0.0.1:${port}`);
		}
		const layout = `main + ${webhookProcesses} n8n webhook processes`;
		const print = (/** @type {string} */ scenario, /** @type {object} */ result) =>
			console.log(JSON.stringify({ version, layout, scenario, ...result }));
		print('copies', await copiesTogether(stack, receivers, copies));
		print('later elsewhere', await laterElsewhere(stack, receivers));
		print('distinct events at once', await distinctTogether(stack, receivers));
	} finally {
		for (const webhook of webhooks) await webhook.stop();
		await stack.stop();
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
