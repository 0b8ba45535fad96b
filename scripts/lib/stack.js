// @ts-check
'use strict';
/**
 * The stack the demo, the end-to-end tests and the benchmarks share: the Coupontools sandbox and a
 * real n8n (a pinned line from scripts/lib/n8n-runtime.js) with this package installed from its packed
 * tarball (scripts/lib/pack.js), the Coupontools credential pointing at the sandbox, workflows imported
 * and activated, an owner and a public-API key. Everything listens on 127.0.0.1 only.
 */

const fs = require('node:fs');
const path = require('node:path');

const { fetchJson } = require('./http');
const runtimeLib = require('./n8n-runtime');
const { installPackage } = require('./pack');
const { startSandbox } = require('../../test/sandbox/server');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The credential every example and e2e workflow refers to (by this id and name). */
const CREDENTIAL = { id: 'coupontoolsSandbox1', name: 'Coupontools (sandbox)' };

/**
 * @typedef {object} StackOptions
 * @property {string} [version]        n8n line, '2.8.4' (default) or '2.41.1'
 * @property {string[]} [workflows]     workflow JSON files to import (each may hold one workflow or an array)
 * @property {string[]} [activate]      ids of imported workflows to activate (trigger/webhook workflows)
 * @property {number} [port]            n8n port (default: a free one)
 * @property {string} [userFolder]      n8n user folder (default: a fresh temp folder)
 * @property {Record<string, unknown>} [sandbox] options for startSandbox (ignored with sandboxUrl)
 * @property {string} [sandboxUrl]      use a sandbox that already runs elsewhere
 * @property {Record<string, string>} [env] extra n8n environment (e.g. queue mode)
 * @property {(line: string) => void} [log]
 */

/**
 * @param {StackOptions} [options]
 */
async function startStack(options = {}) {
	const log = options.log ?? (() => undefined);
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Coupontools', 'Coupontools.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const runtime = await runtimeLib.ensureRuntime(options.version ?? '2.8.4', { log });

	const sandbox = options.sandboxUrl
		? undefined
		: await startSandbox({ port: 0, ...(options.sandbox ?? {}) });
	const sandboxUrl = options.sandboxUrl ?? /** @type {NonNullable<typeof sandbox>} */ (sandbox).url;

	const userFolder = options.userFolder ?? runtimeLib.createUserFolder();
	installPackage(userFolder, REPO_ROOT);
	const port = options.port ?? (await runtimeLib.freePort());
	let brokerPort = await runtimeLib.freePort();
	while (brokerPort === port) brokerPort = await runtimeLib.freePort();
	const env = {
		...runtimeLib.n8nEnv({ runtime, userFolder, port, brokerPort }),
		...(options.env ?? {}),
	};

	log('Importing the Coupontools credential and the workflows…');
	await importCredential(runtime, env, userFolder, sandboxUrl);
	for (const file of options.workflows ?? []) await importWorkflows(runtime, env, userFolder, file);

	log(`Starting n8n ${runtime.version} on http://127.0.0.1:${port} …`);
	const server = await runtimeLib.startServer(runtime, env);
	try {
		const owner = await runtimeLib.setupOwnerAndApiKey(server.baseUrl);
		const api = publicApi(server.baseUrl, owner.apiKey);
		for (const id of options.activate ?? []) await api('POST', `/api/v1/workflows/${id}/activate`);
		return {
			runtime,
			env,
			userFolder,
			sandbox,
			sandboxUrl,
			baseUrl: server.baseUrl,
			server,
			owner,
			api,
			/** POST to a production webhook; resolves { status, json, text }. */
			webhook: async (/** @type {string} */ webhookPath, /** @type {unknown} */ body) =>
				await fetchJson(`${server.baseUrl}/webhook/${webhookPath}`, {
					method: 'POST',
					body: body ?? {},
				}),
			/** Executions of one workflow, newest first, with their data. */
			executions: async (/** @type {string} */ workflowId) =>
				await runtimeLib.readExecutions(server.baseUrl, owner.apiKey, workflowId),
			/** Run a workflow with the CLI while the server runs (needs its own broker port). */
			execute: async (/** @type {string} */ workflowId) =>
				await runtimeLib.executeWorkflow(runtime, env, workflowId),
			stop: async () => {
				await server.stop();
				if (sandbox) await sandbox.close();
			},
		};
	} catch (error) {
		await server.stop();
		if (sandbox) await sandbox.close();
		throw error;
	}
}

/** @param {import('./n8n-runtime').Runtime} runtime @param {NodeJS.ProcessEnv} env @param {string} folder @param {string} sandboxUrl */
async function importCredential(runtime, env, folder, sandboxUrl) {
	const file = path.join(folder, 'coupontools-credential.json');
	const data = {
		clientId: 'sandbox-client-id',
		clientSecret: 'sandbox-client-secret',
		baseUrl: sandboxUrl,
	};
	fs.writeFileSync(file, JSON.stringify([{ ...CREDENTIAL, type: 'coupontoolsApi', data }]));
	const result = await runtimeLib.runCli(runtime, env, ['import:credentials', `--input=${file}`]);
	fs.rmSync(file);
	if (result.code !== 0)
		throw new Error(
			`import:credentials failed:\n${result.stdout.slice(-1500)}${result.stderr.slice(-1500)}`,
		);
}

/** @param {import('./n8n-runtime').Runtime} runtime @param {NodeJS.ProcessEnv} env @param {string} folder @param {string} file */
async function importWorkflows(runtime, env, folder, file) {
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
	const workflows = (Array.isArray(parsed) ? parsed : [parsed]).map((workflow) => ({
		active: false,
		...workflow,
	}));
	const target = path.join(folder, `import-${path.basename(file)}`);
	fs.writeFileSync(target, JSON.stringify(workflows));
	const result = await runtimeLib.runCli(runtime, env, ['import:workflow', `--input=${target}`]);
	if (result.code !== 0)
		throw new Error(
			`import:workflow ${file} failed:\n${result.stdout.slice(-1500)}${result.stderr.slice(-1500)}`,
		);
}

/** @param {string} baseUrl @param {string} apiKey */
function publicApi(baseUrl, apiKey) {
	return async (
		/** @type {string} */ method,
		/** @type {string} */ route,
		/** @type {unknown} */ body,
	) => {
		const res = await fetch(new URL(route, baseUrl), {
			method,
			headers: {
				'x-n8n-api-key': apiKey,
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} ${route} -> HTTP ${res.status}: ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : undefined;
	};
}

module.exports = { startStack, CREDENTIAL, REPO_ROOT };
