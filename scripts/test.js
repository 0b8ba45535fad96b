#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm test`: installs the development dependencies when a fresh clone has none (scripts/lib/dev-deps.js),
 * then runs jest with the arguments given (`npm test -- test/trigger.test.ts`, `npm test -- --ci --json …`).
 * Jest's exit code is this script's.
 */

const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureDevDependencies } = require('./lib/dev-deps');

const REPO_ROOT = path.resolve(__dirname, '..');

async function main() {
	await ensureDevDependencies({ say: (line) => process.stderr.write(`${line}\n`) });
	const jest = path.join(REPO_ROOT, 'node_modules', '.bin', 'jest');
	const child = spawn(jest, process.argv.slice(2), { cwd: REPO_ROOT, stdio: 'inherit' });
	for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM']))
		process.on(sig, () => child.kill(sig));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
	process.stderr.write(`npm test could not start: ${error?.message ?? error}\n`);
	process.exit(1);
});
