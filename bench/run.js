#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run bench [-- --quick | options]`: measures the package in a real n8n against the sandbox and
 * writes BENCHMARKS.md (plus the raw numbers in .artifacts/bench/results.json). `--help` lists options.
 *
 * Per n8n line: one sandbox process and one n8n with every bench workflow active (bench/workflows.js);
 * Return All first (fresh heap), then Send Email vs HTTP Request vs the floor, a CPU profile of one run
 * per side, webhook latency, big batches against a throttling sandbox; then n8n start-up with and without
 * the package. Everything listens on 127.0.0.1; every process started here is stopped before the script
 * ends (or killed if it dies).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimeLib = require('../scripts/lib/n8n-runtime');
const { REPO_ROOT } = require('../scripts/lib/stack');
const { parseOptions } = require('./lib/options');
const { describeMachine } = require('./lib/machine');
const { startSandboxProcess } = require('./lib/sandbox');
const { startBenchStack } = require('./lib/n8n');
const { profileDuring } = require('./lib/cpu-profile');
const { returnAllSuite } = require('./suites/returnAll');
const { sendEmailSuite, SIDES } = require('./suites/sendEmail');
const { webhookSuite } = require('./suites/webhook');
const { throttledSuite } = require('./suites/throttled');
const { startupSuite } = require('./suites/startup');
const { renderReport, spliceThrottled } = require('./report');

/** @param {string} line */
const log = (line) => process.stdout.write(`${line}\n`);

/** One profiled Send Email run per side, after the measured ones. @param {any} ctx @param {string} dir */
async function profileSides(ctx, dir) {
	const items =
		Math.min(...ctx.opts.sendSizes.filter((/** @type {number} */ n) => n >= 500), 1000) ||
		Math.max(...ctx.opts.sendSizes);
	/** @type {Record<string, any>} */
	const out = { items };
	for (const side of /** @type {(keyof typeof SIDES)[]} */ (Object.keys(SIDES))) {
		await ctx.sandbox.reset();
		const { result, analysis } = await profileDuring(ctx.n8n.pid, dir, () =>
			ctx.n8n.webhook(SIDES[side].path, { n: items, run: `profile-${side}` }),
		);
		const ex = await ctx.n8n.lastExecution(ctx.n8n.workflows[SIDES[side].workflow].id);
		await ctx.n8n.deleteExecution(ex.id);
		out[side] = { ok: result.status === 200, analysis };
		log(
			`  profiled ${SIDES[side].label}: ${analysis ? `${Math.round(analysis.totalMs)} ms sampled` : 'no profile written'}`,
		);
	}
	return out;
}

/**
 * Facts of the built node description the report explains the Send Email numbers with: RoutingNode
 * evaluates, per item, the value of every top-level property whose name is set on the node (namesakes shown
 * for other operations included), then the shown field once more when it builds the request.
 */
function descriptionFacts() {
	const { Coupontools } = require(
		path.join(REPO_ROOT, 'dist', 'nodes', 'Coupontools', 'Coupontools.node.js'),
	);
	const { properties } = new Coupontools().description;
	/** @param {string} name */
	const namesakes = (name) =>
		properties.filter((/** @type {{ name: string }} */ p) => p.name === name).length - 1;
	// email and additionalFields.firstname are the two expressions of the bench workflow: each is evaluated once
	// per property of its name and once more for the request; +1 the base URL.
	const email = namesakes('email');
	const additionalFields = namesakes('additionalFields');
	return {
		properties: properties.length,
		email,
		additionalFields,
		expressionsPerItem: email + 2 + additionalFields + 2 + 1,
	};
}

