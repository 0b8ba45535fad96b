// @ts-check
'use strict';
/**
 * The Coupontools sandbox in its own process for the benchmarks: on a 2-core machine it must not
 * share an event loop with the driver (RSS sampling, timing) or the floor loop. Driven through its
 * control endpoints (test/sandbox/README.md).
 */

const path = require('node:path');
const { spawn } = require('node:child_process');
const { postJson, getJson } = require('./http');

const CLI = path.resolve(__dirname, '..', '..', 'test', 'sandbox', 'cli.js');

/** @returns {Promise<SandboxProcess>} */
function startSandboxProcess() {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, '--port', '0', '--backlog', '4096', '--quiet'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		const kill = () => child.kill('SIGKILL');
		process.on('exit', kill);
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the sandbox did not start within 20 s:\n${out}`));
		}, 20_000);
		child.stdout.on('data', (d) => {
			out += d;
			const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
			if (url) {
				clearTimeout(timer);
				resolve(new SandboxProcess(child, url, kill));
			}
		});
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the sandbox exited (${code}) before it was ready:\n${out}`));
		});
	});
}

class SandboxProcess {
	/** @param {import('node:child_process').ChildProcess} child @param {string} url @param {() => void} kill */
	constructor(child, url, kill) {
		this.child = child;
		this.url = url;
		this.pid = child.pid;
		this.exitHook = kill;
	}

	reset() {
		return postJson(`${this.url}/__sandbox/reset`, {});
	}

	/** @param {string} campaign @param {number} count */
	async seedSessions(campaign, count) {
		const { json } = await postJson(
			`${this.url}/__sandbox/seed-sessions`,
			{ campaign, count },
			{ timeoutMs: 120_000 },
		);
		return json;
	}

	/** Number of API requests logged since the last reset. */
	async requestCount() {
		const { json } = await getJson(`${this.url}/__sandbox/requests?since=999999999999`);
		return json.total;
	}

	/** The API requests logged since the last reset, bodies and headers included. */
	async requests() {
		const { json } = await getJson(`${this.url}/__sandbox/requests?since=0`, {
			timeoutMs: 120_000,
		});
		return json.requests;
	}

	/**
	 * Have the sandbox record a genuine webhook event and deliver it to `url`; returns the exact payload
	 * it sent, so the same bytes can be replayed to several receivers.
	 * @param {string} url
	 */
	async recordEvent(url) {
		const { json } = await postJson(`${this.url}/__sandbox/webhooks/deliver`, {
			url,
			event: { type: 'coupon_validated', campaign: 'cam_1001' },
		});
		const sent = json?.deliveries?.[0]?.request;
		if (!sent?.body)
			throw new Error(`the sandbox delivered no event: ${JSON.stringify(json).slice(0, 300)}`);
		return { body: sent.body, eventId: String(json.event.webhook) };
	}

	async stop() {
		if (this.child.exitCode !== null) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
		process.off('exit', this.exitHook);
	}
}

module.exports = { startSandboxProcess };
