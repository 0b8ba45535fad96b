const { LINES } = require('./scripts/lib/n8n-runtime');

const line = process.env.N8N_LINE || '2.8.4';
/** Suites this line does not run (the reasons are in scripts/lib/n8n-runtime.js, LINES[line].e2eSkip). */
const skipped = Object.keys(LINES[line]?.e2eSkip ?? {}).map(
	(file) => `/test/e2e/${file.replace(/\./g, '\\.')}$`,
);
/**
 * E2E_GROUP splits a line's run in two (.ci/run runs them side by side):
 *  - `poll`: the polling trigger's suites. Each starts its own n8n and mostly waits for n8n's once-a-minute
 *    polls, so they run in parallel, without the shared stack;
 *  - `shared`: the other suites, in band on the one shared n8n (globalSetup).
 * Unset: every suite, in band.
 */
const group = process.env.E2E_GROUP;
const POLL_SUITES = '/test/e2e/pollTrigger[^/]*\\.test\\.js$';

/**
 * End-to-end tests against a real n8n (scripts/lib/stack.js): `npm run test:e2e`, one run per n8n line
 * (N8N_LINE=2.8.4, the default, 2.41.1 or 1.123.81). Plain JS tests: they need process and child_process,
 * which n8n's lint forbids in .ts. One stack for the whole run (globalSetup), so tests run in band.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: group === 'poll' ? ['**/test/e2e/pollTrigger*.test.js'] : ['**/test/e2e/**/*.test.js'],
	testPathIgnorePatterns: [
		'/node_modules/',
		...skipped,
		...(group === 'shared' ? [POLL_SUITES] : []),
	],
	modulePathIgnorePatterns: ['<rootDir>/dist'],
	...(group === 'poll'
		? { maxWorkers: 3 }
		: {
				globalSetup: '<rootDir>/test/e2e/setup/globalSetup.js',
				globalTeardown: '<rootDir>/test/e2e/setup/globalTeardown.js',
				maxWorkers: 1,
			}),
	testTimeout: 240000,
	slowTestThreshold: 30,
};
