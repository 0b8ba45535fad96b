// @ts-check
'use strict';
/** BENCHMARKS.md from the raw results of bench/run.js. The prose below is generated with the numbers; do not edit the file by hand. */

const { fmtMs, fmtBytes, fmtRatio } = require('./lib/stats');

/** @param {string[]} head @param {(string | number)[][]} rows */
function table(head, rows) {
	return [
		`| ${head.join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
}
const n = (/** @type {number} */ x) => x.toLocaleString('en-US');
/** @param {number} value @param {(v: number) => boolean} good */
const verdict = (value, good) =>
	Number.isFinite(value) ? (good(value) ? '**met**' : '**missed**') : 'n/a';
const yes = (/** @type {boolean | undefined} */ ok) =>
	ok === undefined ? 'n/a' : ok ? '**met**' : '**missed**';
const runs = (/** @type {number[]} */ xs) => (xs?.length ? xs.map((x) => fmtMs(x)).join(', ') : '');

const { SIDES: THROTTLED_SIDES } = require('./suites/throttled');

/** The limiter's start window and ceiling, as built (nodes/Coupontools/shared/limiter/pace.ts, types.ts). */
function limiterWindow() {
	const dir = '../dist/nodes/Coupontools/shared/limiter';
	return {
		start: require(`${dir}/pace`).START_WINDOW,
		ceiling: require(`${dir}/types`).DEFAULT_CEILING,
	};
}

const SIDE_LABELS = {
	ours: 'Coupontools node',
	httpCred: 'HTTP Request node + Coupontools credential',
	http: 'HTTP Request node, headers typed in',
	floor: 'plain Node loop, keep-alive, all in flight (the floor)',
	floorPool: 'plain Node loop, keep-alive pool',
};

/** @param {any} line */
function targetsOf(line) {
	const t = {};
	const send = line.send?.bySize ?? {};
	const sizes = Object.keys(send)
		.map(Number)
		.sort((a, b) => a - b);
	t.sendRatio = sizes.map((size) => {
		const s = send[size];
		return {
			size,
			vsCred: s.ours.nodeMs / s.httpCred.nodeMs,
			vsPlain: s.ours.nodeMs / s.http.nodeMs,
			vsFloor: s.ours.nodeMs / s.floor.nodeMs,
		};
	});
	const ra = line.returnAll?.bySize ?? {};
	const raSizes = Object.keys(ra)
		.map(Number)
		.sort((a, b) => a - b);
	if (raSizes.length >= 2) {
		const small = ra[raSizes[0]];
		const big = ra[raSizes[raSizes.length - 1]];
		t.linear = {
			small,
			big,
			perItemRatio: big.nodeMs / big.sessions / (small.nodeMs / small.sessions),
		};
	}
	t.memory = raSizes.map((size) => {
		const r = ra[size];
		return {
			size,
			grown: r.growth,
			resultBytes: r.resultBytes,
			ratio: r.growth / r.resultBytes,
			peak: r.peakRss,
		};
	});
	if (line.startup) t.startAdded = line.startup.withMs - line.startup.withoutMs;
	if (line.webhook) {
		t.latency = {
			start: line.webhook.triggerVerify.startMs / line.webhook.hook.startMs,
			rtt: line.webhook.triggerVerify.rttMs / line.webhook.hook.rttMs,
			noVerifyStart: line.webhook.triggerNoVerify.startMs / line.webhook.hook.startMs,
			noVerifyRtt: line.webhook.triggerNoVerify.rttMs / line.webhook.hook.rttMs,
		};
	}
	return t;
}

/** @param {any} line @param {any} t */
function summary(line, t) {
	const rows = [];
	for (const r of t.sendRatio) {
		rows.push([
			`1. Send Email, ${n(r.size)} items: per-item time vs HTTP Request (with the credential / headers typed in)`,
			'≤ 1.0',
			`${fmtRatio(r.vsCred)} / ${fmtRatio(r.vsPlain)}`,
			`${verdict(r.vsCred, (v) => v <= 1)} / ${verdict(r.vsPlain, (v) => v <= 1)}`,
		]);
	}
	for (const r of t.sendRatio)
		rows.push([
			`2. Send Email, ${n(r.size)} items: vs the keep-alive floor`,
			'≤ 2×',
			fmtRatio(r.vsFloor),
			verdict(r.vsFloor, (v) => v <= 2),
		]);
	if (t.linear) {
		rows.push([
			`3. Return All ${n(t.linear.big.sessions)} vs ${n(t.linear.small.sessions)}: time per session, big / small`,
			'linear (≤ 1.25)',
			fmtRatio(t.linear.perItemRatio),
			yes(t.linear.perItemRatio <= 1.25),
		]);
	}
	for (const m of t.memory) {
		rows.push([
			`3. Return All ${n(m.size)}: peak RSS growth during the run / result JSON size`,
			'< 3×',
			`${fmtBytes(m.grown)} / ${fmtBytes(m.resultBytes)} = ${fmtRatio(m.ratio)}`,
			yes(m.ratio < 3),
		]);
	}
	if (t.startAdded !== undefined) {
		// A difference smaller than the spread of the starts themselves says nothing either way.
		const spreadMs =
			Math.max(...line.startup.withoutRunsMs) - Math.min(...line.startup.withoutRunsMs);
		const startVerdict =
			Math.abs(t.startAdded) < spreadMs
				? `within the noise (starts vary by ${fmtMs(spreadMs)})`
				: yes(t.startAdded < 50);
		rows.push([
			'4. n8n start: added by the package (median with − without)',
			'< 50 ms',
			fmtMs(t.startAdded),
			startVerdict,
		]);
		rows.push([
			"4. n8n's package loader on this package (fresh process)",
			'< 50 ms',
			fmtMs(line.startup.loaderMs),
			yes(line.startup.loaderMs < 50),
		]);
	}
	if (t.latency) {
		rows.push([
			'5. Trigger (verification on) vs Webhook node: send → execution start',
			'≤ 1.1×',
			fmtRatio(t.latency.start),
			yes(t.latency.start <= 1.1),
		]);
		rows.push([
			'5. Same, HTTP round trip',
			'≤ 1.1×',
			fmtRatio(t.latency.rtt),
			yes(t.latency.rtt <= 1.1),
		]);
		rows.push([
			'5. Trigger with verification off vs Webhook node: send → execution start',
			'(reference)',
			fmtRatio(t.latency.noVerifyStart),
			'',
		]);
	}
	rows.push(...throttledTargets(line));
	return table(['Benchmark', 'Target', 'Measured (median)', 'Result'], rows);
}

/**
 * Section 6's targets. Throttled, on its defaults: our node sends every item once, with few refusals
 * (429s per item) and near the rate, with Retry-After and without it (backoff). Unthrottled: near the
 * HTTP Request node's time, and no slower once the first call is out.
 * @param {any} line
 */
function throttledTargets(line) {
	const th = line.throttled;
	if (!th) return [];
	const rows = [];
	for (const [size, sides] of Object.entries(th.throttled)) {
		for (const [side, refusalTarget] of /** @type {const} */ ([
			['ours', 0.15],
			['oursNoRetryAfter', 0.3],
		])) {
			const r = sides[side];
			if (!r) continue;
			const how = side === 'ours' ? 'with Retry-After' : 'without Retry-After';
			const clean = r.ok && r.sent === r.items && r.duplicateSends === 0 && r.errored === 0;
			rows.push([
				`6. Send Email ${n(Number(size))} items at ${th.rate}/s, ${how}: our node sends all once, no error items`,
				'100%, 0, 0',
				r.ok
					? `${n(r.sent)}/${n(r.items)} sent, ${r.duplicateSends} duplicates, ${r.errored} errors`
					: 'failed',
				yes(clean),
			]);
			rows.push([
				'6. Same: 429s per item',
				`≤ ${refusalTarget}`,
				r.ok ? r.refusedPerItem.toFixed(3) : 'n/a',
				r.ok ? verdict(r.refusedPerItem, (v) => v <= refusalTarget) : '**missed**',
			]);
			// Fast because it gave up is not fast: the time counts only when every item was sent.
			rows.push([
				'6. Same: node time ÷ (items ÷ rate)',
				'≤ 1.10',
				r.ok ? fmtRatio(r.perRate) : 'n/a',
				clean ? verdict(r.perRate, (v) => v <= 1.1) : '**missed** (not every item sent)',
			]);
		}
	}
	for (const [size, sides] of Object.entries(th.unthrottled)) {
		const { ours, http } = sides;
		const ok = ours?.ok && http?.ok;
		const ratio = ok ? ours.nodeMs / http.nodeMs : NaN;
		const after = ok ? (ours.nodeMs - ours.firstCallMs) / (http.nodeMs - http.firstCallMs) : NaN;
		const target = Number(size) === 1000;
		rows.push([
			`6. Send Email ${n(Number(size))} items, no limit, ${th.latencyMs} ms answers: our node vs HTTP Request`,
			target ? '≤ 1.3×' : '(reference)',
			fmtRatio(ratio),
			target ? verdict(ratio, (v) => v <= 1.3) : '',
		]);
		rows.push([
			'6. Same, from the first call to the end',
			target ? '≤ 1.0×' : '(reference)',
			fmtRatio(after),
			target ? verdict(after, (v) => v <= 1) : '',
		]);
	}
	return rows;
}

/** @param {any} line */
function throttledSection(line) {
	const th = line.throttled;
	const head = [
		'Side',
		'sent',
		'errored',
		'duplicate sends',
		'repeated before Retry-After',
		'node time',
		'÷ (items ÷ rate)',
		'before the first call',
		'429s per item',
		'most in flight',
		'most connections',
		'requests (refused)',
	];
	/** @param {string} side @param {any} r @param {boolean} throttled */
	const row = (side, r, throttled) =>
		r?.ok
			? [
					THROTTLED_SIDES[/** @type {keyof typeof THROTTLED_SIDES} */ (side)].label,
					`${n(r.sent)} / ${n(r.items)}`,
					`${n(r.errored)}${r.nodeFailed ? ' (the node failed)' : ''}`,
					n(r.duplicateSends),
					n(r.earlyRepeats),
					r.runsMs?.length > 1 ? `${fmtMs(r.nodeMs)} (runs ${runs(r.runsMs)})` : fmtMs(r.nodeMs),
					throttled ? fmtRatio(r.perRate) : '',
					Number.isFinite(r.firstCallMs) ? fmtMs(r.firstCallMs) : '',
					(r.refused / r.items).toFixed(3),
					n(r.maxInFlight),
					r.maxConnections === undefined ? '' : n(r.maxConnections),
					`${n(r.requests)} (${n(r.refused)})`,
				]
			: [
					THROTTLED_SIDES[/** @type {keyof typeof THROTTLED_SIDES} */ (side)].label,
					`failed: ${r?.reason ?? 'not run'}`,
					...head.slice(2).map(() => ''),
				];
	const out = [
		`### 6. Big batches and rate limits: Send Email against a sandbox accepting ${th.rate} requests/s`,
		'',
		`The sandbox throttles with a token bucket per credential (${th.rate} requests per second, burst ${th.rate}; beyond it HTTP 429 with \`Retry-After: 1\`, or without the header on the "without Retry-After" side) and answers every accepted request after ${th.latencyMs} ms (test/sandbox/README.md, "Rate limit and latency"). Continue On Fail is on, so refused items end as error items and the run finishes, except on the Retry On Fail side: with Continue On Fail n8n retries only when the first item failed, so that side stops on a failed item and n8n runs the whole node again. One run per side when throttled; without a limit, the median of several (bench/suites/throttled.js).`,
		'',
	];
	for (const [size, sides] of Object.entries(th.throttled)) {
		out.push(
			`**${n(Number(size))} items** (at the rate, at least ${fmtMs((Number(size) / th.rate) * 1000)})`,
			'',
			table(
				head,
				Object.keys(THROTTLED_SIDES)
					.filter((side) => sides[side])
					.map((side) => row(side, sides[side], true)),
			),
			'',
		);
		const firstErrors = Object.entries(sides)
			.filter(([, r]) => r?.ok && r.errored)
			.map(([side, r]) => `${side}: "${String(r.firstError).slice(0, 160)}"`);
		if (firstErrors.length) out.push(`First error item per side: ${firstErrors.join('; ')}.`, '');
	}
	for (const [size, sides] of Object.entries(th.unthrottled)) {
		out.push(
			`**No limit, ${th.latencyMs} ms answers, ${n(Number(size))} items**`,
			'',
			table(
				head,
				Object.keys(sides).map((side) => row(side, sides[side], false)),
			),
			'',
		);
	}
	out.push(throttledExplanations(th), '');
	out.push(
		'"sent": distinct addresses the sandbox accepted a send for. "duplicate sends": accepted sends to an address that already had one in this batch (n8n\'s Retry On Fail runs the whole node again). "repeated before Retry-After": a refused request sent again before the wait its answer told was over. "node time": the `executionTime` n8n recorded for the sending node (with Retry On Fail, all tries and the waits between them). "429s per item": refusals the sandbox answered, per item of the batch. "most in flight": the most requests open at once at the sandbox (a refusal answers at once, so refused requests barely count). "most connections": the most connections open at once that carried requests to the sandbox, refused ones included: how many requests the side had out at once. "before the first call": from the node\'s start to the first request reaching the sandbox (n8n\'s engine prepares every item in one synchronous loop first and sends nothing meanwhile). Unthrottled: the median of the runs listed, the two sides alternating.',
		'',
	);
	return out.join('\n');
}

