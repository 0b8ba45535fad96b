// @ts-check
/**
 * Globals for bench/profile/*.profile.ts: the settings (from the environment) and a way out for the results.
 * Plain JS on purpose: the n8n lint rules the TypeScript follows forbid process, fs and console there.
 *   PROFILE_ITEMS (default 1000), PROFILE_RUNS (default 3), PROFILE_VARIANT (only that variant),
 *   PROFILE_OUT (also write the results as JSON to this file)
 */
const fs = require('node:fs');

/** @type {any} */ (global).profileSettings = {
	items: Number(process.env.PROFILE_ITEMS ?? 1000),
	runs: Number(process.env.PROFILE_RUNS ?? 3),
	variant: process.env.PROFILE_VARIANT ?? '',
};

/** @param {string} line */
/** @type {any} */ (global).profileLog = (line) => fs.writeSync(1, `${line}\n`);

/** @param {unknown} results */
/** @type {any} */ (global).profileReport = (results) => {
	if (process.env.PROFILE_OUT)
		fs.writeFileSync(process.env.PROFILE_OUT, `${JSON.stringify(results, null, 2)}\n`);
};
