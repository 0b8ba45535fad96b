// @ts-check
'use strict';
/**
 * Loaded into `n8n start` with NODE_OPTIONS=--require (the benchmarks only): SIGUSR2 starts V8's
 * sampling profiler in the n8n main process, the next SIGUSR2 stops it and writes
 * $BENCH_PROFILE_DIR/<pid>-<n>.cpuprofile. SIGWINCH runs a full garbage collection (with --expose-gc),
 * so a memory measurement starts from what is really live. Other n8n processes (CLI commands, the task runner) ignore it.
 */

if (process.argv.includes('start') && process.env.BENCH_PROFILE_DIR) {
	const inspector = require('node:inspector');
	const fs = require('node:fs');
	const path = require('node:path');
	const session = new inspector.Session();
	session.connect();
	let running = false;
	let count = 0;
	session.post('Profiler.enable', () =>
		session.post('Profiler.setSamplingInterval', { interval: 500 }),
	);
	// global.gc needs --expose-gc (bench/run.js passes it); an inspector HeapProfiler.collectGarbage from
	// the process's own session hung n8n here.
	const gc = /** @type {any} */ (globalThis).gc;
	process.on('SIGWINCH', () => {
		if (typeof gc === 'function') {
			gc();
			gc();
		}
	});
	process.on('SIGUSR2', () => {
		if (!running) {
			running = true;
			session.post('Profiler.start');
			return;
		}
		running = false;
		session.post('Profiler.stop', (error, result) => {
			const file = path.join(
				/** @type {string} */ (process.env.BENCH_PROFILE_DIR),
				`${process.pid}-${++count}.cpuprofile`,
			);
			fs.writeFileSync(file, error ? '{}' : JSON.stringify(result.profile));
		});
	});
}
