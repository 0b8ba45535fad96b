#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Provision and check the real n8n used by the demo, e2e tests and benchmarks.
 *
 *   node scripts/n8n.js install [2.8.4|2.41.1|1.123.81|all]   install (or reuse) the pinned runtime(s); default all
 *   node scripts/n8n.js smoke   [2.8.4|2.41.1|1.123.81|all]   install if needed, start n8n, check it, stop it; default 2.8.4
 *   node scripts/n8n.js lock    <2.8.4|2.41.1|1.123.81>       regenerate e2e/runtime/<v>/package-lock.json (maintainers)
 *
 * Runtimes live in ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-coupontools/, never in the clone.
 * Progress goes to stderr; the one-line result per version goes to stdout.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const rt = require('./lib/n8n-runtime');
const { installPackage } = require('./lib/pack');

const REPO_ROOT = path.resolve(__dirname, '..');

/** @param {string | undefined} arg  @param {string} dflt */
function versionsFrom(arg, dflt) {
	const v = arg ?? dflt;
	if (v === 'all') return Object.keys(rt.LINES);
	if (!rt.LINES[v])
		throw new Error(
			`Unknown n8n version '${v}'. Use one of: ${Object.keys(rt.LINES).join(', ')}, all`,
		);
	return [v];
}

/** @param {number} ms */
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** @param {string} version */
async function install(version) {
	const t = Date.now();
	const runtime = await rt.ensureRuntime(version);
	console.log(
		`n8n ${version}: ready in ${secs(Date.now() - t)} at ${runtime.dir} (node ${runtime.nodeBinDir})`,
	);
}

/**
 * Is the package built? n8n loads the files listed in package.json's `n8n` section.
 * @returns {{ built: boolean, missing: string[] }}
 */
function packageBuildState() {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const files = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = files.filter((f) => !fs.existsSync(path.join(REPO_ROOT, f)));
	return { built: files.length > 0 && missing.length === 0, missing };
}

/**
 * Provision, boot, check, stop. With a built package also checks that n8n loaded
 * its node and credential types under the community-package names.
 * @param {string} version
 * @returns {Promise<boolean>}
 */
