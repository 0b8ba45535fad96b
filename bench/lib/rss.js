// @ts-check
'use strict';
/** Samples a process's resident set size (Linux /proc) while a measured call runs. */

const fs = require('node:fs');

/** @param {number} pid @returns {number} bytes, NaN when unreadable */
function rssOf(pid) {
	try {
		const kb = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Number(kb) * 1024 : NaN;
	} catch {
		return NaN;
	}
}

/**
 * Run `fn` while sampling the RSS of `pid` every `intervalMs`; resolves its result and the peak.
 * @template T
 * @param {number} pid @param {() => Promise<T>} fn @param {number} [intervalMs]
 * @returns {Promise<{ result: T, before: number, peak: number, samples: [number, number][] }>} samples: [epoch ms, bytes]
 */
async function withPeakRss(pid, fn, intervalMs = 20) {
	const before = rssOf(pid);
	let peak = before;
	/** @type {[number, number][]} */
	const samples = [[Date.now(), before]];
	const timer = setInterval(() => {
		const now = rssOf(pid);
		samples.push([Date.now(), now]);
		if (now > peak) peak = now;
	}, intervalMs);
	try {
		const result = await fn();
		const last = rssOf(pid);
		samples.push([Date.now(), last]);
		peak = Math.max(peak, last);
		return { result, before, peak, samples };
	} finally {
		clearInterval(timer);
	}
}

module.exports = { rssOf, withPeakRss };
