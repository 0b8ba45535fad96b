// @ts-check
'use strict';
/** What the numbers were measured on: written at the top of BENCHMARKS.md. */

const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function gitRevision(repoRoot) {
	try {
		const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: repoRoot,
			encoding: 'utf8',
		}).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], {
			cwd: repoRoot,
			encoding: 'utf8',
		}).trim();
		return dirty ? `${rev} + uncommitted changes under nodes/ or credentials/` : rev;
	} catch {
		return 'unknown';
	}
}

/** @param {string} repoRoot */
function describeMachine(repoRoot) {
	const cpus = os.cpus();
	let distro = '';
	try {
		distro = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
	} catch {}
	const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	return {
		cores: cpus.length,
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${distro || os.type()} (${os.platform()} ${os.release()})`,
		driverNode: process.version,
		packageVersion: pkg.version,
		revision: gitRevision(repoRoot),
		loadAvg: os.loadavg().map((l) => l.toFixed(2)),
	};
}

module.exports = { describeMachine };
