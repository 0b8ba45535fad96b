// @ts-check
'use strict';
/**
 * JSON over fetch() for the scripts and the e2e tests: one way to send a body to n8n or the sandbox and
 * read what came back, so the demo, the stack and the tests see answers alike.
 */

/**
 * An answer's body as JSON, or undefined when it is empty or not JSON (an HTML error page, a plain
 * "Workflow was started"): callers look at the status and the text for those.
 * @param {string} text
 * @returns {any}
 */
function parseJsonOrUndefined(text) {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Sends `body` as JSON (or `rawBody` as it is) and resolves whatever the status: the caller decides
 * what an error is, e.g. a test that expects a 4xx.
 * @param {string} url
 * @param {{ method?: string, body?: unknown, rawBody?: string, headers?: Record<string, string> }} [init]
 * @returns {Promise<{ status: number, json: any, text: string }>}
 */
async function fetchJson(url, { method = 'GET', body, rawBody, headers = {} } = {}) {
	const res = await fetch(url, {
		method,
		headers: {
			accept: 'application/json',
			...(body !== undefined ? { 'content-type': 'application/json' } : {}),
			...headers,
		},
		body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
	});
	const text = await res.text();
	return { status: res.status, json: parseJsonOrUndefined(text), text };
}

module.exports = { fetchJson, parseJsonOrUndefined };
