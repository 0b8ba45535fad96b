// @ts-check
'use strict';
/**
 * n8n in queue mode (its own distributed engine) around this package, for the queue-mode e2e test:
 *
 *   Redis (127.0.0.1, free port, temp dir, no persistence)
 *   [PostgreSQL (127.0.0.1, free port, temp cluster) when db: 'postgres']
 *   one main: `n8n start` with EXECUTIONS_MODE=queue — UI, REST, and it receives the webhooks, which it
 *     turns into jobs (scripts/lib/stack.js does this part: sandbox, credential, workflows, owner, API key)
 *   N workers: `n8n worker`, same user folder, encryption key, DB and package link as the main; each with
 *     its own task-runner broker port and health-check port (/healthz/readiness checks DB and Redis)
 *
 * Why PostgreSQL by default: n8n 2.8.4 and 2.41.1 do not refuse queue mode on sqlite, they only log
 * "Scaling mode is not officially supported with sqlite. Please use PostgreSQL instead."
 * (dist/commands/base-command.js), and the test passes on sqlite too (QUEUE_DB=sqlite). But then the main
 * and the workers share one WAL-mode sqlite file that n8n opens without a busy timeout (@n8n/db
 * db-connection-options.js), so nothing arbitrates writes between the processes; once here (2.41.1, under
 * load) the main's API did not show executions the workers had finished for 90 s, with no error logged.
 * Real queue-mode setups use PostgreSQL, so the test does too, on a throwaway cluster (~5 s).
 *
 * Redis and PostgreSQL come from Debian packages (scripts/install-queue-services.sh). Everything listens
 * on 127.0.0.1 only, and stop() ends workers, main, sandbox, Redis and PostgreSQL, also after a failed start.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

const runtimeLib = require('./n8n-runtime');
const { startStack } = require('./stack');
const { killGroup, trackGroup, untrackGroup } = require('./process-groups');

const INSTALL_HINT =
	'run `bash scripts/install-queue-services.sh` (Redis and PostgreSQL from Debian packages)';
const WORKER_READY = 'n8n worker is now ready';

// ---------------------------------------------------------------------------
// child processes of our own (Redis, PostgreSQL): own process group, killed if we exit without stop()

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} file @param {number} [lines] */
function tail(file, lines = 20) {
	try {
		return fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.slice(-lines - 1)
			.join('\n')
			.trimEnd();
	} catch {
		return '';
	}
}

/**
 * Spawn a daemon in the foreground, detached (own process group), output to `logFile`.
 * @param {string} cmd @param {string[]} args @param {{ logFile: string, cwd: string, env?: NodeJS.ProcessEnv }} opts
 */
function spawnDaemon(cmd, args, { logFile, cwd, env = process.env }) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
	fs.closeSync(fd);
	const pid = /** @type {number} */ (child.pid);
	trackGroup(pid);
	/** @type {{ code: number | null, signal: NodeJS.Signals | null } | undefined} */
	let exit;
	/** @type {Promise<void>} */
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exit = { code, signal };
			resolve();
		});
		child.on('error', (error) => {
			exit = { code: -1, signal: null };
			fs.appendFileSync(logFile, `\n[queue.js] could not start ${cmd}: ${error.message}\n`);
			resolve();
		});
	});
	/** Ask politely with `signal`, then kill the whole group after `graceMs`. */
	const stop = async (/** @type {NodeJS.Signals} */ signal, graceMs = 10_000) => {
		if (!exit) {
			try {
				process.kill(pid, signal);
			} catch {}
			await Promise.race([exited, sleep(graceMs)]);
		}
		killGroup(pid, 'SIGKILL');
		if (!exit) await Promise.race([exited, sleep(2000)]);
		untrackGroup(pid);
	};
	return { pid, exited, stop, exitInfo: () => exit };
}

/**
 * Poll `check` every 100 ms until it returns true, the daemon exits, or `timeoutMs` passes.
 * @param {string} what @param {() => Promise<boolean> | boolean} check
 * @param {{ exitInfo: () => unknown }} daemon @param {string} logFile @param {number} timeoutMs
 */
async function waitReady(what, check, daemon, logFile, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		if (daemon.exitInfo())
			throw new Error(
				`${what} exited before it was ready (${JSON.stringify(daemon.exitInfo())}). Log ${logFile}:\n${tail(logFile)}`,
			);
		await sleep(100);
	}
	throw new Error(
		`${what} was not ready after ${timeoutMs / 1000} s. Log ${logFile}:\n${tail(logFile)}`,
	);
}

