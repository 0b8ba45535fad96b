// @ts-check
'use strict';
/**
 * Queue mode (n8n's own distributed engine): Redis, one main (`n8n start`, receives the webhooks) and two
 * workers (`n8n worker`), started by scripts/lib/queue.js. The same two workflows run on the suite's
 * single-process n8n (globalSetup) and on the queue-mode n8n, the same scenario is played against both, and
 * both must give the same results:
 *  - batch: a webhook-started run emailing 200 recipients (Code node → Send Email, Check Unique, Continue On
 *    Fail): every item out exactly once and paired to its input, each address emailed once, a re-run emails
 *    nobody twice;
 *  - trigger: Coupontools Trigger on the main, the sandbox delivering genuine (one by one and 8 at once), forged
 *    and malformed events: one successful execution per genuine event, none for the rest; then redeliveries (the
 *    sandbox's back-to-back duplicate, later retries) are answered as duplicates and start nothing (own test).
 * In queue mode every execution must have run on a worker (their logs name each execution they started), and
 * parallel batches must spread over both workers.
 *
 * Needs redis-server and PostgreSQL (bash scripts/install-queue-services.sh): the queue side runs on a
 * throwaway PostgreSQL cluster (why: scripts/lib/queue.js); QUEUE_DB=sqlite runs it on n8n's sqlite file.
 */

const fs = require('node:fs');
const path = require('node:path');

const { e2eContext, nodeOutput, waitFor, http, sleep } = require('./lib/context');
const { startQueueStack } = require('../../scripts/lib/queue');

const WORKFLOW_FILES = {
	batch: path.join(__dirname, 'queue', 'batch-send-email.workflow.json'),
	trigger: path.join(__dirname, 'queue', 'trigger-events.workflow.json'),
};
const readWorkflow = (/** @type {string} */ file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const BATCH = readWorkflow(WORKFLOW_FILES.batch);
const TRIGGER = readWorkflow(WORKFLOW_FILES.trigger);
const BATCH_PATH = BATCH.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.webhook')
	.parameters.path;
const TRIGGER_PATH = `${TRIGGER.nodes.find((/** @type {any} */ n) => n.type.endsWith('coupontoolsTrigger')).webhookId}/webhook`;
const CAMPAIGN = BATCH.nodes.find((/** @type {any} */ n) => n.name === 'Send Email').parameters
	.campaignOrDirectory.value;

/** 197 new addresses, the first 2 again (Check Unique skips them), 1 the sandbox bounces (604, Continue On Fail). */
const RUN = { prefix: 'queue-e2e', count: 197, duplicates: 2, bounces: 1 };
const ITEMS = RUN.count + RUN.duplicates + RUN.bounces;
const address = (/** @type {number} */ i) =>
	`${RUN.prefix}-${String(i).padStart(4, '0')}@example.com`;
const BOUNCE = `${RUN.prefix}-bounce-0@bounce.example`;

/**
 * What the scenario needs of an n8n + sandbox, single-process or queue mode alike.
 * @typedef {object} Target
 * @property {string} label
 * @property {string} baseUrl
 * @property {{ batch: string, trigger: string }} ids   workflow ids in this n8n
 * @property {(workflowId: string) => Promise<any[]>} executions
 * @property {{ state: () => Promise<any>, requests: () => Promise<any[]>, deliver: (spec: Record<string, unknown>) => Promise<any> }} sandbox
 */

/** @param {string} sandboxUrl */
function sandboxControl(sandboxUrl) {
	const call = async (
		/** @type {string} */ route,
		/** @type {Record<string, unknown>} */ init = {},
	) => {
		const res = await http(`${sandboxUrl}/__sandbox${route}`, init);
		if (res.status >= 300)
			throw new Error(`sandbox ${route}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
		return res.json;
	};
	return {
		state: async () => await call('/state'),
		requests: async () => (await call('/requests')).requests,
		deliver: async (/** @type {Record<string, unknown>} */ spec) =>
			await call('/webhooks/deliver', { method: 'POST', body: spec }),
	};
}

/** @param {string} baseUrl @param {string} apiKey */
function publicApi(baseUrl, apiKey) {
	return async (
		/** @type {string} */ method,
		/** @type {string} */ route,
		/** @type {unknown} */ body,
	) => {
		const res = await http(`${baseUrl}/api/v1${route}`, {
			method,
			body,
			headers: { 'x-n8n-api-key': apiKey },
		});
		if (res.status >= 300)
			throw new Error(`${method} ${route}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
		return res.json;
	};
}

// ---------------------------------------------------------------------------
// the scenario, played the same way against both n8n setups

/**
 * Waits until `workflowId` has `count` finished executions, then a little longer so a late extra one shows too.
 * @param {Target} target @param {string} workflowId @param {number} count
 */
async function settledExecutions(target, workflowId, count) {
	const finished = (/** @type {any} */ e) =>
		e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status);
	/** @type {any[]} */
	let seen = [];
	try {
		await waitFor(
			async () => (seen = await target.executions(workflowId)).filter(finished).length >= count,
			`${count} executions of ${workflowId} on ${target.label}`,
			{
				timeoutMs: 90_000,
				intervalMs: 500,
			},
		);
	} catch (error) {
		// What n8n's API showed last, so a failure says whether executions were missing or not finished.
		const statuses = seen
			.map((e) => `${e.id}:${e.status}${e.finished ? '' : '(unfinished)'}`)
			.join(' ');
		throw new Error(
			`${/** @type {Error} */ (error).message}; the API listed ${seen.length}: ${statuses || 'none'}`,
		);
	}
	await sleep(1500);
	return await target.executions(workflowId);
}

/** @param {Target} target @param {number} knownExecutions */
async function runBatch(target, knownExecutions) {
	const response = await http(`${target.baseUrl}/webhook/${BATCH_PATH}`, {
		method: 'POST',
		body: RUN,
	});
	const all = await settledExecutions(target, target.ids.batch, knownExecutions + 1);
	const execution = all[0];
	return { response, execution, executionCount: all.length };
}

/**
 * One summary per item of the batch, in input order: `[email, outcome]` from the input item the output is paired to.
 * Fails on any output item that is not paired to exactly one input, or paired twice.
 * @param {any} execution
 */
function pairedOutcomes(execution) {
	const inputs = nodeOutput(execution, 'Recipients');
	const runs = execution.data.resultData.runData['Send Email'];
	const items = runs[0].data.main[0];
	/** @type {Array<[string, string] | undefined>} */
	const byInput = inputs.map(() => undefined);
	for (const item of items) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem];
		expect(paired).toHaveLength(1);
		expect(typeof paired[0]?.item).toBe('number');
		const index = paired[0].item;
		expect(byInput[index]).toBeUndefined();
		const input = inputs[index];
		const json = item.json;
		// A result names its recipient: it must be the one of the input it is paired to.
		if (!json.error) expect(String(json.receiver).toLowerCase()).toBe(input.email);
		byInput[index] = [
			input.email,
			json.error ? 'error' : json.skipped ? 'skipped' : json.sent ? 'sent' : 'unexpected',
		];
	}
	expect(byInput.every(Boolean)).toBe(true);
	return /** @type {Array<[string, string]>} */ (byInput);
}

