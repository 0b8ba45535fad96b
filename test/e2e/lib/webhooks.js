// @ts-check
'use strict';
/**
 * Whether n8n has registered a production webhook path yet. Activation over the public API returns before
 * the webhooks are registered on 2.41 (a few hundred ms later; 2.8 registers them before answering), and a
 * POST in between gets 404. A CORS preflight asks n8n which methods a path has without running anything:
 * 204 with POST listed once it is registered.
 */

/**
 * @param {string} baseUrl  n8n's base URL
 * @param {string} webhookPath  the path after /webhook/
 * @returns {Promise<boolean>}
 */
async function webhookRegistered(baseUrl, webhookPath) {
	const res = await fetch(`${baseUrl}/webhook/${webhookPath}`, {
		method: 'OPTIONS',
		headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
	});
	await res.arrayBuffer();
	return (
		res.status === 204 && /\bPOST\b/.test(res.headers.get('access-control-allow-methods') ?? '')
	);
}

/**
 * Waits until every path is registered; fails naming the first that is not after `timeoutMs`.
 * @param {string} baseUrl @param {string[]} paths @param {number} [timeoutMs]
 */
async function waitForWebhooks(baseUrl, paths, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (const webhookPath of paths) {
		while (!(await webhookRegistered(baseUrl, webhookPath))) {
			if (Date.now() > deadline)
				throw new Error(
					`webhook /webhook/${webhookPath} not registered ${timeoutMs / 1000} s after activation`,
				);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}

module.exports = { webhookRegistered, waitForWebhooks };
