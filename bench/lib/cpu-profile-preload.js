// @ts-check
'use strict';
/**
 * Loaded into `n8n start` with NODE_OPTIONS=--require (the benchmarks only): SIGUSR2 starts V8's
 * sampling profiler in the n8n main process, the next SIGUSR2 stops it and writes
 * $BENCH_PROFILE_DIR/<pid>-<n>.cpuprofile. SIGWINCH runs a full garbage collection (with --expose-gc),
 * so a memory measurement starts from what is really live. Other n8n processes (CLI commands, the task runner) ignore it.
 *
 * While a profile runs it also counts the expressions n8n evaluates (calls of n8n-workflow's
 * Expression.resolveSimpleParameterValue with an `=` string, the one place every evaluation passes on
 * n8n 2.8 and 2.41) and writes the count next to the profile as <pid>-<n>.expressions.json.
 */

if (process.argv.includes('start') && process.env.BENCH_PROFILE_DIR) {
	const inspector = require('node:inspector');
	const fs = require('node:fs');
	const path = require('node:path');
	const session = new inspector.Session();
	session.connect();
	let running = false;
	let count = 0;
	let expressions = 0;
	countExpressions(() => {
		if (running) expressions++;
	});
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
			expressions = 0;
			session.post('Profiler.start');
			return;
		}
		running = false;
		session.post('Profiler.stop', (error, result) => {
			const file = path.join(
				/** @type {string} */ (process.env.BENCH_PROFILE_DIR),
				`${process.pid}-${++count}.cpuprofile`,
			);
			fs.writeFileSync(
				file.replace(/\.cpuprofile$/, '.expressions.json'),
				JSON.stringify({ expressions }),
			);
			fs.writeFileSync(file, error ? '{}' : JSON.stringify(result.profile));
		});
	});
}

/**
 * Calls `onEvaluation` for every expression n8n evaluates: wraps Expression.resolveSimpleParameterValue of
 * the n8n-workflow that n8n loads (once per class, however many modules re-export it).
 * @param {() => void} onEvaluation
 */
function countExpressions(onEvaluation) {
	const Module = require('node:module');
	const moduleApi = /** @type {any} */ (Module);
	const load = moduleApi._load;
	moduleApi._load = function (/** @type {any[]} */ ...args) {
		const exported = load.apply(this, args);
		const proto = exported?.Expression?.prototype;
		if (proto && typeof proto.resolveSimpleParameterValue === 'function' && !proto.__benchCounted) {
			const resolve = proto.resolveSimpleParameterValue;
			Object.defineProperty(proto, '__benchCounted', { value: true });
			proto.resolveSimpleParameterValue = function (
				/** @type {unknown} */ value,
				/** @type {any[]} */ ...rest
			) {
				if (typeof value === 'string' && value.charAt(0) === '=') onEvaluation();
				return resolve.call(this, value, ...rest);
			};
		}
		return exported;
	};
}