/** @param {string} version @param {any} opts */
async function benchLine(version, opts) {
	/** @type {Record<string, any>} */
	const results = { version };
	const runtime = await runtimeLib.ensureRuntime(version, { log: (line) => log(`  ${line}`) });
	results.nodeVersion =
		runtime.nodeBinDir === path.dirname(process.execPath)
			? process.version
			: `v${runtimeLib.NODE24_VERSION}`;
	const serverSuites = ['returnall', 'send', 'webhook', 'throttled'].filter((s) =>
		opts.only.includes(s),
	);
	if (serverSuites.length) {
		log(`n8n ${version}: starting the sandbox and n8n with the bench workflows…`);
		const sandbox = await startSandboxProcess();
		const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-bench-prof-'));
		// BENCH_KEEP_PROFILES=<dir>: keep the raw .cpuprofile files (open them in Chrome DevTools) for a closer look.
		const removeProfiles = () => {
			if (process.env.BENCH_KEEP_PROFILES)
				fs.cpSync(profileDir, process.env.BENCH_KEEP_PROFILES, { recursive: true });
			fs.rmSync(profileDir, { recursive: true, force: true });
		};
		process.on('exit', removeProfiles);
		let n8n;
		try {
			n8n = await startBenchStack({
				version,
				sandboxUrl: sandbox.url,
				log,
				env: {
					NODE_OPTIONS: `--expose-gc --require ${path.join(__dirname, 'lib', 'cpu-profile-preload.js')}`,
					BENCH_PROFILE_DIR: profileDir,
					// RoutingNode prepares every item in one synchronous loop; at 10,000 items that blocks n8n's
					// event loop longer than its 5 s database ping timeout, and n8n then answers 503 for a moment.
					// Raised so the measurement completes; the report gives the blocked time (prepMs).
					N8N_DB_PING_TIMEOUT: '600000',
				},
			});
			const ctx = { sandbox, n8n, opts, log, profileDir, runtime };
			if (opts.only.includes('returnall')) {
				log(`n8n ${version}: Return All`);
				results.returnAll = await returnAllSuite(ctx);
			}
			if (opts.only.includes('send')) {
				log(`n8n ${version}: Send Email and the floor`);
				results.send = await sendEmailSuite(ctx);
				if (opts.profile) results.profile = await profileSides(ctx, profileDir);
			}
			if (opts.only.includes('webhook')) {
				log(`n8n ${version}: webhook latency`);
				results.webhook = await webhookSuite(ctx);
			}
			if (opts.only.includes('throttled')) {
				log(
					`n8n ${version}: big batches against a throttling sandbox (${opts.throttleRate}/s, ${opts.throttleLatency} ms)`,
				);
				results.throttled = await throttledSuite(ctx);
			}
		} finally {
			if (n8n) await n8n.stop();
			await sandbox.stop();
			removeProfiles();
			process.off('exit', removeProfiles);
		}
	}
	if (opts.only.includes('startup')) {
		log(`n8n ${version}: start time with and without the package`);
		results.startup = await startupSuite({ runtime, opts, log });
	}
	return results;
}

async function main() {
	const argv = process.argv.slice(2);
	const opts = parseOptions(argv, process.env);
	const started = new Date();
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Coupontools', 'Coupontools.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const machine = describeMachine(REPO_ROOT);
	log(
		`Benchmarks${opts.quick ? ' (--quick)' : ''}: n8n ${opts.versions.join(', ')}; ${machine.cores} cores, load average ${machine.loadAvg.join(' ')}`,
	);
	const lines = [];
	const description = descriptionFacts();
	for (const version of opts.versions) lines.push(await benchLine(version, opts));
	const finished = new Date();
	const report = {
		command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
		opts,
		machine: { ...machine, loadAvgEnd: os.loadavg().map((l) => l.toFixed(2)) },
		started: started.toISOString(),
		minutes: (finished.getTime() - started.getTime()) / 60000,
		description,
		lines,
	};
	const artifacts = path.join(REPO_ROOT, '.artifacts', 'bench');
	fs.mkdirSync(artifacts, { recursive: true });
	fs.writeFileSync(path.join(artifacts, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
	const out = path.resolve(REPO_ROOT, opts.out);
	// Section 6 alone replaces only its part of an existing report; any other run writes the whole file.
	const throttledOnly =
		opts.only.length === 1 && opts.only[0] === 'throttled' && fs.existsSync(out);
	fs.writeFileSync(
		out,
		throttledOnly ? spliceThrottled(fs.readFileSync(out, 'utf8'), report) : renderReport(report),
	);
	log(
		`Wrote ${path.relative(process.cwd(), out)} (raw numbers: ${path.relative(process.cwd(), path.join(artifacts, 'results.json'))}) in ${report.minutes.toFixed(1)} min.`,
	);
}

main().catch((error) => {
	process.stderr.write(`\nBenchmarks failed: ${error?.stack ?? error}\n`);
	process.exit(1);
});
