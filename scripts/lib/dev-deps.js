// @ts-check
'use strict';
/**
 * The README's two commands (`npm run demo`, `npm test`) are the whole set-up on a fresh clone: each
 * installs the development dependencies itself (`npm ci`, about a minute) when they are missing or older
 * than package-lock.json. Plain CommonJS with Node built-ins only: it runs before anything is installed.
 */

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The tools the two commands need; any one missing means the install is incomplete. */
const REQUIRED_BINS = ['jest', 'tsc', 'gulp'];

/** Why `npm ci` must run, or '' when node_modules matches the lockfile. @param {string} [root] */
function installReason(root = REPO_ROOT) {
	const bin = path.join(root, 'node_modules', '.bin');
	const missing = REQUIRED_BINS.filter((name) => !fs.existsSync(path.join(bin, name)));
	if (missing.length) return `${missing.join(', ')} not installed`;
	// npm writes node_modules/.package-lock.json on every install: older than the lockfile = stale.
	const installed = path.join(root, 'node_modules', '.package-lock.json');
	const lock = path.join(root, 'package-lock.json');
	if (!fs.existsSync(installed)) return 'node_modules has no install record';
	if (fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs + 1000)
		return 'package-lock.json changed since the last install';
	return '';
}

/**
 * Run `npm ci` when needed. Its output goes to `logFile` when given (the demo keeps its screen short),
 * else to this process's stderr (npm test's own output stays jest's).
 * @param {{ say: (line: string) => void, logFile?: string, root?: string }} options
 * @returns {Promise<boolean>} whether it installed
 */
async function ensureDevDependencies({ say, logFile, root = REPO_ROOT }) {
	const reason = installReason(root);
	if (!reason) return false;
	say(`Installing the development dependencies (npm ci, about a minute: ${reason})…`);
	/** @type {import('node:child_process').StdioOptions} */
	let stdio = ['ignore', 2, 2];
	let fd;
	if (logFile) {
		fs.mkdirSync(path.dirname(logFile), { recursive: true });
		fd = fs.openSync(logFile, 'a');
		stdio = ['ignore', fd, fd];
	}
	const code = await new Promise((resolve, reject) => {
		const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio });
		child.on('error', reject);
		child.on('exit', (c) => resolve(c));
	});
	if (fd !== undefined) fs.closeSync(fd);
	if (code !== 0) {
		const tail =
			logFile && fs.existsSync(logFile)
				? `\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n')}`
				: '';
		throw new Error(
			`npm ci failed (exit ${code})${logFile ? `; log: ${logFile}` : ''}. Check the network to the npm registry and run it again.${tail}`,
		);
	}
	return true;
}

module.exports = { ensureDevDependencies, installReason, REQUIRED_BINS };
