// @ts-check
'use strict';
/**
 * What the polling trigger's restart tests share (pollTriggerQueue.test.js, pollTriggerKill.test.js): one
 * active workflow polling the sandbox every minute, events made in the sandbox, what n8n emitted, when the
 * polls ran (read from the sandbox's request log), the wall clock lined up with them, and a hard kill.
 *
 * The workflow watches claims and validations of one campaign: two sources, read in that order, so a poll
 * is two calls (claims, then validations) and a held validations page stops a poll after its claims page
 * was read. n8n polls at most once a minute, at a second it picks at random on each activation; an event is
 * emitted by the first poll after its minute has ended.
 */

const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIAL } = require('../../../scripts/lib/stack');
const runtimeLib = require('../../../scripts/lib/n8n-runtime');
const { killGroup } = require('../../../scripts/lib/process-groups');
const { applySessionEvents } = require('../../sandbox/timeline');
const { waitFor, sleep } = require('./context');

const TRIGGER = 'Coupontools Polling Trigger';
const CAMPAIGN = 'cam_1001';
const CLAIMS = '/v3/campaign/claims';
const VALIDATIONS = '/v3/campaign/validations';
/** An event waits at most for its minute to end plus one poll (a second picked at random per activation). */
const DELIVERY_TIMEOUT_MS = 170_000;

