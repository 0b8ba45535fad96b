// @ts-check
'use strict';
/** Small numeric helpers for the benchmark report. */

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** @param {number[]} values */
function spread(values) {
	return values.length
		? { min: Math.min(...values), max: Math.max(...values) }
		: { min: NaN, max: NaN };
}

/** @param {number} ms */
function fmtMs(ms) {
	if (!Number.isFinite(ms)) return 'n/a';
	if (ms < 0) return `−${fmtMs(-ms)}`;
	if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
	if (ms >= 10) return `${Math.round(ms)} ms`;
	return `${ms.toFixed(2)} ms`;
}

/** @param {number} bytes */
function fmtBytes(bytes) {
	if (!Number.isFinite(bytes)) return 'n/a';
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} B`;
}

/** @param {number} ratio */
function fmtRatio(ratio) {
	return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { median, spread, fmtMs, fmtBytes, fmtRatio, sleep };
