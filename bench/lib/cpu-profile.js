// @ts-check
'use strict';
/**
 * Where the time goes inside n8n during one run: sample n8n's main process with V8's profiler
 * (cpu-profile-preload.js) and put every sample in one bucket, by what is on its stack.
 */

const fs = require('node:fs');
const path = require('node:path');
const { sleep } = require('./stats');

const PROFILER = 'the profiler itself (not counted)';

/** First matching rule wins; `stack` tests any frame, `leaf` the innermost JavaScript frame. */
const BUCKETS = [
	// Stopping the profiler serialises the profile inside n8n (inspector `dispatch`): our own cost, left out.
	// (Its expression counter, `proto.resolveSimpleParameterValue`, wraps n8n's evaluations: those count.)
	{ name: PROFILER, stack: /^(?!proto\.resolveSimpleParameterValue ).*cpu-profile-preload\.js/m },
	{
		name: 'credential read + decrypt, once per request (n8n engine)',
		stack: /\b(getCredentials|_getCredentials|getDecrypted)\b|credentials-helper\.js/,
	},
	{
		name: 'HTTP client: axios, sockets, parsing (n8n engine)',
		stack:
			/axios|follow-redirects|request-helper-functions|proxy-from-env|node:_http|node:net|node:tls|parse-incoming-message/,
	},
	{
		name: 'Coupontools node code (transport, output, normalize, validation)',
		leaf: /\/dist\/(nodes\/Coupontools(Trigger)?|credentials)\//,
	},
	{ name: 'HTTP Request node code', stack: /HttpRequest/ },
	{
		name: 'per-item parameter resolution: expressions, display rules (RoutingNode, n8n engine)',
		stack: /routing-node\.js/,
	},
	{
		name: 'expressions evaluated by the node (n8n engine)',
		stack: /expression\.js|workflow-data-proxy/,
	},
	{
		name: 'execution data: saving, serialising (n8n engine)',
		stack: /@n8n\/db|typeorm|sqlite3|flatted|execution\.repository|shared-hook-functions/,
	},
	{ name: 'garbage collection', self: /^\(garbage collector\)$/ },
	{ name: 'idle (waiting for the sandbox)', self: /^\(idle\)$/ },
];
const OTHER = 'other (engine, native, event loop)';

/** @param {any} profile */
function bucketize(profile) {
	const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	/** @type {Map<number, string>} */
	const bucketOf = new Map();
	const classify = (/** @type {number} */ id) => {
		const frames = [];
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
			const f = nodes.get(cur).callFrame;
			frames.push({ fn: f.functionName || '(anonymous)', url: f.url || '' });
		}
		const leaf = frames.find((f) => f.url) ?? frames[0];
		const text = frames.map((f) => `${f.fn} ${f.url}`).join('\n');
		for (const b of BUCKETS) {
			if (b.stack && b.stack.test(text)) return b.name;
			if (b.leaf && leaf && b.leaf.test(leaf.url)) return b.name;
			if (b.self && b.self.test(frames[0].fn)) return b.name;
		}
		return OTHER;
	};
	/** @type {Record<string, number>} */
	const ms = {};
	/** @type {Record<string, number>} what "other" is made of, by the function on top of the stack */
	const otherSelf = {};
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const id = profile.samples[i];
		if (!bucketOf.has(id)) bucketOf.set(id, classify(id));
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		const name = /** @type {string} */ (bucketOf.get(id));
		if (name === PROFILER) continue;
		ms[name] = (ms[name] ?? 0) + dt;
		total += dt;
		if (name === OTHER) {
			const f = nodes.get(id).callFrame;
			const where = `${f.functionName || '(anonymous)'}${f.url ? ` (${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '')})` : ''}`;
			otherSelf[where] = (otherSelf[where] ?? 0) + dt;
		}
	}
	return {
		totalMs: total,
		buckets: Object.entries(ms)
			.sort((a, b) => b[1] - a[1])
			.map(([name, t]) => ({ name, ms: t })),
		otherTop: Object.entries(otherSelf)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 5)
			.map(([name, t]) => ({ name, ms: t })),
	};
}

/**
 * Profile n8n (pid) while `fn` runs; needs n8n started with cpu-profile-preload.js and BENCH_PROFILE_DIR.
 * The analysis also has `expressions`: how many expressions n8n evaluated meanwhile.
 * @template T @param {number} pid @param {string} dir @param {() => Promise<T>} fn
 */
async function profileDuring(pid, dir, fn) {
	const before = new Set(fs.readdirSync(dir));
	process.kill(pid, 'SIGUSR2');
	await sleep(200);
	const result = await fn();
	process.kill(pid, 'SIGUSR2');
	for (let i = 0; i < 100; i++) {
		const file = fs.readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
		if (file) {
			await sleep(300); // the write may still be going on
			const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			const counted = path.join(dir, file.replace(/\.cpuprofile$/, '.expressions.json'));
			const expressions = fs.existsSync(counted)
				? JSON.parse(fs.readFileSync(counted, 'utf8')).expressions
				: undefined;
			return { result, analysis: { ...bucketize(profile), expressions } };
		}
		await sleep(200);
	}
	return { result, analysis: undefined };
}

module.exports = { profileDuring, bucketize };