/** @param {string} id */
function pollWorkflow(id) {
	return {
		id,
		name: `Polling trigger restarts (${id})`,
		nodes: [
			{
				id: 'b16c2a40-0d6e-4f3b-8a55-0000000000a1',
				name: TRIGGER,
				type: 'n8n-nodes-coupontools.coupontoolsPollTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					events: ['coupon_claimed', 'coupon_validated'],
					campaignScope: 'selected',
					campaigns: [CAMPAIGN],
					options: {},
				},
				credentials: { coupontoolsApi: CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** @param {string[]} keys */
function counts(keys) {
	/** @type {Record<string, number>} */
	const byKey = {};
	for (const key of keys) byKey[key] = (byKey[key] ?? 0) + 1;
	return byKey;
}

/**
 * A workflow's finished executions as n8n's public API lists them (what the editor shows), oldest first.
 * @param {() => string} baseUrl  read on each call (a restarted n8n)
 * @param {string} apiKey @param {string} workflowId
 * @returns {() => Promise<Array<{ id: string, data: any }>>}
 */
function executionsFromApi(baseUrl, apiKey, workflowId) {
	return async () =>
		(await runtimeLib.readExecutions(baseUrl(), apiKey, workflowId))
			.filter((execution) => execution.finished || execution.status === 'success')
			.sort((a, b) => Number(a.id) - Number(b.id))
			.map((execution) => ({ id: String(execution.id), data: execution.data }));
}

/**
 * A workflow's finished executions as n8n stored them in PostgreSQL, oldest first. For queue mode: n8n
 * 2.41.1's main sometimes keeps waiting for a job its worker finished within milliseconds (Bull's
 * job.finished() after the job was removed), and its public API leaves out executions the main thinks are
 * running, so a finished execution may not be listed until the main restarts. What ran is in the database.
 * @param {any} db  a connected pg Client
 * @param {string} runtimeDir  the n8n install (its `flatted`, the format n8n stores run data in)
 * @param {string} workflowId
 * @returns {() => Promise<Array<{ id: string, data: any }>>}
 */
function executionsFromDb(db, runtimeDir, workflowId) {
	const flatted = require(path.join(runtimeDir, 'node_modules', 'flatted'));
	return async () => {
		const { rows } = await db.query(
			'SELECT e.id, d.data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = $1 AND e.finished = true ORDER BY e.id',
			[workflowId],
		);
		return rows.map((/** @type {{ id: unknown, data: string }} */ row) => ({
			id: String(row.id),
			data: flatted.parse(row.data),
		}));
	};
}

/**
 * @param {{ sandbox: import('../../sandbox/server').SandboxHandle, executions: () => Promise<Array<{ id: string, data: any }>> }} opts
 *   executions: from executionsFromApi or executionsFromDb
 */
function pollTimeline({ sandbox, executions }) {
	/** `event session` of every item the trigger emitted, over every finished execution. */
	const emittedKeys = async () =>
		(await executions()).flatMap((execution) =>
			(execution.data?.resultData?.runData?.[TRIGGER]?.[0]?.data?.main?.[0] ?? []).map(
				(/** @type {{ json: any }} */ item) => `${item.json.event} ${item.json.session}`,
			),
		);

	/**
	 * Makes an event happen in the sandbox (default: now) and returns the keys it must be emitted as.
	 * @param {'claimed' | 'validated'} event @param {Date} [at]
	 */
	const happen = (event, at) => {
		const spec = { campaign: CAMPAIGN, event, ...(at ? { at: at.toISOString() } : {}) };
		const [session] = applySessionEvents(sandbox.state, spec).sessions;
		// A validation claims as well: both are events.
		return event === 'validated'
			? [`coupon_claimed ${session}`, `coupon_validated ${session}`]
			: [`coupon_claimed ${session}`];
	};

	/** The polls the sandbox saw: each starts with its claims call; when, and whether its calls were all answered. */
	const polls = () => {
		const requests = sandbox.requests.filter((r) => r.path === CLAIMS || r.path === VALIDATIONS);
		/** @type {Array<{ at: Date, seqs: number[], answered: boolean }>} */
		const out = [];
		for (const r of requests) {
			if (r.path === CLAIMS) out.push({ at: new Date(r.at), seqs: [], answered: true });
			const poll = out[out.length - 1];
			if (!poll) continue;
			poll.seqs.push(r.seq);
			if (r.status === undefined) poll.answered = false;
		}
		return out;
	};

	/** Waits until every key has been emitted at least as often as `expected` says, then returns all keys. */
	const waitForCounts = async (/** @type {Record<string, number>} */ expected) =>
		await waitFor(
			async () => {
				const got = counts(await emittedKeys());
				return Object.entries(expected).every(([key, n]) => (got[key] ?? 0) >= n) ? got : undefined;
			},
			`the trigger to emit ${JSON.stringify(expected)}`,
			{ timeoutMs: DELIVERY_TIMEOUT_MS, intervalMs: 2000 },
		);

	/** Waits for the first poll that starts after `since` and has all its calls answered; returns it. */
	const nextPoll = async (/** @type {Date} */ since, timeoutMs = 130_000) =>
		await waitFor(
			async () => polls().find((poll) => poll.at > since && poll.answered),
			`a poll after ${since.toISOString()}`,
			{ timeoutMs, intervalMs: 500 },
		);

	return { executions, emittedKeys, happen, polls, waitForCounts, nextPoll };
}

/**
 * Waits until the wall clock's second is within [from, to] and at least `margin` seconds away (either side)
 * from `pollSecond`, the second this activation polls at: a moment between two polls, late in a minute (so an
 * event made then is in a minute that ends a few seconds later).
 * @param {{ pollSecond?: number, from?: number, to?: number, margin?: number }} [opts]
 */
async function lateInMinuteBetweenPolls({ pollSecond, from = 42, to = 56, margin = 5 } = {}) {
	const fits = (/** @type {number} */ s) => {
		if (s < from || s > to) return false;
		if (pollSecond === undefined) return true;
		const distance = Math.min(Math.abs(s - pollSecond), 60 - Math.abs(s - pollSecond));
		return distance >= margin;
	};
	for (;;) {
		const s = new Date().getUTCSeconds();
		if (fits(s)) return;
		await sleep(250);
	}
}

/**
 * When an n8n process logged a poll (its debug line, one per poll, in local time), oldest first. n8n 1.x and
 * 2.8 log "Polling trigger initiated", 2.41 "Poll trigger initiated". The first line of a run is its
 * activation poll (before "Editor is now accessible" on 2.8, just after it on 2.41).
 * @param {string} file  the process's log (N8N_LOG_LEVEL=debug)
 * @param {number} around  a time within an hour after the log began (to date the times)
 */
function pollTimesIn(file, around = Date.now()) {
	let text = '';
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {}
	const times = [];
	for (const m of text.matchAll(
		/^(\d{2}):(\d{2}):(\d{2})\.(\d{3}).*Poll(?:ing)? trigger initiated for workflow/gm,
	)) {
		const at = new Date(around);
		at.setHours(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]));
		if (at.getTime() > around + 3_600_000) at.setDate(at.getDate() - 1);
		if (at.getTime() < around - 23 * 3_600_000) at.setDate(at.getDate() + 1);
		times.push(at);
	}
	return times;
}

/**
 * The first scheduled poll of an n8n run (the one after its activation poll), as the sandbox saw it: the
 * next poll after it comes a minute later and reads its minute whole.
 * @param {ReturnType<typeof pollTimeline>} timeline @param {string} logFile  the run's log
 */
async function firstScheduledPoll(timeline, logFile) {
	const [, scheduled] = await waitFor(
		async () => {
			const times = pollTimesIn(logFile);
			return times.length >= 2 ? times : undefined;
		},
		`a scheduled poll in ${logFile}`,
		{ timeoutMs: 130_000, intervalMs: 500 },
	);
	return await timeline.nextPoll(new Date(scheduled.getTime() - 1000));
}

/** Waits until the minute that is running now has ended (plus a second). */
async function untilNextMinute() {
	const now = Date.now();
	await sleep(60_000 - (now % 60_000) + 1000);
}

/**
 * `kill -9` of n8n: SIGKILL to the n8n process itself (no shutdown hook runs), then to what is left of its
 * process group (its task runner), as an out-of-memory kill or a container stop would.
 * @param {import('../../../scripts/lib/n8n-runtime').Server} server
 */
async function hardKill(server) {
	process.kill(server.pid, 'SIGKILL');
	const end = await server.exited;
	killGroup(server.pid, 'SIGKILL');
	await server.stop(); // nothing left to stop: only forgets the group
	return end;
}

module.exports = {
	TRIGGER,
	CAMPAIGN,
	VALIDATIONS,
	DELIVERY_TIMEOUT_MS,
	pollWorkflow,
	pollTimeline,
	executionsFromApi,
	executionsFromDb,
	pollTimesIn,
	firstScheduledPoll,
	counts,
	lateInMinuteBetweenPolls,
	untilNextMinute,
	hardKill,
};