/**
 * The start window's growth per accepted answer, without a limit: one bench run per variant on an otherwise
 * idle machine (bench/start-window.json, "growth").
 * @param {any} growth
 */
function growthTable(growth) {
	return [
		`**Growth per accepted answer, without a limit** (100 ms answers, ${growth.runs} runs per side, medians, ${growth.note}; each variant one \`${growth.command.split(', ')[0]}\`, ${growth.command.split(', ').slice(1).join(', ')}):`,
		'',
		table(
			[
				'Start window',
				'More per accepted answer',
				'Our node',
				'HTTP Request node',
				'Ratio',
				'Before the first call (ours / HTTP)',
				'From the first call on (ratio)',
			],
			growth.variants.map((/** @type {any} */ v) => [
				n(v.startWindow),
				v.startWindow >= 1024 ? '(all at once)' : `+${v.perAcceptedAnswer}`,
				fmtMs(v.oursMs),
				fmtMs(v.httpMs),
				fmtRatio(v.ratio),
				`${fmtMs(v.firstCallOursMs)} / ${fmtMs(v.firstCallHttpMs)}`,
				fmtRatio(v.afterFirstCall),
			]),
		),
	].join('\n');
}

/**
 * How the limiter's start window was chosen: quick looks with the window (and the growth per accepted
 * answer) set by hand in nodes/Coupontools/shared/limiter/pace.ts, kept in bench/start-window.json.
 */