/** @param {Array<[string, string]>} outcomes */
function tally(outcomes) {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const [, outcome] of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
	return counts;
}

/** How often the sandbox emailed each of the run's addresses, and how many send requests each got. @param {Target} target */
async function sandboxView(target) {
	const state = await target.sandbox.state();
	const requests = (await target.sandbox.requests()).filter(
		(r) => r.path === '/v3/send/email' && String(r.body?.email ?? '').startsWith(RUN.prefix),
	);
	/** @type {Record<string, number>} */
	const emailed = {};
	for (const [addr, deliveries] of Object.entries(state.emailsSent ?? {})) {
		if (addr.startsWith(RUN.prefix))
			emailed[addr] = /** @type {any[]} */ (deliveries).filter(
				(d) => d.campaign === CAMPAIGN,
			).length;
	}
	/** @type {Record<string, number>} */
	const requested = {};
	for (const r of requests) requested[r.body.email] = (requested[r.body.email] ?? 0) + 1;
	return { emailed, requested, requestCount: requests.length };
}

/**
 * The trigger in two phases, each ended by waiting for n8n's executions to settle:
 *  1. new events: genuine ones one by one and 8 at once, four forgeries, a malformed body;
 *  2. redeliveries (Coupontools retrying): the sandbox's back-to-back duplicate (a new event sent twice), then
 *     each one-by-one event of phase 1 again, the same bytes.
 * Nothing is asserted here, so that a broken phase 2 still leaves phase 1 to be judged (and compared).
 * @param {Target} target
 */
