// @ts-check
'use strict';
/** Stops the stack globalSetup started, keeps n8n's log as a CI artifact, removes the scratch folder. */

const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalTeardown() {
	const handle = /** @type {any} */ (globalThis).__COUPONTOOLS_E2E__;
	if (!handle) return;
	const { stack, scratch, line, started } = handle;
	try {
		await stack.stop();
	} finally {
		const artifacts = path.resolve(__dirname, '..', '..', '..', '.artifacts');
		fs.mkdirSync(artifacts, { recursive: true });
		try {
			fs.copyFileSync(stack.server.logFile, path.join(artifacts, `n8n-${line}.log`));
		} catch {}
		fs.rmSync(scratch, { recursive: true, force: true });
		fs.rmSync(stack.userFolder, { recursive: true, force: true });
		process.stderr.write(
			`[e2e ${line}] stack stopped; suite wall time ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
		);
	}
};