/**
 * Free ports that differ from each other and from `taken`.
 * @param {number} count @param {Set<number>} taken
 */
async function freePorts(count, taken) {
	/** @type {number[]} */
	const out = [];
	for (let tries = 0; out.length < count && tries < 50; tries++) {
		const port = await runtimeLib.freePort();
		if (!taken.has(port)) {
			taken.add(port);
			out.push(port);
		}
	}
	if (out.length < count) throw new Error('could not find enough free ports on 127.0.0.1');
	return out;
}

/** @param {string} name  first match in PATH, then the Debian locations */
function findBinary(name, extraDirs = ['/usr/bin', '/usr/sbin', '/usr/local/bin']) {
	for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs]) {
		if (!dir) continue;
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {}
	}
	return undefined;
}

// ---------------------------------------------------------------------------
// Redis

/**
 * `INFO <section>` over a fresh TCP connection, as key → value ({} when nothing answers).
 * @param {number} port @param {string} [section]
 * @returns {Promise<Record<string, string>>}
 */
async function redisInfo(port, section = 'server') {
	const reply = await new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let text = '';
		socket.setTimeout(2000, () => socket.destroy());
		socket.on('error', () => resolve(''));
		socket.on('close', () => resolve(text));
		socket.on('connect', () => socket.write(`INFO ${section}\r\nQUIT\r\n`));
		socket.on('data', (chunk) => (text += chunk.toString('utf8')));
	});
	return Object.fromEntries(
		String(reply)
			.split('\r\n')
			.filter((line) => line.includes(':') && !line.startsWith('#'))
			.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
	);
}

/**
 * redis-server on 127.0.0.1 and a free port, in its own temp dir, without persistence. Ready only when the
 * Redis answering on the port is the one started here (its process_id): another run that took the same
 * port in the meantime must never be mistaken for ours. A lost port race is retried on a new port.
 * @param {{ taken?: Set<number>, log?: (line: string) => void }} [opts]
 */
async function startRedis({ taken = new Set(), log = () => undefined } = {}) {
	const bin = findBinary('redis-server');
	if (!bin) throw new Error(`redis-server not found: ${INSTALL_HINT}`);
	for (let attempt = 1; ; attempt++) {
		const [port] = await freePorts(1, taken);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-redis-'));
		const logFile = path.join(dir, 'redis.log');
		const args = [
			'--bind',
			'127.0.0.1',
			'--port',
			String(port),
			'--protected-mode',
			'yes',
			// No RDB snapshots, no AOF: the queue lives as long as the test.
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
			'--logfile',
			'',
		];
		log(`Starting Redis on 127.0.0.1:${port}…`);
		const daemon = spawnDaemon(bin, args, { logFile, cwd: dir });
		try {
			await waitReady(
				'redis-server',
				async () => (await redisInfo(port)).process_id === String(daemon.pid),
				daemon,
				logFile,
				15_000,
			);
		} catch (error) {
			await daemon.stop('SIGTERM', 2000);
			fs.rmSync(dir, { recursive: true, force: true });
			if (
				attempt < 3 &&
				/Address already in use/.test(String(/** @type {Error} */ (error).message))
			)
				continue;
			throw error;
		}
		return {
			host: '127.0.0.1',
			port,
			dir,
			logFile,
			pid: daemon.pid,
			info: async (/** @type {string} */ section = 'server') => await redisInfo(port, section),
			stop: async () => {
				// SIGTERM: redis-server shuts down at once (nothing to save with --save '').
				await daemon.stop('SIGTERM', 5000);
				fs.rmSync(dir, { recursive: true, force: true });
			},
		};
	}
}

// ---------------------------------------------------------------------------
// PostgreSQL

/** The bin dir of the newest installed PostgreSQL server (Debian layout), or one holding initdb in PATH. */
function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	let versions = [];
	try {
		versions = fs
			.readdirSync(root)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
	} catch {}
	for (const v of versions) {
		const dir = path.join(root, v, 'bin');
		if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres')))
			return dir;
	}
	const initdb = findBinary('initdb');
	return initdb && fs.existsSync(path.join(path.dirname(initdb), 'postgres'))
		? path.dirname(initdb)
		: undefined;
}

/**
 * A throwaway PostgreSQL cluster: initdb into a temp dir, `postgres` on 127.0.0.1 and a free port,
 * socket in the same dir, trust auth (loopback only), durability off (a test database).
 * PostgreSQL refuses to run as root, so as root it runs as the packaged `postgres` user via setpriv.
 * @param {{ taken?: Set<number>, log?: (line: string) => void }} [opts]
 */