async function runTriggerScenario(target) {
	const url = `${target.baseUrl}/webhook/${TRIGGER_PATH}`;
	/** @type {Array<{ label: string, report: any }>} */
	const log = [];
	const deliver = async (
		/** @type {string} */ label,
		/** @type {Record<string, unknown>} */ spec,
	) => {
		const report = await target.sandbox.deliver({ url, ...spec });
		log.push({ label, report });
		return report;
	};
	for (let i = 0; i < 6; i++) await deliver(`genuine-${i}`, { mode: 'genuine' });
	await Promise.all(
		Array.from({ length: 8 }, (_, i) => deliver(`concurrent-${i}`, { mode: 'genuine' })),
	);
	for (const forge of ['unknown-id', 'type', 'campaign', 'session'])
		await deliver(`forged-${forge}`, { mode: 'forged', forge });
	await deliver('malformed', { mode: 'malformed' });
	const genuine = log
		.filter((l) => l.label.startsWith('genuine') || l.label.startsWith('concurrent'))
		.map((l) => l.report.event.webhook);
	const executions = await settledExecutions(target, target.ids.trigger, genuine.length);

	const duplicate = await target.sandbox.deliver({ url, mode: 'duplicate' });
	const resent = await redeliver(
		url,
		log.filter((l) => l.label.startsWith('genuine')),
	);
	const afterRedelivery = await settledExecutions(target, target.ids.trigger, genuine.length + 1);
	return { url, log, genuine, executions, duplicate, resent, afterRedelivery };
}

/**
 * Sends already delivered events again, one by one, exactly as first sent (Coupontools retrying).
 * @param {string} url @param {Array<{ label: string, report: any }>} deliveries
 */
async function redeliver(url, deliveries) {
	/** @type {Array<{ label: string, status: number, body: any }>} */
	const answers = [];
	for (const { label, report } of deliveries) {
		const request = report.deliveries[0].request;
		const res = await http(url, {
			method: 'POST',
			rawBody: request.body,
			headers: { 'content-type': request.headers['content-type'] },
		});
		answers.push({ label, status: res.status, body: res.json });
	}
	return answers;
}

/** A body's keys (booleans with their value), so two sandboxes' answers compare without their event IDs. @param {any} body */
const shape = (body) =>
	body && typeof body === 'object'
		? Object.keys(body)
				.sort()
				.map((k) => `${k}${typeof body[k] === 'boolean' ? `=${body[k]}` : ''}`)
				.join(',')
		: typeof body;

/** What a sender sees and how many runs it caused, without what differs between two sandboxes. @param {Awaited<ReturnType<typeof runTriggerScenario>>} run */
function triggerAnswers(run) {
	return {
		deliveries: run.log
			.map(({ label, report }) => ({
				label,
				answers: report.deliveries.map(
					(/** @type {any} */ d) => `${d.status} ${shape(d.responseBody)}`,
				),
			}))
			.sort((a, b) => a.label.localeCompare(b.label)),
		executions: run.executions.length,
		duplicate: run.duplicate.deliveries.map(
			(/** @type {any} */ d) => `${d.status} ${shape(d.responseBody)}`,
		),
		resent: run.resent
			.map(({ label, status, body }) => ({ label, answer: `${status} ${shape(body)}` }))
			.sort((a, b) => a.label.localeCompare(b.label)),
		executionsAfterRedelivery: run.afterRedelivery.length,
	};
}

/**
 * Plays the batch and the trigger scenario on one setup and asserts everything but redelivery (asserted in
 * its own test); returns the raw results and what both setups must have in common.
 * @param {Target} target
 * @param {(trigger: Awaited<ReturnType<typeof runTriggerScenario>>) => void} keepTrigger  gets the trigger run before anything is asserted on it
 */
