// @ts-check
/**
 * Authentication as documented (https://www.coupontools.com/en/api-and-webhooks/authentication), checked before every API route:
 * - variant B: `X-Client-Id` / `X-Client-Secret` headers (what the node sends),
 * - variant A: `client_id` / `client_secret` body fields, on v3 and v4 RPC paths (not on v4 REST paths),
 * - variant C: `x-api-key` / `x-api-secret`, accepted on the v4 REST paths only (/v4/… except /v4/subaccount).
 * Any one complete, matching pair passes; a subaccount's own key pair passes too (subaccount routes then
 * answer 102). Then the account must not be expired (error 101).
 */

const { authFailure, accountExpired } = require('./envelope');

/** @typedef {import('./types').RouteResponse} RouteResponse */

/** @param {Record<string, string | string[] | undefined>} headers @param {string} name */
function header(headers, name) {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * @param {{ path: string, headers: Record<string, string | string[] | undefined>, body: Record<string, unknown> }} request
 * @param {{ clientId: string, clientSecret: string }} credentials
 * @param {{ expired: boolean }} account
 * @param {{ clientId: string, clientSecret: string }[]} [subaccountKeys] key pairs of the account's subaccounts
 * @returns {RouteResponse | undefined} the failure to answer, or undefined when the caller may proceed
 */
function authorize(request, credentials, account, subaccountKeys = []) {
	/** @type {[unknown, unknown][]} */
	const pairs = [
		[header(request.headers, 'x-client-id'), header(request.headers, 'x-client-secret')],
	];
	// v4 REST calls (GET, DELETE, bare JSON) are documented with header pairs only; body fields are the v3 "POST values".
	if (/^\/v4\/(?!subaccount)/.test(request.path)) {
		pairs.push([header(request.headers, 'x-api-key'), header(request.headers, 'x-api-secret')]);
	} else {
		pairs.push([request.body.client_id, request.body.client_secret]);
	}
	const accepted = [credentials, ...subaccountKeys];
	const valid = pairs.some(([id, secret]) =>
		accepted.some((pair) => id === pair.clientId && secret === pair.clientSecret),
	);
	if (!valid) return authFailure();
	if (account.expired) return accountExpired();
	return undefined;
}

module.exports = { authorize };
