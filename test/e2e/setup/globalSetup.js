// @ts-check
'use strict';
/**
 * One real n8n for the whole e2e run (each start costs ~25-30 s on 2 cores): the sandbox, n8n of the
 * line in N8N_LINE (default 2.8.4) with the built package installed as n8n installs a community package
 * (scripts/lib/pack.js), the credential, the examples and the harness workflows imported, the webhook
 * and trigger workflows activated, an owner and an API key.
 *
 * Test files run in their own module registry, so they cannot share the handle: they get what they
 * need from a JSON file (path in COUPONTOOLS_E2E_STATE) and talk to the sandbox over its control
 * endpoints. globalTeardown stops the stack; the runtime library also kills n8n if jest dies.
 */

const fs = require('node:fs');
const path = require('node:path');

const { startStack, REPO_ROOT } = require('../../../scripts/lib/stack');
const { LINES } = require('../../../scripts/lib/n8n-runtime');
const { writeSuiteWorkflows } = require('../lib/workflows');
const { waitForWebhooks } = require('../lib/webhooks');

module.exports = async function globalSetup() {
	const line = process.env.N8N_LINE || '2.8.4';
	if (!LINES[line])
		throw new Error(`N8N_LINE=${line} is not a known n8n line (${Object.keys(LINES).join(', ')})`);
	const started = Date.now();
	const log = (/** @type {string} */ msg) => process.stderr.write(`[e2e ${line}] ${msg}\n`);

	const scratch = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'coupontools-e2e-'));
	const { file, activate, webhookPaths } = writeSuiteWorkflows(scratch);
	/** @type {Awaited<ReturnType<typeof startStack>>} */
	let stack;
	try {
		stack = await startStack({ version: line, workflows: [file], activate, log });
	} catch (error) {
		fs.rmSync(scratch, { recursive: true, force: true });
		throw error;
	}
	/** @type {any} */ (globalThis).__COUPONTOOLS_E2E__ = { stack, scratch, line, started };
	try {
		const waited = Date.now();
		await waitForWebhooks(stack.baseUrl, webhookPaths);
		log(
			`${webhookPaths.length} production webhooks registered (${Date.now() - waited} ms after activation)`,
		);
	} catch (error) {
		// jest skips globalTeardown when globalSetup fails: clean up here.
		delete (/** @type {any} */ (globalThis).__COUPONTOOLS_E2E__);
		await stack.stop();
		fs.rmSync(scratch, { recursive: true, force: true });
		fs.rmSync(stack.userFolder, { recursive: true, force: true });
		throw error;
	}

	const statePath = path.join(scratch, 'stack.json');
	fs.writeFileSync(
		statePath,
		JSON.stringify({
			line,
			baseUrl: stack.baseUrl,
			sandboxUrl: stack.sandboxUrl,
			owner: stack.owner,
			runtime: stack.runtime,
			env: stack.env,
			serverLog: stack.server.logFile,
			artifacts: path.join(REPO_ROOT, '.artifacts'),
		}),
		{ mode: 0o600 },
	);
	process.env.COUPONTOOLS_E2E_STATE = statePath;
	log(
		`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (n8n start ${(stack.server.startMs / 1000).toFixed(1)} s) at ${stack.baseUrl}`,
	);
};
