// @ts-check
'use strict';
/**
 * What an e2e test file needs from the shared stack (test/e2e/setup/globalSetup.js): n8n's URLs and
 * owner, the sandbox over its control endpoints, n8n's recorded executions, the n8n CLI.
 */

const fs = require('node:fs');

// `http` is what the test files have always imported from here.
const { fetchJson: http } = require('../../../scripts/lib/http');
const runtimeLib = require('../../../scripts/lib/n8n-runtime');

/** Sandbox-only demo values (test/sandbox/README.md), not secrets. */
const SANDBOX_CLIENT_ID = 'sandbox-client-id';
const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';
/** The browser id the runtime library logs in with: n8n binds the auth cookie to it. */
const BROWSER_ID = 'coupontools-e2e';

/**
 * @typedef {object} StackState
 * @property {string} line
 * @property {string} baseUrl
 * @property {string} sandboxUrl
 * @property {{ apiKey: string, cookie: string, email: string, password: string }} owner
 * @property {import('../../../scripts/lib/n8n-runtime').Runtime} runtime
 * @property {NodeJS.ProcessEnv} env
 * @property {string} serverLog
 * @property {string} artifacts
 */

/** @returns {StackState} */
function stackState() {
	const file = process.env.COUPONTOOLS_E2E_STATE;
	if (!file || !fs.existsSync(file))
		throw new Error(
			'No e2e stack: run these tests with `npm run test:e2e` (jest -c jest.e2e.config.js)',
		);
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`.
 * @template T
 * @param {() => Promise<T | undefined | null | false>} probe
 * @param {string} what
 * @param {{ timeoutMs?: number, intervalMs?: number }} [opts]
 * @returns {Promise<T>}
 */
async function waitFor(probe, what, { timeoutMs = 30_000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		last = await probe();
		if (last) return last;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(intervalMs);
	}
}

function e2eContext() {
	const state = stackState();
	const sandboxControl = (/** @type {string} */ route) => `${state.sandboxUrl}/__sandbox${route}`;

	const sandbox = {
		/** Reseeds the sandbox and empties its request log. */
		reset: async () =>
			expectOk(await http(sandboxControl('/reset'), { method: 'POST', body: {} }), 'sandbox reset'),
		/** API requests the sandbox received (method, path, query, headers lowercased, body, status). */
		requests: async () =>
			/** @type {any[]} */ (
				expectOk(await http(sandboxControl('/requests')), 'sandbox requests').json.requests
			),
		/** `{ account, counts, sessionsByCampaign, fixtures, emailsSent }` */
		state: async () => expectOk(await http(sandboxControl('/state')), 'sandbox state').json,
		/** Plays Coupontools calling a webhook receiver (test/sandbox/webhook-delivery.js). */
		deliver: async (/** @type {Record<string, unknown>} */ spec) =>
			expectOk(
				await http(sandboxControl('/webhooks/deliver'), { method: 'POST', body: spec }),
				'webhook delivery',
			).json,
	};

	return {
		...state,
		sandbox,
		/** POST to a production webhook of n8n. */
		webhook: async (/** @type {string} */ path, /** @type {unknown} */ body) =>
			await http(`${state.baseUrl}/webhook/${path}`, { method: 'POST', body: body ?? {} }),
		/** n8n's internal REST API with the owner's session, as the editor calls it. */
		rest: async (
			/** @type {string} */ method,
			/** @type {string} */ route,
			/** @type {unknown} */ body = undefined,
		) =>
			await http(`${state.baseUrl}${route}`, {
				method,
				body,
				headers: { cookie: state.owner.cookie, 'browser-id': BROWSER_ID },
			}),
		/** Executions n8n recorded for a workflow (public API), newest first, with run data. */
		executions: async (/** @type {string} */ workflowId) =>
			await runtimeLib.readExecutions(state.baseUrl, state.owner.apiKey, workflowId),
		/** `n8n execute --id=<id> --rawOutput` while the server runs (own task-runner port). */
		execute: async (/** @type {string} */ workflowId) =>
			await runtimeLib.executeWorkflow(state.runtime, state.env, workflowId, {
				timeoutMs: 150_000,
			}),
	};
}

/**
 * @param {{ status: number, text: string }} res
 * @param {string} what
 */
function expectOk(res, what) {
	if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
	return /** @type {{ status: number, json: any, text: string }} */ (res);
}

/**
 * Output items (json) of one node in an execution's run data.
 * @param {any} execution  from executions() or the CLI's raw output
 * @param {string} nodeName
 * @returns {any[]}
 */
function nodeOutput(execution, nodeName) {
	const runData = execution?.data?.resultData?.runData ?? {};
	const runs = runData[nodeName];
	if (!runs)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(runData).join(', ') || 'nothing'}`,
		);
	return (runs[0]?.data?.main?.[0] ?? []).map((/** @type {{ json: unknown }} */ item) => item.json);
}

/**
 * The request asserted the way the unit tests do: method, path, both auth headers.
 * @param {any} request  a sandbox log entry
 */
function authOf(request) {
	return {
		clientId: request.headers['x-client-id'],
		clientSecret: request.headers['x-client-secret'],
	};
}

module.exports = {
	e2eContext,
	nodeOutput,
	authOf,
	waitFor,
	sleep,
	http,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	BROWSER_ID,
};
