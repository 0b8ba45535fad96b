// @ts-check
'use strict';
/**
 * The Coupontools Polling Trigger after a hard kill (`kill -9`: no shutdown hook runs) of n8n (the line in
 * N8N_LINE), one n8n process on PostgreSQL, one workflow polling the sandbox every minute:
 *  1. events arrive once each (and the order of n8n's two writes for a poll that emits is measured);
 *  2. killed between two polls: nothing replayed, the downtime's events arrive once;
 *  3. killed during a poll that was emitting (its claims page read, its validations page held by the
 *     sandbox): nothing replayed, that poll's events arrive once, after the restart;
 *  4.-5. killed between a poll's emit and n8n's two writes for it: when a poll emits, n8n saves the trigger's
 *     static data (its cursor) and creates the execution as two independent writes, neither awaited by the
 *     other (getExecutePollFunctions' __emit: `void saveStaticData(workflow)`, then the run; in
 *     ActiveWorkflowManager on 1.x and 2.8, TriggerExecutionContextFactory on 2.41). The test holds one of
 *     them in PostgreSQL, kills n8n, and drops the held write:
 *     4. execution written, cursor not: the poll's events are emitted again after the restart (twice in all);
 *     5. cursor written, execution not: the poll's events are lost.
 *     Outside that window (milliseconds; measured in 1) a hard kill costs nothing (1-3).
 *
 * Why PostgreSQL: the test must hold one of n8n's writes while the other goes through; sqlite has one lock
 * for the whole database. The poll and emit code are the same on sqlite.
 *
 * Timeline (about 8 minutes): each step waits for the first poll after its events' minute has ended; kills
 * land late in a minute, between polls, so the restarted n8n's activation poll delivers the downtime's events.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimeLib = require('../../scripts/lib/n8n-runtime');
const { startPostgres } = require('../../scripts/lib/queue');
const { startStack, REPO_ROOT } = require('../../scripts/lib/stack');
const { waitFor } = require('./lib/context');
const {
	VALIDATIONS,
	DELIVERY_TIMEOUT_MS,
	pollWorkflow,
	pollTimeline,
	executionsFromApi,
	firstScheduledPoll,
	counts,
	lateInMinuteBetweenPolls,
	untilNextMinute,
	hardKill,
} = require('./lib/pollTimeline');

const line = process.env.N8N_LINE || '2.8.4';
const WORKFLOW_ID = 'ctE2ePollKill001';
/** n8n's two writes for a poll that emits, as PostgreSQL sees them (TypeORM names the schema). */
const SAVE_STATIC_DATA = /UPDATE (?:"public"\.)?"workflow_entity" SET "staticData"/;
const INSERT_EXECUTION = /INSERT INTO (?:"public"\.)?"execution_entity"/;

/** @type {Awaited<ReturnType<typeof startPostgres>>} */
let postgres;
/** @type {Awaited<ReturnType<typeof startStack>>} */
let stack;
/** The n8n running now. @type {import('../../scripts/lib/n8n-runtime').Server} */
let server;
/** @type {any} a pg Client (n8n's own copy of node-postgres) */
let db;
/** @type {string} */
let scratch;
/** @type {ReturnType<typeof pollTimeline>} */
let timeline;
/** @type {import('../../test/sandbox/server').SandboxHandle} */
let sandbox;
const serverLogs = /** @type {string[]} */ ([]);
const started = Date.now();
const log = (/** @type {string} */ msg) =>
	process.stderr.write(
		`[poll kill ${line} ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`,
	);

/** Starts n8n again on the same database and user folder. */
async function restart() {
	const logFile = path.join(stack.userFolder, `n8n-run-${serverLogs.length + 1}.log`);
	server = await runtimeLib.startServer(stack.runtime, stack.env, { logFile });
	serverLogs.push(logFile);
	log(`n8n restarted in ${(server.startMs / 1000).toFixed(1)} s`);
}

/** The log of the n8n running now. */
const currentLog = () => /** @type {string} */ (serverLogs.at(-1));

/** The trigger's static data as stored in the database (JSON text). */
async function storedStaticData() {
	const { rows } = await db.query('SELECT "staticData" FROM workflow_entity WHERE id = $1', [
		WORKFLOW_ID,
	]);
	return JSON.stringify(rows[0]?.staticData ?? null);
}

/** n8n's statements waiting for a lock this test holds (pg_stat_activity). @param {RegExp} pattern */
async function waitingStatements(pattern) {
	const { rows } = await db.query(
		"SELECT pid, query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
	);
	return rows.filter((/** @type {{ query: string }} */ r) => pattern.test(r.query));
}

/**
 * Drops a write n8n had sent before it died and that is still waiting for our lock: as if n8n had died
 * before sending it. (A statement PostgreSQL already received would otherwise run once the lock is free.)
 * @param {RegExp} pattern
 */
