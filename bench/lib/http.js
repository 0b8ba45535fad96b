// @ts-check
'use strict';
/**
 * Plain node:http calls for the driver. Not fetch: undici's 300 s headers timeout would cut a
 * long "respond when the last node finishes" webhook, and a fresh connection per call keeps the
 * measured round trip free of pooling effects.
 */

const http = require('node:http');

/**
 * @param {string} method @param {string} url @param {string | undefined} body
 * @param {{ headers?: Record<string, string>, timeoutMs?: number }} [opts]
 * @returns {Promise<{ status: number, text: string, json: any, ms: number, sentAt: number }>}
 */
function call(method, url, body, { headers = {}, timeoutMs = 900_000 } = {}) {
	return new Promise((resolve, reject) => {
		const sentAt = Date.now();
		const t0 = process.hrtime.bigint();
		const req = http.request(
			url,
			{
				method,
				agent: false,
				headers: {
					accept: 'application/json',
					...(body === undefined
						? {}
						: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
					...headers,
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const ms = Number(process.hrtime.bigint() - t0) / 1e6;
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = text ? JSON.parse(text) : undefined;
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, text, json, ms, sentAt });
				});
				res.on('error', reject);
			},
		);
		req.setTimeout(timeoutMs, () =>
			req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)),
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** @param {string} url @param {unknown} payload @param {{ headers?: Record<string, string>, timeoutMs?: number }} [opts] */
async function postJson(url, payload, opts) {
	const res = await call(
		'POST',
		url,
		typeof payload === 'string' ? payload : JSON.stringify(payload),
		opts,
	);
	if (res.status >= 400)
		throw new Error(`POST ${url} -> HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	return res;
}

/** @param {string} url @param {{ headers?: Record<string, string>, timeoutMs?: number }} [opts] */
async function getJson(url, opts) {
	const res = await call('GET', url, undefined, opts);
	if (res.status >= 400)
		throw new Error(`GET ${url} -> HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	return res;
}

module.exports = { call, postJson, getJson };
