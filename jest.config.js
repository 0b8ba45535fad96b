/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '<rootDir>/test/docs/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	// Transpile only: type checking runs once for the whole tree in .ci/run (tsc -p tsconfig.test.json).
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// tsconfig includes package.json, so dist/ holds a copy that would clash with the real one.
	modulePathIgnorePatterns: ['<rootDir>/dist'],
	setupFiles: ['<rootDir>/test/setup/env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/teardown.js'],
	testTimeout: 30000,
};