function startWindowChoice() {
	/** @type {any} */
	const data = require('./start-window.json');
	const load = (/** @type {string[]} */ l) => l[0];
	const unthrottled = (/** @type {any} */ u) =>
		`${fmtMs(u.oursMs)} vs ${fmtMs(u.httpMs)}: ${fmtRatio(u.ratio)} (from the first call: ${fmtRatio(u.afterFirstCall)})`;
	return [
		`**How the start window was chosen.** Quick looks on n8n ${data.version}, ${n(data.items)} items, each a run of \`npm run bench -- --only throttled --throttled-sizes 1000 --versions 2.8.4 --runs 3 --no-profile\` (unthrottled pairs: \`--unthrottled-only --runs 5\`) with the start window set in nodes/Coupontools/shared/limiter/pace.ts (bench/start-window.json). A first wave of W requests into a bucket of ${data.rate} costs W − ${data.rate} refusals by itself, so W above about ${data.rate + 0.15 * data.items} misses 0.15 refusals per item at ${n(data.items)} items; a smaller W costs round trips of ${data.latencyMs} ms without a limit.`,
		'',
		table(
			[
				'Start window',
				'429s per item (Retry-After / none)',
				'÷ (items ÷ rate) (Retry-After / none)',
				'No limit: our node vs HTTP Request',
				'load (1 min)',
			],
			data.windows.map((/** @type {any} */ w) => [
				n(w.startWindow),
				`${w.withRetryAfter.refusedPerItem.toFixed(3)} / ${w.withoutRetryAfter.refusedPerItem.toFixed(3)}`,
				`${fmtRatio(w.withRetryAfter.perRate)} / ${fmtRatio(w.withoutRetryAfter.perRate)}`,
				unthrottled(w.unthrottled),
				load(w.loadAvg),
			]),
		),
		'',
		growthTable(data.growth),
		'',
		`The window doubles per round trip while answers are accepted (one more request per accepted answer), as TCP's slow start does (https://www.rfc-editor.org/rfc/rfc5681#section-3.1). Growing faster is quicker without a limit (above), but it is less polite where Coupontools' refusals come back no sooner than its accepted answers: each accepted answer that arrives before the first refusal sends that many more requests into the wave being refused. **A bounded first wave has a floor here:** the batch is all out only after the first wave's answers, a round trip after the first call, where the HTTP Request node has sent everything at once. So a start window costs at least one round trip (${data.latencyMs} ms) on top of the run without one (${n(data.growth.variants.at(-1).startWindow)} at once: ${fmtRatio(data.growth.variants.at(-1).ratio)}, ${fmtMs(data.growth.variants.at(-1).oursMs)}): about ${fmtRatio((data.growth.variants.at(-1).oursMs + data.latencyMs) / data.growth.variants.at(-1).httpMs)} the HTTP Request node, at the 1.3× target with nothing to spare, and from the first call on it is at least one round trip plus the batch's own time, which the HTTP Request node's "from the first call on" does not include. 128 keeps the refusals well inside 0.15 per item. Earlier quick looks under load (growth ${data.gains.map((/** @type {any} */ g) => `+${g.perAcceptedAnswer}: ${unthrottled(g.unthrottled)}`).join('; ')}; none: ${unthrottled(data.unbounded.unthrottled)}) did not separate the variants from the machine's noise.`,
	].join('\n');
}

/** What n8n 2.41 added to the engine's work per item, when the line is 2.41 or later. @param {any} th */
function line41Note(th) {
	return th.engineTwice
		? "Since n8n 2.41 the engine does that work twice per item: it resolves the whole description a second time to find the node's own base URL (RoutingNode.resolveBaseUrl, for the credential's allowed domains), so each expression of the workflow is evaluated 4 times per item instead of 2, and the base URL's expression twice. "
		: '';
}

/**
 * CPU profile of one more unthrottled run per side, by bucket (bench/lib/cpu-profile.js; the window
 * includes the bench's own waits and calls, so "idle" is not the node's).
 * @param {any} profile
 */
