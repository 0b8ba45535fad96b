// @ts-check
'use strict';
/**
 * The Coupontools Polling Trigger in queue mode (the line in N8N_LINE): Redis, PostgreSQL, one main
 * (`n8n start`) and two workers (`n8n worker`), started by scripts/lib/queue.js, one workflow polling the
 * sandbox every minute. Events made in the sandbox arrive once each; every execution runs on a worker; only
 * the main polls (n8n wires polling in `start` only); after the main is restarted (SIGTERM, workers kept)
 * nothing is replayed and the events of the downtime arrive once.
 *
 * "Only the main polls" is read two ways: n8n's debug line "Polling trigger initiated" (logged by every poll)
 * is in the main's log and in no worker's, and the sandbox saw no more polls than one poller makes.
 *
 * Timeline (about 4 minutes): stack up; events, delivered by the first poll after their minute ended; the
 * main stopped late in a minute, events made, restarted after that minute ended, so its activation poll
 * delivers them; one more scheduled poll.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimeLib = require('../../scripts/lib/n8n-runtime');
const { startQueueStack } = require('../../scripts/lib/queue');
const { REPO_ROOT } = require('../../scripts/lib/stack');
const {
	pollWorkflow,
	pollTimeline,
	executionsFromDb,
	pollTimesIn,
	counts,
	lateInMinuteBetweenPolls,
	untilNextMinute,
} = require('./lib/pollTimeline');

const line = process.env.N8N_LINE || '2.8.4';
const WORKFLOW_ID = 'ctE2ePollQueue01';

/** @type {Awaited<ReturnType<typeof startQueueStack>>} */
let queue;
/** The main running now (the stack's first, then the restarted one). @type {import('../../scripts/lib/n8n-runtime').Server} */
let main;
/** @type {string} */
let scratch;
/** @type {ReturnType<typeof pollTimeline>} */
let timeline;
/** @type {any} a pg Client (n8n's own copy of node-postgres) on the stack's database */
let db;
const mainLogs = /** @type {string[]} */ ([]);
const started = Date.now();
const log = (/** @type {string} */ msg) =>
	process.stderr.write(
		`[poll queue ${line} ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`,
	);

/** @param {string} file */
const read = (file) => {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
};

/** Every execution of the workflow ran on exactly one worker, and the main ran none. */
async function expectAllOnWorkers() {
	const ids = (await timeline.executions()).map((e) => String(e.id));
	const byWorker = queue.executionsByWorker();
	const ranOn = ids.map((id) => [
		id,
		Object.entries(byWorker)
			.filter(([, workerIds]) => workerIds.includes(id))
			.map(([worker]) => Number(worker)),
	]);
	expect(ranOn.filter(([, workers]) => workers.length !== 1)).toEqual([]);
	for (const file of mainLogs) expect(read(file)).not.toMatch(/Worker started execution/);
	log(
		`executions on workers: ${Object.entries(byWorker)
			.map(([w, list]) => `worker ${w}: ${list.filter((id) => ids.includes(id)).length}`)
			.join(', ')}`,
	);
	return ids.length;
}

/**
 * Only the main polls: no worker logged a poll; the scheduled polls of each main run are a minute apart
 * (the first may follow the activation poll sooner); every poll the sandbox saw began within 10 s after one
 * the main logged.
 */
function expectOnlyTheMainPolls() {
	for (const w of queue.workers) expect([w.id, pollTimesIn(w.logFile).length]).toEqual([w.id, 0]);
	const mainPolls = mainLogs.map((file) => pollTimesIn(file));
	for (const times of mainPolls)
		for (let i = 2; i < times.length; i++)
			expect(times[i].getTime() - times[i - 1].getTime()).toBeGreaterThan(50_000);
	const all = mainPolls.flat();
	const seen = timeline.polls();
	const unmatched = seen.filter(
		(poll) =>
			!all.some(
				(t) => poll.at.getTime() - t.getTime() >= -50 && poll.at.getTime() - t.getTime() < 10_000,
			),
	);
	expect(unmatched.map((p) => p.at.toISOString())).toEqual([]);
	log(
		`polls logged by the main: ${mainPolls.map((t) => t.length).join(' + ')}; seen by the sandbox: ${seen.length}`,
	);
	return all.length;
}