async function playScenario(target, keepTrigger) {
	const before = (await target.executions(target.ids.batch)).length;

	const first = await runBatch(target, before);
	expect(first.response.status).toBe(200);
	expect(first.response.json).toHaveLength(ITEMS);
	expect(first.execution.status).toBe('success');
	expect(first.executionCount).toBe(before + 1);
	const firstOutcomes = pairedOutcomes(first.execution);
	expect(tally(firstOutcomes)).toEqual({
		sent: RUN.count,
		skipped: RUN.duplicates,
		error: RUN.bounces,
	});
	// Each address got exactly one "sent" among its items (a duplicate's other item is the skip).
	for (let i = 0; i < RUN.count; i++)
		expect(firstOutcomes.filter(([email, o]) => email === address(i) && o === 'sent')).toHaveLength(
			1,
		);
	expect(firstOutcomes.find(([email]) => email === BOUNCE)?.[1]).toBe('error');
	const afterFirst = await sandboxView(target);
	expect(Object.keys(afterFirst.emailed)).toHaveLength(RUN.count);
	expect(Object.values(afterFirst.emailed).every((n) => n === 1)).toBe(true);
	// One request per item, no retried or doubled call: duplicates twice, everything else once.
	expect(afterFirst.requestCount).toBe(ITEMS);
	for (let i = 0; i < RUN.count; i++)
		expect(afterFirst.requested[address(i)]).toBe(i < RUN.duplicates ? 2 : 1);
	expect(afterFirst.requested[BOUNCE]).toBe(1);

	// The same run again (a retried schedule, a replayed webhook): nobody is emailed twice.
	const again = await runBatch(target, before + 1);
	expect(again.response.status).toBe(200);
	expect(again.execution.status).toBe('success');
	const againOutcomes = pairedOutcomes(again.execution);
	expect(tally(againOutcomes)).toEqual({ skipped: RUN.count + RUN.duplicates, error: RUN.bounces });
	const afterAgain = await sandboxView(target);
	expect(afterAgain.emailed).toEqual(afterFirst.emailed);
	expect(afterAgain.requestCount).toBe(2 * ITEMS);

	expect(await target.executions(target.ids.trigger)).toHaveLength(0);
	const trigger = await runTriggerScenario(target);
	keepTrigger(trigger);
	for (const { label, report } of trigger.log) {
		const [answer] = report.deliveries;
		if (label.startsWith('forged'))
			expect([label, answer.status, answer.responseBody.received]).toEqual([label, 401, false]);
		else if (label === 'malformed')
			expect([label, answer.status >= 400 && answer.status < 500]).toEqual([label, true]);
		else
			expect([label, answer.status, answer.responseBody]).toEqual([
				label,
				200,
				{ received: true, eventId: report.event.webhook },
			]);
	}
	// One successful execution per genuine event; forged and malformed deliveries started nothing.
	expect(trigger.executions.map((e) => e.status)).toEqual(trigger.genuine.map(() => 'success'));
	const started = trigger.executions
		.map((e) => nodeOutput(e, 'Coupontools Trigger')[0].event_id)
		.sort();
	expect(started).toEqual([...trigger.genuine].sort());
	for (const e of trigger.executions) expect(nodeOutput(e, 'Handled')[0].verified).toBe(true);

	return {
		executionIds: [
			first.execution.id,
			again.execution.id,
			...trigger.afterRedelivery.map((e) => e.id),
		].map(String),
		common: {
			batch: {
				first: [...firstOutcomes].sort(),
				again: [...againOutcomes].sort(),
				emailed: afterAgain.emailed,
				requested: afterAgain.requested,
			},
			trigger: triggerAnswers(trigger),
		},
	};
}

/**
 * Redelivered events (the sandbox's back-to-back duplicate, later retries of events delivered one by one) are
 * answered as duplicates and start nothing: exactly one execution more than the new events (the duplicate's first).
 * @param {Awaited<ReturnType<typeof runTriggerScenario>>} trigger
 */
function expectRedeliveriesIgnored(trigger) {
	const [first, second] = trigger.duplicate.deliveries;
	const id = trigger.duplicate.event.webhook;
	expect([first.status, first.responseBody]).toEqual([200, { received: true, eventId: id }]);
	expect([second.status, second.responseBody]).toEqual([
		200,
		{ received: true, duplicate: true, eventId: id },
	]);
	for (const { label, status, body } of trigger.resent)
		expect([label, status, body?.duplicate]).toEqual([label, 200, true]);
	const started = trigger.afterRedelivery
		.map((e) => nodeOutput(e, 'Coupontools Trigger')[0].event_id)
		.sort();
	expect(started).toEqual([...trigger.genuine, id].sort());
}

// ---------------------------------------------------------------------------