function profileTable(profile) {
	const names = new Set([
		...profile.ours.analysis.buckets.map((/** @type {any} */ b) => b.name),
		...profile.http.analysis.buckets.map((/** @type {any} */ b) => b.name),
	]);
	const ms = (/** @type {any} */ side, /** @type {string} */ name) => {
		const bucket = side.analysis.buckets.find((/** @type {any} */ b) => b.name === name);
		return bucket ? fmtMs(bucket.ms) : '';
	};
	const perItem = (/** @type {any} */ side) =>
		Number.isFinite(side.analysis.expressions)
			? (side.analysis.expressions / profile.items).toFixed(1)
			: 'not counted';
	return [
		`CPU profile of one more run per side (${n(profile.items)} items, n8n's main process, V8's sampling profiler; bench/lib/cpu-profile.js; the window includes the bench's own waits and calls, so "idle" is not the node's). ${Number.isFinite(profile.ours.analysis.expressions) ? `Expressions n8n evaluated per item meanwhile (counted by bench/lib/cpu-profile-preload.js): ${perItem(profile.ours)} for the Coupontools node, ${perItem(profile.http)} for the HTTP Request node. ` : ''}The Coupontools side has two expressions, the address and the first name, and a third of its own, the base URL from the credential (the node's request defaults, which n8n's engine uses to tell the node's own host for the credential's allowed domains); the HTTP Request side has one, its JSON body with both values.`,
		'',
		table(
			['Where the time goes', 'Coupontools node', 'HTTP Request node'],
			[...names].map((name) => [name, ms(profile.ours, name), ms(profile.http, name)]),
		),
	].join('\n');
}

/**
 * Where the time of our side goes when a target of section 6 is missed: before the first call (n8n's
 * engine preparing items; the bucket holds only one second of tokens meanwhile) and the sending itself.
 * @param {any} th
 */
function throttledExplanations(th) {
	const out = [];
	for (const [size, sides] of Object.entries(th.throttled)) {
		const r = sides.ours;
		if (!r?.ok || !(r.perRate > 1.1) || !Number.isFinite(r.firstCallMs)) continue;
		const items = Number(size);
		const floorMs = (Math.max(0, items - th.rate) / th.rate) * 1000;
		const sendingMs = r.nodeMs - r.firstCallMs;
		out.push(
			`**Why ${n(items)} items at ${th.rate}/s took ${fmtRatio(r.perRate)} items ÷ rate:** of the node's ${fmtMs(r.nodeMs)}, ${fmtMs(r.firstCallMs)} passed before the first call (n8n's engine preparing every item; it sends nothing meanwhile, and the sandbox's bucket saves at most ${th.rate} requests, one second, of that time), and sending took ${fmtMs(sendingMs)}, ${fmtRatio(sendingMs / floorMs)} the ${fmtMs(floorMs)} the bucket needs for ${n(items)} requests after its first ${th.rate}. The HTTP Request node with Batching is not held up this way: its engine loop sleeps between batches, so it prepares items while it waits.`,
		);
	}
	for (const [size, sides] of Object.entries(th.unthrottled)) {
		const ours = sides.ours;
		const http = sides.http;
		if (!ours?.ok || !http?.ok || !(ours.nodeMs / http.nodeMs > 1.3)) continue;
		const oursAfter = ours.nodeMs - ours.firstCallMs;
		const httpAfter = http.nodeMs - http.firstCallMs;
		const before = ours.firstCallMs - http.firstCallMs;
		const after = oursAfter - httpAfter;
		const { start, ceiling } = limiterWindow();
		const engine = `before the first call, where n8n's declarative engine (RoutingNode, n8n-core's routing-node.js) prepares every item in one synchronous loop: it resolves every property of the node description and evaluates every expression of the node's parameters once per property of its name and once more for the request. Each evaluation builds a new sandbox for the expression (n8n-workflow's Expression.initializeGlobalContext, the function with the most time of its own in the profile), most of the RoutingNode line in the profile below. The HTTP Request side has the two headers typed in and one expression, its JSON body with both values, evaluated once per item. ${line41Note(th)}`;
		const window = `after the first call, where the limiter's start window holds the batch back: it sends ${n(start)} requests, then two more per accepted answer (up to ${n(ceiling)} in flight, nodes/Coupontools/shared/limiter/pace.ts), so the batch goes out in rounds, one per answer time (${th.latencyMs} ms), and the requests of the later rounds start while answers are being handled, where the HTTP Request node starts every item's request at once. That is the price of a first wave small enough for a throttling Coupontools (the start window's choice below). `;
		const [first, second] = after > before ? [window, engine] : [engine, window];
		const rest = (after > before ? before : after) > 0 ? `The rest is ${second}` : '';
		out.push(
			`**Why ${n(Number(size))} items without a limit took ${fmtRatio(ours.nodeMs / http.nodeMs)} the HTTP Request node's time:** before the first call ${fmtMs(ours.firstCallMs)} (ours) and ${fmtMs(http.firstCallMs)} (HTTP Request), then ${fmtMs(oursAfter)} and ${fmtMs(httpAfter)} for the calls and their answers (${fmtRatio(oursAfter / httpAfter)}). Most of the difference is ${first}${rest}All of the node's own code (limiter, transport, output) is the "Coupontools node code" line.`,
		);
	}
	const profile =
		th.profiles?.ours?.analysis && th.profiles?.http?.analysis ? th.profiles : undefined;
	if (profile && out.length) out.push(profileTable(profile));
	return out.join('\n\n');
}

