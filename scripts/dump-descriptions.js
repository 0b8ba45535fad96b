// @ts-check
'use strict';
/**
 * Prints what n8n reads from this package as one JSON document: the description of every node and
 * every credential (with its methods, e.g. authenticate) listed under "n8n" in package.json, as their
 * classes build them. Functions (preSend, routing hooks, credential tests) appear as
 * { "[Function]": name, "source": compiled source }, RegExps and undefined values as tagged objects,
 * so two dumps differ exactly where n8n would see a difference. Values a function keeps in its closure
 * (e.g. the policy an operation passes to its request hook) are not visible: tests cover those. Use it to prove a refactor leaves the descriptions byte-identical:
 *
 *   node scripts/dump-descriptions.js > before.json
 *   (change the code)
 *   node scripts/dump-descriptions.js > after.json
 *   diff before.json after.json && echo identical
 *
 * By default the sources are compiled with the repo's tsc (tsconfig.json) into a throw-away folder
 * under node_modules/.cache (so the compiled files still find the repo's node_modules). With
 * `--dist <folder>` the already built files of that folder are read instead (e.g. `--dist dist` after
 * `npm run build`). Function sources are compiled JavaScript: a renamed import changes them
 * (`(0, validation_1.check)`) although the behaviour is the same.
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function argument(/** @type {string} */ name) {
	const at = process.argv.indexOf(name);
	return at === -1 ? undefined : process.argv[at + 1];
}

/** Compiles nodes/ and credentials/ into a fresh folder; returns it. */
function compile() {
	const outDir = path.join(
		root,
		'node_modules',
		'.cache',
		'dump-descriptions',
		String(process.pid),
	);
	fs.rmSync(outDir, { recursive: true, force: true });
	const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
	const result = childProcess.spawnSync(
		process.execPath,
		[
			tsc,
			'-p',
			path.join(root, 'tsconfig.json'),
			'--outDir',
			outDir,
			'--incremental',
			'false',
			'--declaration',
			'false',
			'--sourceMap',
			'false',
		],
		{ cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
	);
	if (result.status !== 0) {
		fs.rmSync(outDir, { recursive: true, force: true });
		throw new Error(`tsc failed (exit ${result.status})`);
	}
	return outDir;
}

/** A JSON-safe copy of a description: functions by name and source, cycles marked. */
function serializable(/** @type {unknown} */ value, /** @type {object[]} */ ancestors = []) {
	if (value === undefined) return { '[undefined]': true };
	if (typeof value === 'function') return { '[Function]': value.name, source: value.toString() };
	if (typeof value === 'bigint') return { '[BigInt]': value.toString() };
	if (value instanceof RegExp) return { '[RegExp]': value.toString() };
	if (value === null || typeof value !== 'object') return value;
	if (ancestors.includes(value)) return { '[Circular]': true };
	const inside = [...ancestors, value];
	if (Array.isArray(value)) return value.map((entry) => serializable(entry, inside));
	/** @type {Record<string, unknown>} */
	const copy = {};
	for (const [key, entry] of Object.entries(value)) copy[key] = serializable(entry, inside);
	return copy;
}

/** An instance's own properties, then the methods its class defines (a credential's authenticate). */
function withMethods(/** @type {object} */ instance) {
	/** @type {Record<string, unknown>} */
	const all = { ...instance };
	const prototype = Object.getPrototypeOf(instance);
	for (const name of Object.getOwnPropertyNames(prototype))
		if (name !== 'constructor') all[name] = prototype[name];
	return all;
}

/** The exported class of a compiled file (each file exports one), instantiated. */
function instanceOf(/** @type {string} */ file) {
	const exported = require(file);
	const classes = Object.values(exported).filter((entry) => typeof entry === 'function');
	if (classes.length !== 1) throw new Error(`${file}: expected one exported class`);
	return new classes[0]();
}

function dump(/** @type {string} */ builtRoot) {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const inBuild = (/** @type {string} */ listed) =>
		path.join(builtRoot, path.relative('dist', listed));
	/** @type {Record<string, unknown>} */
	const output = { nodes: {}, credentials: {} };
	for (const listed of n8n.nodes) {
		const node = instanceOf(inBuild(listed));
		/** @type {Record<string, unknown>} */ (output.nodes)[node.description.name] = serializable(
			node.description,
		);
	}
	for (const listed of n8n.credentials) {
		const credential = instanceOf(inBuild(listed));
		/** @type {Record<string, unknown>} */ (output.credentials)[credential.name] = serializable(
			withMethods(credential),
		);
	}
	return output;
}

function main() {
	const dist = argument('--dist');
	const builtRoot = dist ? path.resolve(dist) : compile();
	try {
		process.stdout.write(`${JSON.stringify(dump(builtRoot), null, '\t')}\n`);
	} finally {
		if (!dist) fs.rmSync(builtRoot, { recursive: true, force: true });
	}
}

main();