describe('queue mode: main + 2 workers give the same results as single-process n8n', () => {
	const ctx = e2eContext();
	const db = process.env.QUEUE_DB === 'sqlite' ? 'sqlite' : 'postgres';
	/** @type {Awaited<ReturnType<typeof startQueueStack>> | undefined} */
	let queue;
	/** @type {Awaited<ReturnType<typeof playScenario>> | undefined} */
	let single;
	/** @type {Awaited<ReturnType<typeof playScenario>> | undefined} */
	let queued;
	/** The trigger runs by setup label, kept even when an assertion of the scenario failed. @type {Record<string, Awaited<ReturnType<typeof runTriggerScenario>>>} */
	const triggers = {};
	const SINGLE = 'single-process';
	const QUEUE = `queue mode (${db})`;
	/** @type {string[]} */
	const singleIds = [];
	const singleApi = publicApi(ctx.baseUrl, ctx.owner.apiKey);
	const started = Date.now();
	const log = (/** @type {string} */ msg) =>
		process.stderr.write(`[queue e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);

	beforeAll(async () => {
		// The first call may meet a keep-alive connection from globalSetup that n8n is just closing (undici then
		// fails with "other side closed" and does not retry a POST): a GET clears it first.
		await waitFor(
			async () =>
				(await http(`${ctx.baseUrl}/healthz`).catch(() => ({ status: 0 }))).status === 200,
			'the single-process n8n',
			{ timeoutMs: 10_000 },
		);
		// Same workflows on the suite's single-process n8n, created over the public API (ids are assigned there).
		for (const wf of [BATCH, TRIGGER]) {
			const created = await singleApi('POST', '/workflows', {
				name: wf.name,
				nodes: wf.nodes,
				connections: wf.connections,
				settings: wf.settings,
			});
			singleIds.push(created.id);
			await singleApi('POST', `/workflows/${created.id}/activate`);
		}
		queue = await startQueueStack({
			version: ctx.line,
			db,
			workers: 2,
			workflows: [WORKFLOW_FILES.batch, WORKFLOW_FILES.trigger],
			activate: [BATCH.id, TRIGGER.id],
			log,
		});
		log(
			`queue-mode n8n ${ctx.line} (${db}) up: main ${queue.baseUrl}, workers ${queue.workers.map((w) => w.healthUrl).join(', ')}, Redis ${queue.redis.port}`,
		);
	}, 600_000);

	afterAll(async () => {
		for (const id of singleIds) {
			try {
				await singleApi('POST', `/workflows/${id}/deactivate`);
				await singleApi('DELETE', `/workflows/${id}`);
			} catch {}
		}
		if (queue) {
			const artifacts = ctx.artifacts;
			try {
				fs.mkdirSync(artifacts, { recursive: true });
				fs.copyFileSync(
					queue.server.logFile,
					path.join(artifacts, `n8n-queue-main-${ctx.line}.log`),
				);
				for (const w of queue.workers)
					fs.copyFileSync(
						w.logFile,
						path.join(artifacts, `n8n-queue-worker${w.id}-${ctx.line}.log`),
					);
			} catch {}
			const folder = queue.userFolder;
			await queue.stop();
			fs.rmSync(folder, { recursive: true, force: true });
			log('queue-mode stack stopped');
		}
	}, 120_000);

	/** @returns {Target} */
	const queueTarget = () => {
		const q = /** @type {NonNullable<typeof queue>} */ (queue);
		return {
			label: QUEUE,
			baseUrl: q.baseUrl,
			ids: { batch: BATCH.id, trigger: TRIGGER.id },
			executions: q.executions,
			sandbox: sandboxControl(q.sandboxUrl),
		};
	};

	test('the main runs in queue mode and both workers are ready (DB and Redis reachable)', async () => {
		const q = /** @type {NonNullable<typeof queue>} */ (queue);
		for (const w of q.workers) {
			const res = await http(`${w.healthUrl}/healthz/readiness`);
			expect([w.id, res.status, res.json]).toEqual([w.id, 200, { status: 'ok' }]);
		}
		const clients = await q.redis.info('clients');
		// The main and each worker hold Bull connections.
		expect(Number(clients.connected_clients)).toBeGreaterThanOrEqual(3);
		expect(q.mainLog()).not.toMatch(/Worker started execution/);
	});

	test('single-process n8n: the scenario (baseline)', async () => {
		single = await playScenario(
			{
				label: SINGLE,
				baseUrl: ctx.baseUrl,
				ids: { batch: singleIds[0], trigger: singleIds[1] },
				executions: ctx.executions,
				sandbox: sandboxControl(ctx.sandboxUrl),
			},
			(run) => (triggers[SINGLE] = run),
		);
	}, 300_000);

	test('queue mode: the scenario, every execution on a worker', async () => {
		const q = /** @type {NonNullable<typeof queue>} */ (queue);
		queued = await playScenario(queueTarget(), (run) => (triggers[QUEUE] = run));
		const byWorker = q.executionsByWorker();
		log(
			`executions per worker: ${Object.entries(byWorker)
				.map(([id, ids]) => `worker ${id}: ${ids.length}`)
				.join(', ')}`,
		);
		for (const id of queued.executionIds) {
			const ranOn = Object.entries(byWorker)
				.filter(([, ids]) => ids.includes(id))
				.map(([worker]) => worker);
			expect([id, ranOn.length]).toEqual([id, 1]);
		}
		expect(q.mainLog()).not.toMatch(/Worker started execution/);
	}, 300_000);

	test('queue mode and single-process mode give the same results', () => {
		expect(single).toBeDefined();
		expect(queued).toBeDefined();
		expect(queued?.common).toEqual(single?.common);
	});

	test.each([['single-process'], ['queue mode']])(
		'%s: redelivered events are answered as duplicates and start nothing',
		(which) => {
			const trigger = triggers[which === 'queue mode' ? QUEUE : SINGLE];
			expect(trigger).toBeDefined();
			expectRedeliveriesIgnored(trigger);
		},
	);

	/**
	 * Events delivered at the same moment each load the workflow's static data, and n8n saves it whole after each
	 * call (the last save wins), so the trigger also remembers started events in the process that received them
	 * (in queue mode the main): a later retry of any of them must still be recognised.
	 */
	test('an event first delivered together with others is answered as a duplicate when it is retried (both setups)', async () => {
		/** @type {Record<string, string[]>} */
		const restarted = {};
		for (const label of [SINGLE, QUEUE]) {
			const trigger = triggers[label];
			expect([label, trigger === undefined]).toEqual([label, false]);
			const concurrent = trigger.log.filter((l) => l.label.startsWith('concurrent'));
			const answers = await redeliver(trigger.url, concurrent);
			restarted[label] = answers
				.filter((a) => a.status !== 200 || a.body?.duplicate !== true)
				.map((a) => a.label);
		}
		expect(restarted).toEqual({ [SINGLE]: [], [QUEUE]: [] });
		// And nothing was started by those retries.
		await sleep(1500);
		for (const [label, target] of /** @type {const} */ ([
			[SINGLE, { executions: ctx.executions, id: singleIds[1] }],
			[
				QUEUE,
				{ executions: /** @type {NonNullable<typeof queue>} */ (queue).executions, id: TRIGGER.id },
			],
		])) {
			const runs = await target.executions(target.id);
			expect([label, runs.length]).toEqual([label, triggers[label].afterRedelivery.length]);
		}
	}, 120_000);

	test('queue mode: parallel batches spread over both workers, nothing lost or doubled', async () => {
		const q = /** @type {NonNullable<typeof queue>} */ (queue);
		const target = queueTarget();
		const before = await target.executions(BATCH.id);
		const runs = Array.from({ length: 6 }, (_, i) => ({
			prefix: `${RUN.prefix}-p${i}`,
			count: 40,
		}));
		const responses = await Promise.all(
			runs.map((body) => http(`${q.baseUrl}/webhook/${BATCH_PATH}`, { method: 'POST', body })),
		);
		for (const res of responses) {
			expect(res.status).toBe(200);
			expect(res.json.map((/** @type {any} */ r) => r.sent)).toEqual(Array(40).fill(true));
		}
		const after = await settledExecutions(target, BATCH.id, before.length + runs.length);
		const fresh = after.filter((e) => !before.some((b) => b.id === e.id));
		expect(fresh.map((e) => e.status)).toEqual(runs.map(() => 'success'));
		const { emailsSent } = await target.sandbox.state();
		for (const { prefix } of runs) {
			for (let i = 0; i < 40; i++)
				expect(emailsSent[`${prefix}-${String(i).padStart(4, '0')}@example.com`]).toHaveLength(1);
		}
		const byWorker = q.executionsByWorker();
		for (const e of fresh)
			expect(Object.values(byWorker).filter((ids) => ids.includes(String(e.id)))).toHaveLength(1);
		log(
			`after parallel batches: ${Object.entries(byWorker)
				.map(([id, ids]) => `worker ${id}: ${ids.length}`)
				.join(', ')}`,
		);
		for (const ids of Object.values(byWorker)) expect(ids.length).toBeGreaterThan(0);
	}, 300_000);
});