/** @param {any} line @param {any} opts */
function sendSection(line, opts) {
	const out = ['### 1 and 2. Send Email: Coupontools node vs HTTP Request node vs the floor', ''];
	const same = line.send.sameCalls;
	out.push(
		same.same
			? `Same calls checked before measuring: every side sent \`${same.call.method} ${same.call.path}\` with the headers ${same.call.headers.map((/** @type {string} */ h) => `\`${h}\``).join(', ')} and the body \`${JSON.stringify(same.call.body)}\` (only the user agent differs: ${Object.entries(
					same.userAgents,
				)
					.map(([k, v]) => `${k} \`${v}\``)
					.join(', ')}).`
			: `**The calls differed between the sides:** ${same.differences.join('; ')}`,
		'',
	);
	for (const [size, s] of Object.entries(line.send.bySize)) {
		const rows = ['ours', 'httpCred', 'http', 'floor', 'floorPool']
			.filter((side) => s[side]?.runs)
			.map((side) => {
				const r = s[side];
				const label =
					side === 'floorPool'
						? `${SIDE_LABELS.floorPool} (${opts.floorPool} sockets)`
						: SIDE_LABELS[/** @type {keyof typeof SIDE_LABELS} */ (side)];
				return [
					label,
					`${r.ok}/${r.runs}`,
					fmtMs(r.nodeMs),
					fmtMs(r.nodeMs / Number(size)),
					side.startsWith('floor') ? '' : fmtMs(r.wallMs),
					side.startsWith('floor') ? '' : fmtMs(r.prepMs),
					fmtRatio(s.ours.nodeMs / r.nodeMs),
					runs(r.nodeRunsMs) + (r.failures.length ? `; failed: ${r.failures.join('; ')}` : ''),
				];
			});
		out.push(
			`**${n(Number(size))} items**`,
			'',
			table(
				[
					'Side',
					'ok runs',
					'node time (median)',
					'per item',
					'webhook round trip',
					'before the first call',
					'Coupontools ÷ this',
					'runs (node time)',
				],
				rows,
			),
			'',
		);
	}
	out.push(
		'"node time" is the `executionTime` n8n recorded for the sending node (for the floor: first request to last answer). ' +
			"The webhook round trip adds the Webhook and Code nodes (which build the items in n8n's task runner) and saving the execution. " +
			'"before the first call" is the time from the node\'s start to the first request reaching the sandbox: the engine prepares every item in one synchronous loop first, and n8n\'s event loop is blocked meanwhile. ' +
			'"Coupontools ÷ this" is the per-item time ratio (same item count on every side). ' +
			`The HTTP Request + credential side runs up to ${n(opts.credMax)} items (it awaits a credential read per item, so it only adds minutes above that).`,
		'',
	);
	return out.join('\n');
}

/** @param {any} profile */
function profileSection(profile) {
	if (!profile) return '';
	const sides = ['ours', 'httpCred', 'http'].filter((s) => profile[s]?.analysis);
	const names = [
		...new Set(
			sides.flatMap((s) => profile[s].analysis.buckets.map((/** @type {any} */ b) => b.name)),
		),
	];
	const msOf = (/** @type {string} */ side, /** @type {string} */ name) =>
		profile[side].analysis.buckets.find((/** @type {any} */ b) => b.name === name)?.ms ?? 0;
	names.sort((a, b) => msOf('ours', b) - msOf('ours', a));
	const rows = names.map((name) => [
		name,
		...sides.map(
			(side) =>
				`${fmtMs(msOf(side, name))} (${((100 * msOf(side, name)) / profile[side].analysis.totalMs).toFixed(0)}%)`,
		),
	]);
	rows.push([
		'**total sampled**',
		...sides.map((side) => `**${fmtMs(profile[side].analysis.totalMs)}**`),
	]);
	return [
		`### Where the time goes: CPU profile of n8n during one ${n(profile.items)}-item run per side`,
		'',
		"V8's sampling profiler in the n8n main process (bench/lib/cpu-profile-preload.js, started and stopped around the webhook call); every sample is put in the first bucket its stack matches (bench/lib/cpu-profile.js).",
		'',
		table(
			['Bucket', ...sides.map((s) => SIDE_LABELS[/** @type {keyof typeof SIDE_LABELS} */ (s)])],
			rows,
		),
		'',
		`"other" is mostly, by the function on top of the stack (Coupontools side): ${(profile.ours?.analysis?.otherTop ?? []).map((/** @type {any} */ o) => `${o.name} ${fmtMs(o.ms)}`).join('; ')}.`,
		'',
	].join('\n');
}

/** @param {any} line */
function returnAllSection(line) {
	const ra = line.returnAll;
	const rows = Object.values(ra.bySize).map((/** @type {any} */ r) => [
		n(r.sessions),
		r.pages,
		`${r.ok}/${r.runs}`,
		fmtMs(r.nodeMs),
		`${fmtMs((r.nodeMs / r.sessions) * 1000)}`,
		fmtMs(r.wallMs),
		fmtBytes(r.resultBytes),
		fmtBytes(r.rssBefore),
		fmtBytes(r.growth),
		fmtRatio(r.growth / r.resultBytes),
		`${fmtBytes(r.nodeGrowth)} (${fmtRatio(r.nodeGrowth / r.resultBytes)})`,
		runs(r.nodeRunsMs),
	]);
	return [
		'### 3. Return All coupon sessions (Campaign → Get Usage Data → All, Return All on)',
		'',
		`RSS of the n8n main process, idle after start: ${fmtBytes(ra.idleRss)}. Before each run n8n collects its garbage (a full GC, n8n started with --expose-gc for this), then RSS is sampled every 20 ms during the whole webhook call (fetching the pages, building the items, saving the execution); "growth" is the peak minus the RSS just before the run (median of the runs). Result size = the output items' JSON.`,
		'',
		table(
			[
				'sessions',
				'pages',
				'ok runs',
				'node time',
				'per 1,000',
				'webhook round trip',
				'result JSON',
				'RSS before',
				'peak growth',
				'growth ÷ result',
				'growth while the node ran (÷ result)',
				'runs (node time)',
			],
			rows,
		),
		'',
	].join('\n');
}

/** @param {any} line */
function startupSection(line) {
	const s = line.startup;
	return [
		'### 4. n8n start time with and without the package',
		'',
		`\`n8n start\` from spawn to "Editor is now accessible", the two user folders alternating, after one unmeasured start each (migrations). The package is installed the way n8n installs a community package (\`npm pack\`, unpacked into \`.n8n/nodes/node_modules\`, peer dependencies dropped)${s.lazy ? ', so n8n reads its `dist/known` and `dist/types` metadata and loads the node code on first use' : ''}.`,
		'',
		table(
			['', 'median', 'runs'],
			[
				['without the package', fmtMs(s.withoutMs), runs(s.withoutRunsMs)],
				['with the package', fmtMs(s.withMs), runs(s.withRunsMs)],
				['**added**', `**${fmtMs(s.withMs - s.withoutMs)}**`, ''],
				[
					`n8n's loader on the package alone (LazyPackageDirectoryLoader, fresh process, ${s.loaded.nodes} nodes + ${s.loaded.credentials} credential)`,
					fmtMs(s.loaderMs),
					runs(s.loaderRunsMs),
				],
			],
		),
		'',
		`A start varies by hundreds of milliseconds between runs on this machine, more than the 50 ms target, so the difference of medians alone cannot show it; the loader measurement isolates the package's own share.`,
		'',
	].join('\n');
}

/** @param {any} line */
function webhookSection(line, opts) {
	const w = line.webhook;
	const rows = ['hook', 'triggerVerify', 'triggerNoVerify'].map((k) => [
		w[k].label,
		w[k].events,
		fmtMs(w[k].rttMs),
		fmtMs(w[k].startMs),
		runs(w[k].startRunsMs),
		w[k].failures.length ? w[k].failures.join('; ') : '',
	]);
	return [
		'### 5. Webhook to execution: Coupontools Trigger vs the Webhook node',
		'',
		`${opts.events} genuine events per run, recorded by the sandbox and POSTed byte-for-byte the same to the three receivers in turn (rotating order), one at a time. "send → start" is n8n's recorded execution start minus the moment the request was sent (same clock).`,
		'',
		table(
			[
				'Receiver',
				'events',
				'HTTP round trip',
				'send → execution start',
				'runs (send → start)',
				'problems',
			],
			rows,
		),
		'',
	].join('\n');
}

