// @ts-check
'use strict';
/**
 * The package as users get it: `npm pack`, unpacked the way n8n's community-package installer does
 * (tarball extracted into <user folder>/.n8n/nodes/node_modules/<name>, dev and peer dependencies dropped
 * from its package.json: n8n's CommunityPackagesService deletes peerDependencies before it runs
 * `npm install`, so `n8n-workflow` resolves to n8n's own copy through the NODE_PATH n8n's loader sets).
 *
 * A symlink to the clone would load a second n8n-workflow from the clone's node_modules: n8n's engine then
 * does not recognise the node's NodeApiError (`instanceof` fails across the two copies) and wraps it with
 * "Error code none", and start-up looks slower than a real install. The e2e stack, the demo and the
 * benchmarks all install the package this way. In `.n8n/nodes/node_modules` the node types are named
 * `n8n-nodes-coupontools.coupontools` as in real installs (through N8N_CUSTOM_EXTENSIONS they would be
 * `CUSTOM.coupontools`). n8n reads the package.json `n8n` section, so `dist/` must be built.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const PACKAGE_NAME = 'n8n-nodes-coupontools';

/** @param {string} repoRoot @returns {string} the unpacked package folder (caller removes its parent) */
function packPackage(repoRoot) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-pack-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
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

/** @param {string} userFolder @param {string} unpacked @returns {string} where n8n finds the package */
function installPacked(userFolder, unpacked) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(unpacked, target, { recursive: true });
	// No `.n8n/nodes/package.json` on purpose: n8n writes an empty one itself
	// (CommunityPackagesService.ensurePackageJson) and loading does not read it. Listing the package there
	// would make a later UI install of another community package run `npm install` in that folder and
	// replace this copy with the registry's.
	return target;
}

/**
 * Packs the clone (built dist/ included) and installs it into the user folder as n8n would.
 * @param {string} userFolder @param {string} repoRoot @returns {string} where n8n finds the package
 */
function installPackage(userFolder, repoRoot) {
	const unpacked = packPackage(repoRoot);
	try {
		return installPacked(userFolder, unpacked);
	} finally {
		fs.rmSync(path.dirname(unpacked), { recursive: true, force: true });
	}
}

module.exports = { PACKAGE_NAME, packPackage, installPacked, installPackage };
