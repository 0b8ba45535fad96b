// @ts-check
'use strict';
/**
 * 3. Return All over N coupon sessions (Campaign → Get Usage Data → All, pages of 5,000): time and the
 *    RSS of the n8n process, sampled while the run goes on, against the size of the result (its items'
 *    JSON). Before each run n8n collects its garbage, so the growth measured is the run's own.
 */

const { nodeRun, executionWallMs } = require('../lib/n8n');
const { withPeakRss, rssOf } = require('../lib/rss');
const { median, sleep } = require('../lib/stats');
const { CAMPAIGN } = require('../workflows');
const { profileDuring } = require('../lib/cpu-profile');

/**
 * A full garbage collection in n8n (SIGWINCH, see cpu-profile-preload.js), then its RSS once settled: what
 * the next run starts from, without the garbage of the previous one (e.g. reading its execution back).
 * @param {number} pid
 */
async function settledRss(pid) {
	process.kill(pid, 'SIGWINCH');
	await sleep(1500);
	return rssOf(pid);
}

/** @param {any} ctx  { sandbox, n8n, opts, log } */
async function returnAllSuite(ctx) {
	const { sandbox, n8n, opts, log } = ctx;
	const wf = n8n.workflows.returnAll;

	// Warm-up on the seeded 5-session campaign: code paths loaded, then the idle baseline.
	await sandbox.reset();
	await n8n.webhook('bench-return-all', { campaign: 'cam_1001' });
	await n8n.deleteExecution((await n8n.lastExecution(wf.id)).id);
	const idleRss = await settledRss(n8n.pid);

	/** @type {Record<number, any>} */
	const bySize = {};
	for (const sessions of [...opts.sessionSizes].sort((a, b) => a - b)) {
		await sandbox.reset();
		const seeded = await sandbox.seedSessions(CAMPAIGN, sessions);
		const pages = Math.ceil(sessions / 5000);
		const runs = [];
		let resultBytes = NaN;
		for (let run = 1; run <= opts.runs; run++) {
			await settledRss(n8n.pid);
			const {
				result: res,
				before,
				peak,
				samples,
			} = await withPeakRss(n8n.pid, () => n8n.webhook('bench-return-all', { campaign: CAMPAIGN }));
			const ex = await n8n.lastExecution(wf.id);
			const list = nodeRun(ex, 'Get sessions');
			const ok =
				res.status === 200 && ex.status === 'success' && list.items.length === seeded.total;
			if (ok && run === 1)
				resultBytes = Buffer.byteLength(
					JSON.stringify(list.items.map((/** @type {any} */ item) => item.json)),
				);
			// The highest RSS while the node itself ran (n8n's startTime + executionTime), apart from saving.
			const nodeEnd = list.startTime + list.ms;
			const duringNode = Math.max(
				before,
				...samples.filter(([at]) => at >= list.startTime && at <= nodeEnd).map(([, rss]) => rss),
			);
			runs.push({
				ok,
				nodeMs: list.ms,
				wallMs: res.ms,
				executionMs: executionWallMs(ex),
				items: list.items.length,
				rssBefore: before,
				rssPeak: peak,
				growth: peak - before,
				nodeGrowth: duringNode - before,
			});
			log(
				`  return all ${sessions} sessions, run ${run}: ${ok ? `node ${Math.round(list.ms)} ms, RSS ${Math.round(before / 1048576)} → peak ${Math.round(peak / 1048576)} MB` : `FAILED (${list.items.length} items, ${ex.status})`}`,
			);
			await n8n.deleteExecution(ex.id);
			await sleep(500);
		}
		// One more run, profiled: how the time splits (garbage collection grows with the result kept in memory).
		let profile;
		if (opts.profile && ctx.profileDir) {
			await settledRss(n8n.pid);
			profile = (
				await profileDuring(n8n.pid, ctx.profileDir, () =>
					n8n.webhook('bench-return-all', { campaign: CAMPAIGN }),
				)
			).analysis;
			await n8n.deleteExecution((await n8n.lastExecution(wf.id)).id);
		}
		const ok = runs.filter((r) => r.ok);
		bySize[sessions] = {
			profile,
			sessions: seeded.total,
			pages,
			ok: ok.length,
			runs: runs.length,
			nodeMs: median(ok.map((r) => r.nodeMs)),
			nodeRunsMs: ok.map((r) => r.nodeMs),
			wallMs: median(ok.map((r) => r.wallMs)),
			peakRss: Math.max(...ok.map((r) => r.rssPeak)),
			growth: median(ok.map((r) => r.growth)),
			growthRuns: ok.map((r) => r.growth),
			nodeGrowth: median(ok.map((r) => r.nodeGrowth)),
			rssBefore: median(ok.map((r) => r.rssBefore)),
			resultBytes,
		};
	}
	return { idleRss, bySize };
}

module.exports = { returnAllSuite };