/** @param {any} line @param {any} t @param {any} d */
function explanations(line, t, d) {
	const out = ['### What the numbers say, and where a target is missed', ''];
	const p = line.profile;
	const bucket = (/** @type {string} */ side, /** @type {RegExp} */ re) =>
		(p?.[side]?.analysis?.buckets ?? [])
			.filter((/** @type {any} */ b) => re.test(b.name))
			.reduce((a, b) => a + b.ms, 0);
	if (t.sendRatio.some((/** @type {any} */ r) => r.vsCred > 1 || r.vsPlain > 1)) {
		const routing = bucket('ours', /RoutingNode/);
		const cred = bucket('ours', /credential/);
		const ours = bucket('ours', /Coupontools node code/);
		const oursTotal = p?.ours?.analysis?.totalMs ?? NaN;
		const credHttp = bucket('httpCred', /credential/);
		const httpCode = bucket('httpCred', /HTTP Request node code/);
		const against = (
			/** @type {'vsCred' | 'vsPlain'} */ key,
			/** @type {(v: number) => boolean} */ test,
		) =>
			t.sendRatio
				.filter((/** @type {any} */ r) => Number.isFinite(r[key]) && test(r[key]))
				.map((/** @type {any} */ r) => `${fmtRatio(r[key])} at ${n(r.size)} items`);
		const verdicts = [
			[
				'missed against the HTTP Request node with the headers typed in',
				against('vsPlain', (v) => v > 1),
			],
			[
				'missed against the HTTP Request node using the Coupontools credential',
				against('vsCred', (v) => v > 1),
			],
			[
				'met against the HTTP Request node using the Coupontools credential',
				against('vsCred', (v) => v <= 1),
			],
			[
				'met against the HTTP Request node with the headers typed in',
				against('vsPlain', (v) => v <= 1),
			],
		]
			.filter(([, list]) => list.length)
			.map(([what, list]) => `${what} (${/** @type {string[]} */ (list).join(', ')})`);
		out.push(
			`**Send Email: the ≤ 1.0 target is ${verdicts.join('; ')}.** ` +
				(p
					? `The profile shows where the time goes: n8n's declarative engine (RoutingNode) spends ${fmtMs(routing)} resolving parameters item by item; reading and decrypting the credential takes ${fmtMs(cred)} (once per run, see below); our own code (transport, output, normalize, validation) takes ${fmtMs(ours)}, ${((100 * ours) / oursTotal).toFixed(1)}% of the samples. The HTTP Request node's own code takes ${fmtMs(httpCode)}, and with a credential it reads it once per item too (${fmtMs(credHttp)}), awaited inside its item loop.`
					: 'Run without --no-profile to see the split.'),
			'',
			`- RoutingNode prepares each item by walking *every* top-level property of the node description (${d.properties} here: one description for all resources and operations) and evaluates the value of each one whose name is set on the node, expressions included, even when that property is shown for another operation; then it evaluates the shown field once more to build the request. In the first build Send Email's \`email\` shared its name with 4 fields of other operations and \`additionalFields\` with 6, so this workflow's two expressions cost 15 evaluations per item, each building a new WorkflowDataProxy: the largest share of the RoutingNode time above. The fields of the batch operations (Send Email, Send SMS, Add Contact, Create User, Single Use Create, Subaccount Create) now have names of their own (namesakes now: \`email\` ${d.email}, \`additionalFields\` ${d.additionalFields}), so it is ${d.expressionsPerItem} per item, the engine's floor: each expression twice plus the base URL. test/expressionCost.test.ts counts them through n8n-core and fails if a namesake comes back. The HTTP Request node is programmatic: it reads only its own parameters, once.`,
			`- n8n-core's \`httpRequestWithAuthentication\` reads the credential from the database and decrypts it on every call unless it is handed the decrypted credential; RoutingNode does that only in credential tests, so a declarative node pays it per request, and the reads queue on n8n's database connection pool (it was most of the time after the first request: in the build before this change Send Email took 3.96 s for 1,000 items and 24.1 s for 10,000 on this machine and bench; this run: ${Object.entries(
				line.send?.bySize ?? {},
			)
				.map(([size, s]) => `${fmtMs(/** @type {any} */ (s).ours.nodeMs)} for ${n(Number(size))}`)
				.join(
					', ',
				)}). Our requests read it once per node run and hand it to n8n decrypted (shared/request.ts, tested in test/credentialReads.test.ts), the way RoutingNode already does for \`$credentials\`. The HTTP Request node with a credential still reads it per item: that is why it is the slowest side.`,
			`- Our own code is a small share of the node time: nothing there to win. What is left is the declarative engine's fixed per-item work: a new execution context per item, the walk over every property and its display rules, and each expression evaluated twice. Only a programmatic \`execute()\` would avoid it, and that gives up what the declarative style is for (n8n's recommended style for REST API nodes: descriptions as data, routing, the engine's own pagination and error handling, AI-tool use). ` +
				(t.sendRatio.some((/** @type {any} */ r) => Number.isFinite(r.vsCred))
					? `Against the HTTP Request node with the same credential, the like-for-like way to keep a secret, the ratio is ${t.sendRatio
							.filter((/** @type {any} */ r) => Number.isFinite(r.vsCred))
							.map((/** @type {any} */ r) => `${fmtRatio(r.vsCred)} at ${n(r.size)} items`)
							.join(', ')}. `
					: '') +
				'Against headers typed in as plain text (no credential read at all) a declarative node cannot reach 1.0.',
			'',
		);
	}
	const blocked = Object.entries(line.send?.bySize ?? {}).filter(
		([, s]) => /** @type {any} */ (s).ours.prepMs > 5000,
	);
	if (blocked.length) {
		const [size, s] = /** @type {[string, any]} */ (blocked[blocked.length - 1]);
		out.push(
			`**Large batches block n8n.** At ${n(Number(size))} items the engine spent ${fmtMs(s.ours.prepMs)} preparing items before the first call (HTTP Request node: ${fmtMs(s.http.prepMs)}), in one synchronous loop. Past 5 s n8n's database ping times out (N8N_DB_PING_TIMEOUT, default 5000 ms) and n8n answers every request, webhooks and editor included, with 503 "Database is not ready!" until the next ping succeeds. With the default timeout, the runs measured right after such a block failed with 503, so this benchmark raises it. For batches of thousands, set the node's **Request Options → Batching** (e.g. 200 items per batch, 100 ms interval): the engine then pauses between batches and n8n stays responsive; or split the list with Loop Over Items.`,
			'',
		);
	}
	if (t.sendRatio.some((/** @type {any} */ r) => r.vsFloor > 2)) {
		out.push(
			`**Floor (target ≤ 2× missed).** The floor only serialises a body and parses an answer per call. n8n adds, per item, everything above (parameter resolution, an execution context, axios with a new connection and \`Connection: close\` per request: n8n-core gives every request its own agent, so nothing is kept alive) and stores every item. The HTTP Request node is at ${t.sendRatio.map((/** @type {any} */ r) => `${fmtRatio(line.send.bySize[r.size].http.nodeMs / line.send.bySize[r.size].floor.nodeMs)}`).join(' / ')} of the floor for the same reason: most of the distance is n8n's, not the node's.`,
			'',
		);
	}
	if (t.linear && t.linear.perItemRatio > 1.25) {
		const share = (/** @type {any} */ r, /** @type {RegExp} */ re) => {
			const a = r.profile;
			if (!a) return 'n/a';
			const ms = a.buckets
				.filter((/** @type {any} */ b) => re.test(b.name))
				.reduce((s, b) => s + b.ms, 0);
			return `${fmtMs(ms)} (${((100 * ms) / a.totalMs).toFixed(0)}%)`;
		};
		const { small, big } = t.linear;
		out.push(
			`**Return All is not linear here (${fmtRatio(t.linear.perItemRatio)} per session at the big size).** In a profiled run of each size (whole webhook call), garbage collection takes ${share(small, /garbage/)} at ${n(small.sessions)} and ${share(big, /garbage/)} at ${n(big.sessions)} sessions; our code (paging, output, dates) ${share(small, /Coupontools node code/)} and ${share(big, /Coupontools node code/)}. ` +
				'Every item stays in memory until the execution is saved, so each collection has more live objects to go through as the result grows: that is V8 and the engine keeping the whole result, not the paging, which does the same work per page. ' +
				'Our part: list pages are normalised in place (no second copy of each record), so the node allocates no more than the parsed answers themselves.',
			'',
		);
	}
	const memMissed = t.memory.filter((/** @type {any} */ m) => m.ratio >= 3);
	if (memMissed.length) {
		const ra = line.returnAll.bySize;
		out.push(
			`**Peak memory over 3× the result (${memMissed.map((/** @type {any} */ m) => `${n(m.size)}: ${fmtRatio(m.ratio)}`).join(', ')}).** ` +
				`While the node itself runs, RSS grows by ${memMissed.map((/** @type {any} */ m) => `${fmtBytes(ra[m.size].nodeGrowth)} (${fmtRatio(ra[m.size].nodeGrowth / m.resultBytes)})`).join(', ')}; the rest of the peak comes after it, while n8n keeps the output and serialises the whole run into the execution record it saves (flatted JSON of every item, then the SQLite write). ` +
				'The 3× bound is below what V8 needs to hold the items at all: a record parsed from JSON takes several times its text size as JavaScript objects, and n8n keeps every item in memory until the execution is saved. ' +
				'Our code normalises each page in place as it arrives (no copy of the records) and holds nothing after the node returns.',
			'',
		);
	}
	if (t.startAdded !== undefined) {
		out.push(
			`**Start-up.** n8n's loader needs ${fmtMs(line.startup.loaderMs)} for this package${line.startup.lazy ? ": the build writes n8n's lazy-loading metadata (`dist/known`, `dist/types`, with n8n-core's n8n-generate-metadata, as n8n-nodes-base does), so at start n8n reads four JSON files and loads the node code only when a workflow first uses it" : ' (eager: it requires every compiled file and builds both node descriptions)'}. The difference of whole-start medians (${fmtMs(t.startAdded)}) is smaller than how much a start varies from run to run on this machine, so it cannot confirm or refute 50 ms; the loader figure is the package's own share.`,
			'',
		);
	}
	if (t.latency && (t.latency.start > 1.1 || t.latency.rtt > 1.1)) {
		const w = line.webhook;
		const within = (/** @type {number} */ r) => (r <= 1.1 ? 'within' : 'outside');
		out.push(
			`**Trigger latency over 1.1× (verification on).** Verification is a call back to Coupontools (POST /v3/webhook/verification) before the workflow may start: that is the documented way to know an event is genuine, and it costs one API round trip by design (here ${fmtMs(w.triggerVerify.startMs - w.triggerNoVerify.startMs)} more to the execution start than with verification off; against the real API it is one internet round trip). ` +
				`With verification off the trigger is at ${fmtRatio(t.latency.noVerifyStart)} of the Webhook node from send to execution start (${within(t.latency.noVerifyStart)} the target) and ${fmtRatio(t.latency.noVerifyRtt)} for the HTTP round trip (${within(t.latency.noVerifyRtt)}; ${fmtMs(w.triggerNoVerify.rttMs)} vs ${fmtMs(w.hook.rttMs)}: n8n answers only after the trigger's webhook() has read the payload, filtered the event type and checked it against the events already started, where the Webhook node's webhook() only passes the body on). ` +
				'Verification stays on by default: without it anyone who knows the URL can start the workflow with a made-up event.',
			'',
		);
	}
	return out.join('\n');
}