async function startPostgres({ taken = new Set(), log = () => undefined } = {}) {
	const bin = findPostgresBin();
	if (!bin) throw new Error(`PostgreSQL server binaries not found: ${INSTALL_HINT}`);
	/** @type {string[]} */
	let asUser = [];
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-pg-'));
	if (process.getuid?.() === 0) {
		const setpriv = findBinary('setpriv');
		const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		if (!setpriv || ids.status !== 0) {
			fs.rmSync(dir, { recursive: true, force: true });
			throw new Error(
				'running as root: PostgreSQL needs the `postgres` system user (from the postgresql package) and setpriv (util-linux)',
			);
		}
		const uid = Number(ids.stdout.trim());
		const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		fs.chownSync(dir, uid, gid);
		asUser = [setpriv, '--reuid=postgres', '--regid=postgres', '--init-groups', '--'];
	}
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
	const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
		const full = [...asUser, path.join(bin, cmd), ...args];
		return spawnSync(full[0], full.slice(1), { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
	};

	log(`Creating a PostgreSQL cluster (${bin}) in ${dir}…`);
	const init = run('initdb', [
		'-D',
		data,
		'-U',
		'n8n',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-locale',
		'--no-sync',
	]);
	if (init.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (${init.status ?? init.signal}):\n${init.stdout}${init.stderr}`);
	}
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
	for (let attempt = 1; ; attempt++) {
		const [port] = await freePorts(1, taken);
		const cmd = [...asUser, path.join(bin, 'postgres')];
		const args = [
			...cmd.slice(1),
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			// A test database: durability is not worth the time.
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		];
		log(`Starting PostgreSQL on 127.0.0.1:${port}…`);
		fs.writeFileSync(logFile, '');
		if (asUser.length) fs.chmodSync(logFile, 0o666);
		const daemon = spawnDaemon(cmd[0], args, { logFile, cwd: dir, env });
		// SIGINT = "fast" shutdown: open sessions are ended, the cluster stops cleanly.
		const stopDaemon = async () => await daemon.stop('SIGINT', 10_000);
		try {
			// Our own log file: a server of another run on the same port cannot be mistaken for ours.
			await waitReady(
				'postgres',
				() =>
					fs
						.readFileSync(logFile, 'utf8')
						.includes('database system is ready to accept connections'),
				daemon,
				logFile,
				60_000,
			);
		} catch (error) {
			await stopDaemon();
			if (
				attempt < 3 &&
				/could not bind|Address already in use/.test(String(/** @type {Error} */ (error).message))
			)
				continue;
			removeDir();
			throw error;
		}
		const stop = async () => {
			await stopDaemon();
			removeDir();
		};
		return { host: '127.0.0.1', port, user: 'n8n', database: 'postgres', dir, logFile, stop };
	}
}

// ---------------------------------------------------------------------------
// the queue-mode stack

/**
 * @typedef {object} QueueStackOptions
 * @property {string} [version]          n8n line (default '2.8.4')
 * @property {number} [workers]          how many `n8n worker` processes (default 2)
 * @property {number} [workerConcurrency] jobs per worker at once (n8n's default is 10)
 * @property {'sqlite' | 'postgres'} [db] default: QUEUE_DB, else 'postgres' (see the header)
 * @property {string[]} [workflows]      as in startStack
 * @property {string[]} [activate]       as in startStack (activated on the main)
 * @property {Record<string, unknown>} [sandbox] as in startStack
 * @property {Record<string, string>} [env] more n8n settings for the main and the workers
 * @property {(line: string) => void} [log]
 */

/**
 * Start Redis (+ PostgreSQL), the main through startStack (queue settings via its `env`), then the workers.
 * @param {QueueStackOptions} [options]
 */
async function startQueueStack(options = {}) {
	const log = options.log ?? (() => undefined);
	const db = options.db ?? (process.env.QUEUE_DB === 'sqlite' ? 'sqlite' : 'postgres');
	const workerCount = options.workers ?? 2;
	const taken = new Set();
	/** @type {Array<() => Promise<void>>} */
	const stops = [];
	const stopAll = async () => {
		// Reverse start order: workers, then the main and sandbox, then Redis and PostgreSQL.
		/** @type {unknown[]} */
		const errors = [];
		while (stops.length) {
			const stop = /** @type {() => Promise<void>} */ (stops.pop());
			try {
				await stop();
			} catch (error) {
				errors.push(error);
			}
		}
		if (errors.length) throw errors[0];
	};

	try {
		const redis = await startRedis({ taken, log });
		stops.push(redis.stop);
		const postgres = db === 'postgres' ? await startPostgres({ taken, log }) : undefined;
		if (postgres) stops.push(postgres.stop);

		/** @type {Record<string, string>} */
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Bull's key prefix (default "bull"), unique per stack: jobs can only ever reach this stack's workers.
			QUEUE_BULL_PREFIX: `coupontools-${process.pid}-${redis.port}`,
			// Workers finish running jobs on SIGTERM for up to this long (default 30 s).
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			// The main waits for each job with Bull's job.finished(), which looks the job up in Redis only after
			// the main's workflowExecuteBefore hook; n8n removes a completed job from Redis at once. A job a worker
			// finishes within those milliseconds is then never seen finished: the main keeps the execution as
			// running (its public API leaves it out, its shutdown waits for it) until it restarts. Keeping the
			// last completed jobs closes that gap on 2.41 (2.8 has no such setting and always removes them).
			N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: '1000',
			...(postgres
				? {
						DB_TYPE: 'postgresdb',
						DB_POSTGRESDB_HOST: postgres.host,
						DB_POSTGRESDB_PORT: String(postgres.port),
						DB_POSTGRESDB_DATABASE: postgres.database,
						DB_POSTGRESDB_USER: postgres.user,
						DB_POSTGRESDB_PASSWORD: '',
					}
				: {}),
			...(options.env ?? {}),
		};

		const [mainPort] = await freePorts(1, taken);
		const stack = await startStack({
			version: options.version,
			workflows: options.workflows,
			activate: options.activate,
			sandbox: options.sandbox,
			port: mainPort,
			env: queueEnv,
			log,
		});
		stops.push(stack.stop);
		taken.add(Number(stack.env.N8N_RUNNERS_BROKER_PORT));

		log(`Starting ${workerCount} n8n worker(s)…`);
		const specs = [];
		for (let i = 1; i <= workerCount; i++) {
			const [brokerPort, healthPort] = await freePorts(2, taken);
			/** @type {NodeJS.ProcessEnv} */
			const env = {
				...stack.env,
				// Every n8n process opens its own task-runner broker (the Code node runs there).
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				...(options.workerConcurrency
					? { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(options.workerConcurrency) }
					: {}),
			};
			specs.push({
				id: i,
				env,
				healthUrl: `http://127.0.0.1:${healthPort}`,
				logFile: path.join(stack.userFolder, `n8n-worker-${i}.log`),
			});
		}
		const started = await Promise.allSettled(
			specs.map((spec) =>
				runtimeLib.startServer(stack.runtime, spec.env, {
					command: 'worker',
					readyText: WORKER_READY,
					logFile: spec.logFile,
				}),
			),
		);
		for (const result of started) if (result.status === 'fulfilled') stops.push(result.value.stop);
		const failed = started.find((result) => result.status === 'rejected');
		if (failed) throw /** @type {PromiseRejectedResult} */ (failed).reason;
		// The worker logs "now ready" just before its health server listens: wait for /healthz/readiness (DB + Redis).
		await Promise.all(
			specs.map((spec) => waitHealthy(`${spec.healthUrl}/healthz/readiness`, 30_000)),
		);
		const workers = specs.map((spec, i) => ({
			id: spec.id,
			logFile: spec.logFile,
			healthUrl: spec.healthUrl,
			server: /** @type {PromiseFulfilledResult<import('./n8n-runtime').Server>} */ (started[i])
				.value,
		}));

		return {
			...stack,
			db,
			redis,
			postgres,
			workers,
			/** The ids of the executions each worker ran, read from its log ("Worker started execution <id> (job <n>)"). */
			executionsByWorker: () =>
				Object.fromEntries(
					workers.map((w) => [
						w.id,
						[...readText(w.logFile).matchAll(/Worker started execution (\S+) \(job/g)].map(
							(m) => m[1],
						),
					]),
				),
			/** Log text of the main process. */
			mainLog: () => readText(stack.server.logFile),
			stop: stopAll,
		};
	} catch (error) {
		try {
			await stopAll();
		} catch {}
		throw error;
	}
}

/** @param {string} url @param {number} timeoutMs */
async function waitHealthy(url, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		try {
			const res = await fetch(url);
			if (res.ok) return;
			last = `HTTP ${res.status} ${await res.text()}`;
		} catch (error) {
			last = /** @type {Error} */ (error).message;
		}
		await sleep(200);
	}
	throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** @param {string} file */
function readText(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

module.exports = { startQueueStack, startRedis, startPostgres, findPostgresBin };
