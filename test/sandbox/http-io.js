// @ts-check
/** Reading request bodies and writing answers with plain `http` (keep-alive friendly: always a Content-Length). */

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./types').RouteResponse} RouteResponse */

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * @param {IncomingMessage} req
 * @returns {Promise<Buffer | undefined>} undefined when the body is larger than MAX_BODY_BYTES
 */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * JSON (application/json or anything that looks like it) and application/x-www-form-urlencoded.
 * An empty body is `{}`. A JSON body that is not an object (e.g. an array) is not accepted.
 * @param {string | undefined} contentType
 * @param {Buffer} raw
 * @returns {{ ok: true, body: Record<string, unknown> } | { ok: false, text: string }}
 */
function parseBody(contentType, raw) {
	const text = raw.toString('utf8');
	if (text.trim() === '') return { ok: true, body: {} };
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') {
		return { ok: true, body: Object.fromEntries(new URLSearchParams(text)) };
	}
	try {
		const parsed = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
			return { ok: true, body: parsed };
	} catch {
		// fall through
	}
	return { ok: false, text };
}

/**
 * @param {ServerResponse} res
 * @param {RouteResponse} response
 */
function sendJson(res, response) {
	const payload = Buffer.from(JSON.stringify(response.body));
	res.writeHead(response.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(payload.length),
		...response.headers,
	});
	res.end(payload);
}

/**
 * Valid headers, then the first half of the JSON: Content-Length matches what is sent, so the client
 * receives a complete HTTP answer whose body does not parse.
 * @param {ServerResponse} res
 * @param {RouteResponse} response
 */
function sendTruncatedJson(res, response) {
	const full = Buffer.from(JSON.stringify(response.body));
	const cut = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
	res.writeHead(response.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(cut.length),
	});
	res.end(cut);
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} html
 */
function sendHtml(res, status, html) {
	const payload = Buffer.from(html);
	res.writeHead(status, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': String(payload.length),
	});
	res.end(payload);
}

module.exports = { readBody, parseBody, sendJson, sendTruncatedJson, sendHtml, MAX_BODY_BYTES };