/** @param {any} report */
function renderReport(report) {
	const { machine, opts } = report;
	const parts = [
		'# Benchmarks',
		'',
		`Generated by \`${report.command}\` on ${report.started.slice(0, 16).replace('T', ' ')} UTC in ${report.minutes.toFixed(1)} minutes. Do not edit by hand: run the command again.`,
		'',
		'## Machine and versions',
		'',
		table(
			['', ''],
			[
				['CPU', `${machine.cores} cores, ${machine.cpu}`],
				['Memory', `${machine.memoryGiB} GiB`],
				['OS', machine.os],
				['Node (driver, sandbox, floor)', machine.driverNode],
				...report.lines.map((/** @type {any} */ l) => [
					`n8n ${l.version}`,
					`runs on Node ${l.nodeVersion}`,
				]),
				['Package', `n8n-nodes-coupontools ${machine.packageVersion} (git ${machine.revision})`],
				[
					'Load average (1/5/15 min) at start / end',
					`${machine.loadAvg.join(' ')} / ${machine.loadAvgEnd.join(' ')}`,
				],
			],
		),
		'',
		'The load average is what else ran on the machine: numbers taken on a busy machine are slower and noisier, the ratios (both sides measured in the same minutes, order rotated) less so.',
		'',
		'## Method',
		'',
		'- A real n8n (pinned, provisioned by scripts/lib/n8n-runtime.js, outside the clone) with this package installed from its packed tarball as n8n installs a community package (scripts/lib/pack.js), SQLite, default settings; the Coupontools sandbox (test/sandbox) in its own Node process with a listen backlog of 4096; everything on 127.0.0.1.',
		`- Every workflow starts from a production webhook (bench/workflows.js), so one n8n serves every run. Medians of ${opts.runs} runs per measurement; sides alternate and their order rotates per run.`,
		'- Send Email items come from a Code node (distinct addresses, Check Unique off: every item really sends). Each run is checked: as many output items as inputs, every one confirmed (`action: email_sent`), and the sandbox received exactly that many calls. The HTTP Request side sends the same method, path, headers and body (checked first, see below), once with the Coupontools credential ("Predefined Credential Type", the way secrets should be kept) and once with the two headers typed into the node.',
		`- The floor (bench/floor.js) is a Node loop with a keep-alive agent doing the same calls with every item in flight at once, the concurrency of n8n's engine (RoutingNode and the HTTP Request node start every item's request before awaiting any); a second floor uses a pool of ${opts.floorPool} keep-alive sockets.`,
		"- Return All: `sandbox.state.seedSessions('cam_1005', N)` (control endpoint), pages of 5,000; RSS of the n8n main process from /proc, sampled every 20 ms.",
		'- Start: `n8n start` until "Editor is now accessible", with and without the package, alternating. Loader: n8n-core\'s LazyPackageDirectoryLoader on the installed package in a fresh process.',
		'- Webhook latency: the sandbox records genuine events (POST /__sandbox/webhooks/deliver to a local receiver), the driver POSTs the same payload to each receiver.',
		'',
		`Settings of this run: ${JSON.stringify({ runs: opts.runs, sendSizes: opts.sendSizes, sessionSizes: opts.sessionSizes, startRuns: opts.startRuns, loaderRuns: opts.loaderRuns, events: opts.events, floorPool: opts.floorPool, throttledSizes: opts.throttledSizes, throttleRate: opts.throttleRate, throttleLatency: opts.throttleLatency, only: opts.only })}.`,
		'',
	];
	for (const line of report.lines) {
		const t = targetsOf(line);
		parts.push(`## n8n ${line.version} (Node ${line.nodeVersion})`, '', summary(line, t), '');
		if (line.send) parts.push(sendSection(line, opts), profileSection(line.profile));
		if (line.returnAll) parts.push(returnAllSection(line));
		if (line.startup) parts.push(startupSection(line));
		if (line.webhook) parts.push(webhookSection(line, opts));
		if (line.throttled) parts.push(throttledSection(line));
		parts.push(explanations(line, t, report.description));
	}
	if (report.lines.some((/** @type {any} */ l) => l.throttled)) parts.push(startWindowChoice(), '');
	parts.push(
		'## Running it',
		'',
		'```',
		'npm run build              # the benchmarks measure dist/',
		'npm run bench              # full run, about 15 minutes on 2 cores; writes BENCHMARKS.md',
		'npm run bench -- --quick   # small sizes, a few minutes (a smoke run; do not commit its report)',
		'npm run bench -- --help    # sizes, runs, n8n lines (e.g. --versions 2.8.4,2.41.1), subsets (--only send)',
		'```',
		'',
		'Environment variables BENCH_RUNS, BENCH_SEND_SIZES, BENCH_SESSIONS, BENCH_START_RUNS, BENCH_LOADER_RUNS, BENCH_EVENTS and BENCH_VERSIONS set the same as the flags. The first run installs the pinned n8n (about 6 minutes). Benchmarks are not part of `npm test`. bench/profile/sendEmail.profile.ts (run with `npx jest -c bench/jest.profile.config.js`) measures the same Send Email in-process with three variants of the node description and counts the expressions evaluated per item.',
		'',
	);
	return `${parts
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim()}\n`;
}

