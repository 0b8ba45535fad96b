#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The floor of Send Email: a plain Node loop doing the same calls as the node (POST /v3/send/email,
 * X-Client-Id / X-Client-Secret, the same JSON body) over keep-alive connections, in its own process.
 *
 *   node bench/floor.js <sandboxUrl> <items> <runTag> [concurrency]
 *
 * concurrency defaults to all items in flight at once: n8n's declarative engine (RoutingNode) and the
 * HTTP Request node both start every item's request before awaiting any. Prints one JSON line.
 */

const http = require('node:http');

const [url, itemsArg, run, concurrencyArg] = process.argv.slice(2);
const items = Number(itemsArg);
const concurrency = Math.min(items, Number(concurrencyArg) || items);
if (!url || !(items > 0) || !run) {
	process.stderr.write('usage: node bench/floor.js <sandboxUrl> <items> <runTag> [concurrency]\n');
	process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL('/v3/send/email', url);

/** @param {number} i @returns {Promise<boolean>} */
function send(i) {
	const body = JSON.stringify({
		campaign: 'cam_1005',
		email: `bench-${run}-${i}@example.com`,
		check_unique: false,
		firstname: 'Bench',
	});
	return new Promise((resolve) => {
		const req = http.request(
			target,
			{
				method: 'POST',
				agent,
				headers: {
					accept: 'application/json',
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'x-client-id': 'sandbox-client-id',
					'x-client-secret': 'sandbox-client-secret',
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					try {
						resolve(
							res.statusCode === 200 &&
								JSON.parse(Buffer.concat(chunks).toString('utf8')).action === 'email_sent',
						);
					} catch {
						resolve(false);
					}
				});
			},
		);
		req.setTimeout(120_000, () => req.destroy());
		req.on('error', () => resolve(false));
		req.end(body);
	});
}

async function main() {
	let next = 0;
	let ok = 0;
	const t0 = process.hrtime.bigint();
	const worker = async () => {
		while (next < items) {
			const i = next++;
			if (await send(i)) ok++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	agent.destroy();
	process.stdout.write(`${JSON.stringify({ items, concurrency, ok, ms })}\n`);
}

main();
