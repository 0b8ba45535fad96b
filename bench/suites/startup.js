// @ts-check
'use strict';
/**
 * 4. n8n start time with and without the package: `n8n start` from spawn to the log line
 *    "Editor is now accessible" (read from the pipe as it is written), alternating the two user folders
 *    (one with the packed package installed as n8n installs it, one without) after one unmeasured start
 *    each (database migrations).
 *    A start takes seconds and varies by hundreds of ms on a shared machine, so the loader's own cost is
 *    measured too: n8n's LazyPackageDirectoryLoader on this package, in fresh processes.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFile } = require('node:child_process');

const runtimeLib = require('../../scripts/lib/n8n-runtime');
const { REPO_ROOT } = require('../../scripts/lib/stack');
const { median, sleep } = require('../lib/stats');
const { packPackage, installPacked } = require('../../scripts/lib/pack');

const READY = 'Editor is now accessible';

/** Started groups, killed if the driver exits without stopping them. */
const live = new Set();
process.on('exit', () => {
	for (const pid of live) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {}
	}
});

/**
 * @param {import('../../scripts/lib/n8n-runtime').Runtime} runtime @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>} ms from spawn to READY
 */
function timeOneStart(runtime, env) {
	return new Promise((resolve, reject) => {
		const t0 = process.hrtime.bigint();
		const child = spawn(path.join(runtime.nodeBinDir, 'node'), [runtime.n8nBin, 'start'], {
			env,
			cwd: env.N8N_USER_FOLDER,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const pid = /** @type {number} */ (child.pid);
		live.add(pid);
		let tail = '';
		let readyMs = NaN;
		const exited = new Promise((done) => child.once('exit', done));
		const stop = async () => {
			try {
				process.kill(pid, 'SIGTERM');
			} catch {}
			const timer = setTimeout(() => {
				try {
					process.kill(-pid, 'SIGKILL');
				} catch {}
			}, 20_000);
			await exited;
			clearTimeout(timer);
			try {
				process.kill(-pid, 'SIGKILL'); // the task runner, should it linger
			} catch {}
			live.delete(pid);
		};
		const timeout = setTimeout(() => {
			void stop().then(() => reject(new Error(`n8n was not ready within 180 s:\n${tail}`)));
		}, 180_000);
		const onData = (/** @type {Buffer} */ chunk) => {
			tail = (tail + chunk).slice(-3000);
			if (Number.isNaN(readyMs) && tail.includes(READY)) {
				readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
				clearTimeout(timeout);
				void stop().then(() => resolve(readyMs));
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => {
			if (Number.isNaN(readyMs)) {
				clearTimeout(timeout);
				live.delete(pid);
				reject(new Error(`n8n exited (${code}) before it was ready:\n${tail}`));
			}
		});
	});
}

/** @param {import('../../scripts/lib/n8n-runtime').Runtime} runtime @param {string} packageDir */
function probeLoader(runtime, packageDir) {
	return new Promise((resolve, reject) => {
		execFile(
			path.join(runtime.nodeBinDir, 'node'),
			[path.join(__dirname, '..', 'lib', 'loader-probe.js'), runtime.dir, packageDir],
			{ timeout: 60_000 },
			(error, stdout, stderr) => {
				if (error) return reject(new Error(`loader probe failed: ${stderr || error.message}`));
				resolve(JSON.parse(String(stdout).trim()));
			},
		);
	});
}

/** @param {{ runtime: import('../../scripts/lib/n8n-runtime').Runtime, opts: any, log: (line: string) => void }} ctx */
async function startupSuite({ runtime, opts, log }) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-bench-start-'));
	const unpacked = packPackage(REPO_ROOT);
	const cleanup = () => {
		fs.rmSync(root, { recursive: true, force: true });
		fs.rmSync(path.dirname(unpacked), { recursive: true, force: true });
	};
	process.on('exit', cleanup);
	try {
		const lazy = fs.existsSync(path.join(unpacked, 'dist', 'known', 'nodes.json'));
		/** @type {Record<'with' | 'without', NodeJS.ProcessEnv>} */
		const envs = /** @type {any} */ ({});
		let installedDir = '';
		for (const variant of /** @type {const} */ (['with', 'without'])) {
			const userFolder = path.join(root, variant);
			fs.mkdirSync(userFolder);
			if (variant === 'with') installedDir = installPacked(userFolder, unpacked);
			const port = await runtimeLib.freePort();
			let brokerPort = await runtimeLib.freePort();
			while (brokerPort === port) brokerPort = await runtimeLib.freePort();
			envs[variant] = runtimeLib.n8nEnv({ runtime, userFolder, port, brokerPort });
			await timeOneStart(runtime, envs[variant]); // migrations, not measured
		}
		/** @type {Record<'with' | 'without', number[]>} */
		const times = { with: [], without: [] };
		for (let run = 1; run <= opts.startRuns; run++) {
			const order =
				run % 2
					? /** @type {const} */ (['without', 'with'])
					: /** @type {const} */ (['with', 'without']);
			for (const variant of order) {
				await sleep(1000);
				times[variant].push(await timeOneStart(runtime, envs[variant]));
			}
			log(
				`  start run ${run}: without ${Math.round(times.without.at(-1) ?? NaN)} ms, with ${Math.round(times.with.at(-1) ?? NaN)} ms`,
			);
		}
		const loader = [];
		for (let i = 0; i < opts.loaderRuns; i++) loader.push(await probeLoader(runtime, installedDir));
		const loaderMs = loader.map((l) => l.ms);
		log(
			`  loader: median ${median(loaderMs).toFixed(1)} ms over ${loaderMs.length} fresh processes`,
		);
		return {
			withMs: median(times.with),
			withoutMs: median(times.without),
			withRunsMs: times.with,
			withoutRunsMs: times.without,
			loaderMs: median(loaderMs),
			loaderRunsMs: loaderMs,
			loaded: { nodes: loader[0]?.nodes, credentials: loader[0]?.credentials },
			lazy,
		};
	} finally {
		cleanup();
		process.off('exit', cleanup);
	}
}

module.exports = { startupSuite };
