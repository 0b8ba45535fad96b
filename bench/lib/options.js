// @ts-check
'use strict';
/** Benchmark settings: defaults, `--quick`, flags, and BENCH_* environment variables (flags win). */

const FULL = {
	versions: ['2.8.4'],
	runs: 3,
	sendSizes: [1000, 10000],
	sessionSizes: [10000, 100000],
	startRuns: 3,
	loaderRuns: 10,
	events: 20,
	floorPool: 32,
	credMax: 1000,
	throttledSizes: [1000, 10000],
	throttleRate: 50,
	throttleLatency: 100,
	unthrottledOnly: false,
	only: ['returnall', 'send', 'webhook', 'throttled', 'startup'],
	profile: true,
	out: 'BENCHMARKS.md',
};

const QUICK = {
	...FULL,
	sendSizes: [100, 500],
	sessionSizes: [5000, 20000],
	throttledSizes: [100, 500],
	startRuns: 2,
	loaderRuns: 5,
	events: 10,
};

const USAGE = `Usage: npm run bench [-- options]

  --quick                 small sizes (Send Email 100/500, Return All 5,000/20,000, 2 starts, 10 events): a few minutes
  --versions 2.8.4,2.41.1 n8n lines to measure (default 2.8.4)             env BENCH_VERSIONS
  --runs N                runs per measurement, medians reported (default 3)  env BENCH_RUNS
  --send-sizes 1000,10000 Send Email item counts                            env BENCH_SEND_SIZES
  --sessions 10000,100000 Return All session counts                         env BENCH_SESSIONS
  --start-runs N          n8n starts per variant (default 3)                env BENCH_START_RUNS
  --loader-runs N         loader probes (default 10)                        env BENCH_LOADER_RUNS
  --events N              webhook events per run and receiver (default 20)  env BENCH_EVENTS
  --floor-pool N          sockets of the bounded keep-alive floor (default 32)
  --cred-max N            largest Send Email size also run with HTTP Request + credential (default 1000)
  --throttled-sizes 1000,10000  item counts of the throttled comparison (1 run per side)  env BENCH_THROTTLED_SIZES
  --rate N                requests per second the sandbox accepts in the throttled runs (default 50)
  --latency MS            the sandbox's answer time in the throttled and unthrottled runs (default 100)
  --unthrottled-only      of the throttled suite, only the unthrottled comparison (a quick look; do not commit its report)
  --only a,b              subset of: returnall, send, webhook, throttled, startup
  --no-profile            skip the CPU profiles (one Send Email run per side; one unthrottled run per side)
  --out FILE              report file (default BENCHMARKS.md)`;

/** @param {string} v */
const list = (v) =>
	v
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
/** @param {string} v */
const numbers = (v) => list(v).map((s) => Number(s.replace(/_/g, '')));

/** @param {string[]} argv @param {NodeJS.ProcessEnv} env */
function parseOptions(argv, env) {
	const quick = argv.includes('--quick');
	const opts = { ...(quick ? QUICK : FULL), quick };
	if (env.BENCH_VERSIONS) opts.versions = list(env.BENCH_VERSIONS);
	if (env.BENCH_RUNS) opts.runs = Number(env.BENCH_RUNS);
	if (env.BENCH_SEND_SIZES) opts.sendSizes = numbers(env.BENCH_SEND_SIZES);
	if (env.BENCH_SESSIONS) opts.sessionSizes = numbers(env.BENCH_SESSIONS);
	if (env.BENCH_START_RUNS) opts.startRuns = Number(env.BENCH_START_RUNS);
	if (env.BENCH_LOADER_RUNS) opts.loaderRuns = Number(env.BENCH_LOADER_RUNS);
	if (env.BENCH_EVENTS) opts.events = Number(env.BENCH_EVENTS);
	if (env.BENCH_THROTTLED_SIZES) opts.throttledSizes = numbers(env.BENCH_THROTTLED_SIZES);
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value\n\n${USAGE}`);
			return v;
		};
		const name = arg.split('=')[0];
		if (name === '--quick') continue;
		else if (name === '--versions') opts.versions = list(value());
		else if (name === '--runs') opts.runs = Number(value());
		else if (name === '--send-sizes') opts.sendSizes = numbers(value());
		else if (name === '--sessions') opts.sessionSizes = numbers(value());
		else if (name === '--start-runs') opts.startRuns = Number(value());
		else if (name === '--loader-runs') opts.loaderRuns = Number(value());
		else if (name === '--events') opts.events = Number(value());
		else if (name === '--floor-pool') opts.floorPool = Number(value());
		else if (name === '--cred-max') opts.credMax = Number(value());
		else if (name === '--throttled-sizes') opts.throttledSizes = numbers(value());
		else if (name === '--rate') opts.throttleRate = Number(value());
		else if (name === '--latency') opts.throttleLatency = Number(value());
		else if (name === '--only') opts.only = list(value()).map((s) => s.toLowerCase());
		else if (name === '--no-profile') opts.profile = false;
		else if (name === '--unthrottled-only') opts.unthrottledOnly = true;
		else if (name === '--out') opts.out = value();
		else if (name === '--help' || name === '-h') {
			process.stdout.write(`${USAGE}\n`);
			process.exit(0);
		} else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
	}
	const counts = [
		opts.runs,
		opts.startRuns,
		opts.loaderRuns,
		opts.events,
		opts.floorPool,
		...opts.sendSizes,
		...opts.sessionSizes,
		...opts.throttledSizes,
		opts.throttleRate,
	];
	if (!Number.isInteger(opts.throttleLatency) || opts.throttleLatency < 0)
		throw new Error(`--latency must be a whole number of ms >= 0\n\n${USAGE}`);
	if (!counts.every((n) => Number.isInteger(n) && n > 0))
		throw new Error(`Sizes and counts must be positive integers\n\n${USAGE}`);
	// Bounded on purpose: the sandbox keeps every request in memory, n8n every item in its database.
	if (
		Math.max(...opts.sendSizes) > 50_000 ||
		Math.max(...opts.sessionSizes) > 500_000 ||
		Math.max(...opts.throttledSizes) > 50_000 ||
		opts.runs > 20
	) {
		throw new Error('Refusing sizes over 50,000 items / 500,000 sessions or more than 20 runs');
	}
	const unknown = opts.only.filter((s) => !FULL.only.includes(s));
	if (unknown.length)
		throw new Error(`--only takes ${FULL.only.join(', ')}; got ${unknown.join(', ')}`);
	return opts;
}

module.exports = { parseOptions, USAGE };