async function dropWaiting(pattern) {
	const waiting = await waitingStatements(pattern);
	for (const { pid } of waiting) await db.query('SELECT pg_terminate_backend($1)', [pid]);
	return waiting.length;
}

/** @param {string[]} keys */
const sessionsOf = (keys) => [...new Set(keys.map((key) => key.split(' ')[1]))];

/**
 * From PostgreSQL's statement log: when n8n's static-data save and the execution's insert completed for the
 * first poll that emitted after `since`. Measured, not asserted.
 * @param {Date} since
 */
function writeOrder(since) {
	const lines = fs.readFileSync(postgres.logFile, 'utf8').split('\n');
	/** @type {Array<{ at: number, pid: string, text: string }>} */
	const statements = [];
	for (const text of lines) {
		const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) UTC \[(\d+)\]/.exec(text);
		if (!m || !text.includes('duration:')) continue;
		const at = Date.parse(`${m[1]}T${m[2]}Z`);
		if (at >= since.getTime()) statements.push({ at, pid: m[3], text });
	}
	const insert = statements.find((s) => /execute /.test(s.text) && INSERT_EXECUTION.test(s.text));
	const commit =
		insert &&
		statements.find((s) => s.pid === insert.pid && s.at >= insert.at && /\bCOMMIT\b/.test(s.text));
	const saves = statements.filter((s) => /execute /.test(s.text) && SAVE_STATIC_DATA.test(s.text));
	if (!insert || !saves.length) return 'not found in the statement log';
	const executionAt = (commit ?? insert).at;
	// The emit's save is the one nearest to the insert (activation saves static data too).
	const save = saves.reduce((a, b) =>
		Math.abs(a.at - executionAt) <= Math.abs(b.at - executionAt) ? a : b,
	);
	return `static data saved ${executionAt - save.at >= 0 ? `${executionAt - save.at} ms before` : `${save.at - executionAt} ms after`} the execution row was committed`;
}

beforeAll(async () => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-poll-kill-'));
	const file = path.join(scratch, 'workflow.json');
	fs.writeFileSync(file, JSON.stringify(pollWorkflow(WORKFLOW_ID)));
	postgres = await startPostgres({ log });
	stack = await startStack({
		version: line,
		workflows: [file],
		activate: [WORKFLOW_ID],
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// n8n logs each poll at debug level only: the tests tell the activation poll from scheduled ones.
			N8N_LOG_LEVEL: 'debug',
		},
		log,
	});
	server = stack.server;
	serverLogs.push(server.logFile);
	sandbox = /** @type {NonNullable<typeof stack.sandbox>} */ (stack.sandbox);
	// node-postgres as n8n ships it (plain JS): the test reads and locks n8n's tables with it.
	const { Client } = require(path.join(stack.runtime.dir, 'node_modules', 'pg'));
	db = new Client({
		host: postgres.host,
		port: postgres.port,
		user: postgres.user,
		database: postgres.database,
	});
	await db.connect();
	// Every statement with its completion time (ms), for the measurement in the first test.
	await db.query("ALTER SYSTEM SET log_line_prefix = '%m [%p] '");
	await db.query('ALTER SYSTEM SET log_min_duration_statement = 0');
	await db.query('SELECT pg_reload_conf()');
	timeline = pollTimeline({
		sandbox,
		executions: executionsFromApi(() => server.baseUrl, stack.owner.apiKey, WORKFLOW_ID),
	});
	log(`n8n ${line} on PostgreSQL up at ${stack.baseUrl}`);
}, 600_000);

