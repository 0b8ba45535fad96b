// @ts-check
'use strict';
/**
 * Run by the n8n line's own Node, in a fresh process: how long n8n's community-package loader
 * (n8n-core's LazyPackageDirectoryLoader, what `n8n start` uses for ~/.n8n/nodes/node_modules/*) takes
 * to load this package. Prints one JSON line.
 *
 *   <node> bench/lib/loader-probe.js <n8n install dir> <package dir>
 */

const path = require('node:path');
const Module = require('node:module');

async function main() {
	const [runtimeDir, packageDir] = process.argv.slice(2);
	// What n8n does before loading packages (load-nodes-and-credentials.js): its own module paths become
	// NODE_PATH, so a package installed without its peer n8n-workflow gets the one n8n already loaded.
	const n8nDist = path.join(runtimeDir, 'node_modules', 'n8n', 'dist');
	process.env.NODE_PATH = /** @type {any} */ (Module)
		._nodeModulePaths(n8nDist)
		.join(path.delimiter);
	/** @type {any} */ (Module)._initPaths();
	const core = require(path.join(runtimeDir, 'node_modules', 'n8n-core'));
	const t0 = process.hrtime.bigint();
	const loader = new core.LazyPackageDirectoryLoader(packageDir, [], []);
	await loader.loadAll();
	if (typeof loader.ensureTypesLoaded === 'function') await loader.ensureTypesLoaded();
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	process.stdout.write(
		`${JSON.stringify({ ms, nodes: Object.keys(loader.known?.nodes ?? {}).length, credentials: Object.keys(loader.known?.credentials ?? {}).length })}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});