/** Where a report of section 6 alone goes inside BENCHMARKS.md (bench/run.js splices it in). */
const THROTTLED_START = '<!-- bench: section 6, written by `npm run bench -- --only throttled` -->';
const THROTTLED_END = '<!-- /bench: section 6 -->';

/**
 * Section 6 on its own (`--only throttled`): its own "generated by" line, the machine's load and, per n8n
 * line, its targets, tables and explanations. The rest of BENCHMARKS.md stays as the full run wrote it.
 * @param {any} report
 */
function renderThrottledOnly(report) {
	const { machine } = report;
	const parts = [
		THROTTLED_START,
		'',
		'## Big batches and rate limits (section 6, run on its own)',
		'',
		`Generated by \`${report.command}\` on ${report.started.slice(0, 16).replace('T', ' ')} UTC in ${report.minutes.toFixed(1)} minutes, package git ${machine.revision}; load average (1/5/15 min) at start / end ${machine.loadAvg.join(' ')} / ${machine.loadAvgEnd.join(' ')} on ${machine.cores} cores. Do not edit by hand: run the command again.`,
		'',
	];
	for (const line of report.lines) {
		if (!line.throttled) continue;
		parts.push(
			`### n8n ${line.version} (Node ${line.nodeVersion})`,
			'',
			table(['Benchmark', 'Target', 'Measured', 'Result'], throttledTargets(line)),
			'',
			throttledSection(line).replace(/^### 6\. /, '#### 6. '),
			'',
		);
	}
	parts.push(startWindowChoice(), '', THROTTLED_END);
	return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * BENCHMARKS.md with section 6 replaced (or added before "Running it") by a report of that section alone.
 * @param {string} existing @param {any} report
 */
function spliceThrottled(existing, report) {
	const block = renderThrottledOnly(report);
	const start = existing.indexOf(THROTTLED_START);
	const end = existing.indexOf(THROTTLED_END);
	if (start !== -1 && end > start)
		return existing.slice(0, start) + block + existing.slice(end + THROTTLED_END.length);
	const running = existing.indexOf('\n## Running it');
	if (running === -1) return `${existing.trimEnd()}\n\n${block}\n`;
	return `${existing.slice(0, running).trimEnd()}\n\n${block}\n${existing.slice(running)}`;
}

module.exports = { renderReport, spliceThrottled, startWindowChoice };
