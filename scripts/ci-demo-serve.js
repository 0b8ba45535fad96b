#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * CI check of the README's main command in serving mode: `npm run demo` starts n8n and keeps it running,
 * and Ctrl-C stops it cleanly. Runs the command as a terminal would (its own process group), waits for the
 * "keeps running until Ctrl+C" line, sends SIGINT to the whole group as a terminal's Ctrl-C does, then
 * requires a clean end (exit 0, or npm's own SIGINT), the "Stopped." line, no "Demo failed" and n8n's port
 * closed again. Exit 0 when all hold.
 */

const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort } = require('./lib/n8n-runtime');

const REPO_ROOT = path.resolve(__dirname, '..');
const READY = 'n8n keeps running until Ctrl+C';
const START_TIMEOUT_MS = 10 * 60_000; // a first run installs n8n
const STOP_TIMEOUT_MS = 60_000;

/** @param {number} port @returns {Promise<boolean>} */
function portOpen(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function main() {
	const port = await freePort();
	const child = spawn('npm', ['run', 'demo', '--', '--port', String(port)], {
		cwd: REPO_ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const ended = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	const ready = new Promise((resolve) => {
		const onData = (/** @type {Buffer} */ chunk) => {
			process.stdout.write(chunk);
			output += chunk.toString();
			if (output.includes(READY)) resolve(true);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		ended.then(() => resolve(false));
		setTimeout(() => resolve(false), START_TIMEOUT_MS).unref();
	});
	if (!(await ready)) {
		try {
			process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
		} catch {}
		throw new Error(`npm run demo did not reach "${READY}"`);
	}
	if (!(await portOpen(port))) throw new Error(`n8n is not listening on ${port} while serving`);

	process.stdout.write(`\n[ci-demo-serve] Ctrl-C (SIGINT to the process group)\n`);
	process.kill(-(/** @type {number} */ (child.pid)), 'SIGINT');
	const result = await Promise.race([
		ended,
		new Promise((resolve) => setTimeout(() => resolve(undefined), STOP_TIMEOUT_MS).unref()),
	]);
	if (!result) throw new Error(`npm run demo did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
	const { code, signal } = /** @type {{ code: number | null, signal: string | null }} */ (result);
	// npm re-raises the SIGINT it received once its script has ended, as a shell expects of Ctrl-C; the
	// demo's own end shows in its output: "Stopped." and no "Demo failed".
	if (!(code === 0 || code === 130 || signal === 'SIGINT'))
		throw new Error(`npm run demo ended with code ${code} (signal ${signal})`);
	if (!output.includes('Stopped.')) throw new Error('npm run demo did not say "Stopped."');
	if (output.includes('Demo failed')) throw new Error('npm run demo reported a failure on Ctrl-C');
	if (await portOpen(port)) throw new Error(`n8n still listens on ${port} after Ctrl-C`);
	process.stdout.write(`[ci-demo-serve] stopped cleanly: exit 0, port ${port} closed\n`);
}

main().catch((error) => {
	process.stderr.write(`[ci-demo-serve] FAILED: ${error?.message ?? error}\n`);
	process.exit(1);
});
