/** Runs bench/profile/*.profile.ts (profiling aids; never part of `npm test`). */
const base = require('../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	rootDir: '..',
	roots: ['<rootDir>/bench/profile'],
	testMatch: ['**/*.profile.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 600_000,
	setupFiles: [...(base.setupFiles ?? []), '<rootDir>/bench/profile/setup.js'],
};
