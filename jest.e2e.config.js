/**
 * End-to-end tests against a real n8n (scripts/lib/stack.js): `npm run test:e2e`, one run per n8n line
 * (N8N_LINE=2.8.4, the default, or 2.41.1). Plain JS tests: they need process and child_process, which
 * n8n's lint forbids in .ts. One stack for the whole run (globalSetup), so tests run in band.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/test/e2e/**/*.test.js'],
	modulePathIgnorePatterns: ['<rootDir>/dist'],
	globalSetup: '<rootDir>/test/e2e/setup/globalSetup.js',
	globalTeardown: '<rootDir>/test/e2e/setup/globalTeardown.js',
	maxWorkers: 1,
	testTimeout: 240000,
	slowTestThreshold: 30,
};