afterAll(async () => {
	try {
		await db?.query('ROLLBACK');
		await db?.end();
	} catch {}
	try {
		fs.mkdirSync(path.join(REPO_ROOT, '.artifacts'), { recursive: true });
		serverLogs.forEach((file, i) =>
			fs.copyFileSync(
				file,
				path.join(REPO_ROOT, '.artifacts', `n8n-pollkill-run${i + 1}-${line}.log`),
			),
		);
	} catch {}
	await server?.stop();
	await sandbox?.close();
	try {
		fs.copyFileSync(
			postgres.logFile,
			path.join(REPO_ROOT, '.artifacts', `pg-pollkill-${line}.log`),
		);
	} catch {}
	await postgres?.stop();
	if (stack) fs.rmSync(stack.userFolder, { recursive: true, force: true });
	if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe(`Coupontools Polling Trigger on n8n ${line} (PostgreSQL) after kill -9`, () => {
	/** Every event made, as often as it must have been emitted. @type {string[]} */
	const made = [];

	test('events arrive once each', async () => {
		const since = new Date();
		made.push(...timeline.happen('validated'), ...timeline.happen('claimed'));
		expect(await timeline.waitForCounts(counts(made))).toEqual(counts(made));
		log(`n8n's two writes for the emitting poll: ${writeOrder(since)}`);
		await db.query('ALTER SYSTEM RESET log_min_duration_statement');
		await db.query('SELECT pg_reload_conf()');
	}, 300_000);

	test('killed between two polls: nothing replayed, the downtime events arrive once', async () => {
		const last = timeline.polls().at(-1);
		await lateInMinuteBetweenPolls({ pollSecond: last?.at.getUTCSeconds() });
		// Between polls: every call of every poll was answered.
		expect(timeline.polls().filter((poll) => !poll.answered)).toEqual([]);
		expect((await hardKill(server)).signal).toBe('SIGKILL');
		made.push(...timeline.happen('claimed'), ...timeline.happen('validated'));
		await untilNextMinute();
		await restart();
		expect(await timeline.waitForCounts(counts(made))).toEqual(counts(made));
	}, 300_000);

	test('killed during a poll that was emitting: nothing replayed, its events arrive once after the restart', async () => {
		// A scheduled poll (not the activation poll at start): the next one, a minute later, reads its minute.
		const scheduled = await firstScheduledPoll(timeline, currentLog());
		const keys = [
			...timeline.happen('claimed', scheduled.at),
			...timeline.happen('claimed', scheduled.at),
		];
		made.push(...keys);
		// The next poll reads the claims page (with these events), then its validations page is held.
		sandbox.setFaults({ kind: 'slow', delayMs: 45_000, pathPattern: `^${VALIDATIONS}$`, count: 1 });
		const held = await waitFor(
			async () => sandbox.requests.find((r) => r.fault === 'slow' && r.status === undefined),
			'the poll to reach its held validations page',
			{ timeoutMs: 130_000, intervalMs: 200 },
		);
		const claimsPage = sandbox.requests[held.seq - 1];
		expect([claimsPage.path, claimsPage.status]).toEqual(['/v3/campaign/claims', 200]);
		// Its window ends with the minute the events are in.
		expect(String(/** @type {any} */ (claimsPage.body).end_date)).toMatch(
			new RegExp(`^${scheduled.at.toISOString().slice(0, 16).replace('T', ' ')}`),
		);
		expect((await hardKill(server)).signal).toBe('SIGKILL');
		sandbox.clearFaults();
		expect(await storedStaticData()).not.toContain(sessionsOf(keys)[0]);
		await restart();
		expect(await timeline.waitForCounts(counts(made))).toEqual(counts(made));
	}, 360_000);

	test('killed after a poll emitted and its execution was written, before its cursor was saved: its events are emitted again', async () => {
		await db.query('BEGIN');
		await db.query('SELECT id FROM workflow_entity WHERE id = $1 FOR NO KEY UPDATE', [WORKFLOW_ID]);
		const keys = timeline.happen('claimed');
		// The emitting poll's execution ran and finished; its static-data save waits for our row lock.
		await timeline.waitForCounts(counts([...made, ...keys]));
		expect(await waitingStatements(SAVE_STATIC_DATA)).toHaveLength(1);
		expect((await hardKill(server)).signal).toBe('SIGKILL');
		expect(await dropWaiting(SAVE_STATIC_DATA)).toBe(1);
		await db.query('ROLLBACK');
		expect(await storedStaticData()).not.toContain(sessionsOf(keys)[0]);
		await restart();
		// The activation poll at start reads from the saved cursor: the same events once more.
		made.push(...keys, ...keys);
		expect(await timeline.waitForCounts(counts(made))).toEqual(counts(made));
	}, 300_000);

	test('killed after a poll saved its cursor, before its execution was written: its events are lost', async () => {
		await db.query('BEGIN');
		await db.query('LOCK TABLE execution_entity IN SHARE ROW EXCLUSIVE MODE');
		const keys = timeline.happen('claimed');
		const [session] = sessionsOf(keys);
		await waitFor(
			async () => (await storedStaticData()).includes(session),
			'the emitting poll to save its cursor',
			{ timeoutMs: DELIVERY_TIMEOUT_MS, intervalMs: 500 },
		);
		await waitFor(
			async () => (await waitingStatements(INSERT_EXECUTION)).length === 1,
			"the poll's execution insert to wait for the lock",
			{ timeoutMs: 10_000, intervalMs: 200 },
		);
		expect((await hardKill(server)).signal).toBe('SIGKILL');
		expect(await dropWaiting(INSERT_EXECUTION)).toBe(1);
		await db.query('ROLLBACK');
		await restart();
		// The activation poll and one scheduled poll read from the saved cursor: nothing of that poll again.
		await firstScheduledPoll(timeline, currentLog());
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const emitted = await timeline.emittedKeys();
		expect(emitted.filter((key) => keys.includes(key))).toEqual([]);
		expect(counts(emitted)).toEqual(counts(made));
	}, 360_000);
});