beforeAll(async () => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-poll-queue-'));
	const file = path.join(scratch, 'workflow.json');
	fs.writeFileSync(file, JSON.stringify(pollWorkflow(WORKFLOW_ID)));
	queue = await startQueueStack({
		version: line,
		workers: 2,
		workflows: [file],
		activate: [WORKFLOW_ID],
		// n8n logs each poll at debug level only.
		env: { N8N_LOG_LEVEL: 'debug' },
		log,
	});
	main = queue.server;
	mainLogs.push(main.logFile);
	const sandbox = /** @type {NonNullable<typeof queue.sandbox>} */ (queue.sandbox);
	const postgres = /** @type {NonNullable<typeof queue.postgres>} */ (queue.postgres);
	const { Client } = require(path.join(queue.runtime.dir, 'node_modules', 'pg'));
	db = new Client({
		host: postgres.host,
		port: postgres.port,
		user: postgres.user,
		database: postgres.database,
	});
	await db.connect();
	// What ran, read where the workers stored it (why not the API: executionsFromDb).
	timeline = pollTimeline({
		sandbox,
		executions: executionsFromDb(db, queue.runtime.dir, WORKFLOW_ID),
	});
	log(`queue-mode n8n ${line} up (${queue.db}), main ${queue.baseUrl}`);
}, 600_000);

afterAll(async () => {
	if (!queue) return;
	await db?.end().catch(() => undefined);
	try {
		fs.mkdirSync(path.join(REPO_ROOT, '.artifacts'), { recursive: true });
		mainLogs.forEach((file, i) =>
			fs.copyFileSync(
				file,
				path.join(REPO_ROOT, '.artifacts', `n8n-pollqueue-main${i + 1}-${line}.log`),
			),
		);
		for (const w of queue.workers)
			fs.copyFileSync(
				w.logFile,
				path.join(REPO_ROOT, '.artifacts', `n8n-pollqueue-worker${w.id}-${line}.log`),
			);
	} catch {}
	await main?.stop();
	const folder = queue.userFolder;
	await queue.stop();
	fs.rmSync(folder, { recursive: true, force: true });
	if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe(`Coupontools Polling Trigger in queue mode on n8n ${line}: main + 2 workers, Redis, PostgreSQL`, () => {
	/** @type {string[]} */
	const made = [];

	test('events arrive once each, every execution runs on a worker, only the main polls', async () => {
		made.push(...timeline.happen('validated'), ...timeline.happen('claimed'));
		const got = await timeline.waitForCounts(counts(made));
		expect(got).toEqual(counts(made));
		expect(await expectAllOnWorkers()).toBeGreaterThanOrEqual(1);

		// The activation poll and at least the one that delivered.
		expect(expectOnlyTheMainPolls()).toBeGreaterThanOrEqual(2);
	}, 300_000);

	test('the main restarted (SIGTERM, workers kept): nothing replayed, the downtime events arrive once, on workers', async () => {
		const last = timeline.polls().at(-1);
		await lateInMinuteBetweenPolls({ pollSecond: last?.at.getUTCSeconds() });
		await main.stop();
		made.push(...timeline.happen('claimed'), ...timeline.happen('validated'));
		// The events' minute ends while the main is down: its activation poll at start delivers them.
		await untilNextMinute();
		const logFile = path.join(queue.userFolder, 'n8n-main-2.log');
		main = await runtimeLib.startServer(queue.runtime, queue.env, { logFile });
		mainLogs.push(logFile);
		log(`main restarted in ${(main.startMs / 1000).toFixed(1)} s`);

		const got = await timeline.waitForCounts(counts(made));
		expect(got).toEqual(counts(made));
		// One more scheduled poll of the restarted main: still nothing twice.
		await timeline.nextPoll(new Date());
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(counts(await timeline.emittedKeys())).toEqual(counts(made));
		await expectAllOnWorkers();
		// The restarted main polled at start (activation) and on schedule; the workers never did.
		expect(pollTimesIn(logFile).length).toBeGreaterThanOrEqual(2);
		expectOnlyTheMainPolls();
	}, 360_000);
});