async function smoke(version) {
	const facts = [];
	/** @type {import('./lib/n8n-runtime').Server | undefined} */
	let server;
	const userFolder = rt.createUserFolder();
	try {
		let t = Date.now();
		const runtime = await rt.ensureRuntime(version);
		facts.push(`runtime ${secs(Date.now() - t)}`);

		const { built, missing } = packageBuildState();
		if (built) installPackage(userFolder, REPO_ROOT);

		const port = await rt.freePort();
		let brokerPort = await rt.freePort();
		while (brokerPort === port) brokerPort = await rt.freePort();
		const env = rt.n8nEnv({ runtime, userFolder, port, brokerPort });

		const ver = await rt.runCli(runtime, env, ['--version'], { timeoutMs: 60_000 });
		const printed = ver.stdout.trim().split('\n').pop();
		if (ver.code !== 0 || printed !== version)
			throw new Error(
				`n8n --version exited ${ver.code} and printed '${printed}'\n${ver.stderr.slice(-1500)}`,
			);
		facts.push(`--version ${secs(ver.ms)}`);

		server = await rt.startServer(runtime, env);
		facts.push(`start ${secs(server.startMs)}`);

		const health = await fetch(`${server.baseUrl}/healthz`);
		if (!health.ok) throw new Error(`/healthz answered ${health.status}`);

		const owner = await rt.setupOwnerAndApiKey(server.baseUrl);
		const wf = await fetch(`${server.baseUrl}/api/v1/workflows`, {
			headers: { 'x-n8n-api-key': owner.apiKey },
		});
		if (!wf.ok) throw new Error(`public API with the new key answered ${wf.status}`);
		facts.push('owner+API key ok');

		if (built) {
			const types = await rt.loadedTypes(server.baseUrl, owner.cookie);
			const ours = types.nodes.filter((n) => n.startsWith('n8n-nodes-coupontools.'));
			if (!ours.length)
				throw new Error(
					`package installed but n8n loaded no n8n-nodes-coupontools.* node type (see ${server.logFile})`,
				);
			if (!types.credentials.includes('coupontoolsApi'))
				throw new Error('package installed but the coupontoolsApi credential type is missing');
			facts.push(`package loaded (${ours.join(', ')})`);
		} else {
			facts.push(`package not built, load check skipped (missing ${missing[0] ?? 'n8n section'})`);
		}

		t = Date.now();
		const { pid, exited } = server;
		await server.stop();
		server = undefined;
		if (isGroupAlive(pid)) throw new Error(`process group ${pid} still alive after stop()`);
		const end = await exited;
		if (end.code !== 0)
			throw new Error(`n8n did not stop cleanly: ${end.signal ?? `exit ${end.code}`}`);
		facts.push(`stop ${secs(Date.now() - t)} (exit 0)`);

		const nodeVersion = await nodeVersionOf(runtime.nodeBinDir);
		console.log(`smoke n8n ${version} (node ${nodeVersion}): OK - ${facts.join(', ')}`);
		return true;
	} catch (e) {
		console.log(
			`smoke n8n ${version}: FAILED - ${/** @type {Error} */ (e).message.split('\n')[0]} [after: ${facts.join(', ') || 'nothing'}]`,
		);
		console.error(/** @type {Error} */ (e).message);
		return false;
	} finally {
		if (server) await server.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

/** @param {number} pid */
function isGroupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** @param {string} binDir @returns {Promise<string>} */
function nodeVersionOf(binDir) {
	return new Promise((resolve) => {
		const c = spawn(path.join(binDir, 'node'), ['--version'], {
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let out = '';
		c.stdout.on('data', (d) => (out += d));
		c.on('close', () => resolve(out.trim()));
	});
}

/**
 * Re-resolve e2e/runtime/<v>/package-lock.json from its package.json (after a pin
 * bump). Resolution only (`--package-lock-only`): no 2 GB install. Registry URLs
 * are left out of the lockfile (omit-lockfile-registry-resolved) so it works with
 * any registry mirror, and any remaining `resolved` (a tarball or git URL outside
 * the registry, like n8n-nodes-base's cdn.sheetjs.com xlsx) is an error: add an
 * override for it instead.
 * @param {string} version
 */
async function lock(version) {
	const src = path.join(REPO_ROOT, 'e2e', 'runtime', version);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-lock-${version}-`));
	try {
		fs.copyFileSync(path.join(src, 'package.json'), path.join(tmp, 'package.json'));
		const nodeBinDir =
			rt.LINES[version].node === 'system'
				? path.dirname(process.execPath)
				: await rt.ensureNode24();
		console.error(`Resolving n8n ${version} (a minute or two)…`);
		await new Promise((resolve, reject) => {
			const c = spawn(
				'npm',
				['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
				{
					cwd: tmp,
					stdio: ['ignore', 'ignore', 'inherit'],
					env: {
						...process.env,
						PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH}`,
						npm_config_omit_lockfile_registry_resolved: 'true',
					},
				},
			);
			c.on('close', (code) =>
				code === 0 ? resolve(undefined) : reject(new Error(`npm exited ${code}`)),
			);
		});
		const lockText = fs.readFileSync(path.join(tmp, 'package-lock.json'), 'utf8');
		const foreign = lockText.split('\n').filter((l) => l.includes('"resolved"'));
		if (foreign.length)
			throw new Error(
				`lockfile still has resolved URLs outside the registry:\n${foreign.slice(0, 10).join('\n')}`,
			);
		fs.writeFileSync(path.join(src, 'package-lock.json'), lockText);
		console.log(
			`wrote ${path.relative(REPO_ROOT, path.join(src, 'package-lock.json'))} (${Object.keys(JSON.parse(lockText).packages).length - 1} packages)`,
		);
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

async function main() {
	const [cmd, arg] = process.argv.slice(2);
	if (cmd === 'install') {
		for (const v of versionsFrom(arg, 'all')) await install(v);
	} else if (cmd === 'smoke') {
		let ok = true;
		for (const v of versionsFrom(arg, '2.8.4')) ok = (await smoke(v)) && ok;
		process.exitCode = ok ? 0 : 1;
	} else if (cmd === 'lock') {
		if (!arg || arg === 'all') throw new Error('lock needs one version');
		await lock(versionsFrom(arg, '')[0]);
	} else {
		console.error(
			fs
				.readFileSync(__filename, 'utf8')
				.split('\n')
				.slice(4, 9)
				.map((l) => l.replace(/^ \* ?/, ''))
				.join('\n'),
		);
		process.exitCode = 2;
	}
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exitCode = 1;
});
