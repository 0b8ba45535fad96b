// @ts-check
'use strict';
/**
 * The package as users get it: `npm pack`, unpacked the way n8n's community-package installer does
 * (tarball extracted into <user folder>/.n8n/nodes/node_modules/<name>, dev and peer dependencies dropped
 * from its package.json, so `n8n-workflow` resolves to n8n's own copy). A symlink to the clone would load a
 * second n8n-workflow from the clone's node_modules and make start-up look slower than a real install.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

/** @param {string} repoRoot @returns {string} the unpacked package folder (caller removes its parent) */
function packPackage(repoRoot) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-bench-pack-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
			cwd: repoRoot,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	);
	const unpacked = path.join(dir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', unpacked, '--strip-components=1']);
	fs.rmSync(path.join(dir, filename));
	const pkgFile = path.join(unpacked, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		fs.readFileSync(pkgFile, 'utf8'),
	);
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	return unpacked;
}

/** @param {string} userFolder @param {string} unpacked */
function installPacked(userFolder, unpacked) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-coupontools');
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(unpacked, target, { recursive: true });
	return target;
}

module.exports = { packPackage, installPacked };
