// @ts-check
/**
 * The response envelopes documented for Coupontools (https://www.coupontools.com/en/api-and-webhooks/errors), as route responses.
 *
 * HTTP status per envelope is a sandbox decision, because the docs never state it:
 * - auth (1000) and account (101) failures: HTTP 200. The docs show only the body, and the node's
 *   credential test reads `status.status` from a 200 answer.
 * - validation / not-found failures: HTTP 422, as the "HTTP/1.0 422 Unprocessable entity." text suggests.
 * A sandbox started with `failureHttpStatus: 200` answers every failed envelope with HTTP 200 (server.js).
 */

/** @typedef {import('./types').RouteResponse} RouteResponse */
/** @typedef {{ code: number, description: string }} ApiErrorEntry */

const UNPROCESSABLE = 'HTTP/1.0 422 Unprocessable entity.';

/**
 * `{ status: { status: 'OK' }, ...payload }`
 * @param {Record<string, unknown>} [payload]
 * @returns {RouteResponse}
 */
function ok(payload = {}) {
	return { status: 200, body: { status: { status: 'OK' }, ...payload } };
}

/**
 * Scalar-code failure, the shape documented for auth: `status.errors = { error_code, error_message }`.
 * @param {number} code
 * @param {string} message
 * @param {number} [httpStatus]
 * @returns {RouteResponse}
 */
function scalarFailure(code, message, httpStatus = 200) {
	return {
		status: httpStatus,
		body: { status: { status: 'failed', errors: { error_code: code, error_message: message } } },
	};
}

/** @returns {RouteResponse} */
function authFailure() {
	return scalarFailure(1000, 'HTTP/1.0 401 Unauthorized. Client ID or Secret not correct.');
}

/** Error 101. Its exact text is not documented; the shape follows the auth failure. @returns {RouteResponse} */
function accountExpired() {
	return scalarFailure(101, 'HTTP/1.0 401 Unauthorized. Account expired.');
}

/**
 * Parallel-array failure (subaccount SSO, webhook verification): one entry per problem.
 * @param {ApiErrorEntry[]} errors
 * @param {number} [httpStatus]
 * @returns {RouteResponse}
 */
function validationFailure(errors, httpStatus = 422) {
	return {
		status: httpStatus,
		body: {
			status: {
				status: 'failed',
				errors: {
					error_message: UNPROCESSABLE,
					error_message_description: errors.map((error) => error.description),
					error_code: errors.map((error) => error.code),
				},
			},
		},
	};
}

/**
 * The variant the docs show for the campaign single push: `errors` is a sibling of `status`.
 * @param {ApiErrorEntry[]} errors
 * @param {number} [httpStatus]
 * @returns {RouteResponse}
 */
function siblingFailure(errors, httpStatus = 422) {
	return {
		status: httpStatus,
		body: {
			status: { status: 'failed' },
			errors: {
				error_message: UNPROCESSABLE,
				error_message_description: errors.map((error) => error.description),
				error_code: errors.map((error) => error.code),
			},
		},
	};
}

/**
 * Transport-level failures (unknown path, wrong method, injected 429/500) in the scalar shape.
 * @param {number} httpStatus
 * @param {string} reason e.g. "Not Found"
 * @param {Record<string, string>} [headers]
 * @returns {RouteResponse}
 */
function httpFailure(httpStatus, reason, headers) {
	return {
		...scalarFailure(httpStatus, `HTTP/1.0 ${httpStatus} ${reason}`, httpStatus),
		...(headers ? { headers } : {}),
	};
}

/** @param {unknown} body */
function isFailedEnvelope(body) {
	if (!body || typeof body !== 'object') return false;
	const status = /** @type {{ status?: unknown }} */ (body).status;
	return (
		!!status &&
		typeof status === 'object' &&
		/** @type {{ status?: unknown }} */ (status).status === 'failed'
	);
}

/** A route answer thrown from deep inside a handler (parameter checks, lookups). */
class SandboxApiError extends Error {
	/** @param {RouteResponse} response */
	constructor(response) {
		super('Coupontools sandbox API error');
		this.response = response;
	}
}

/**
 * Throws a 422 parallel-array failure.
 * @param {number} code
 * @param {string} description
 * @returns {never}
 */
function fail(code, description) {
	throw new SandboxApiError(validationFailure([{ code, description }]));
}

module.exports = {
	ok,
	scalarFailure,
	authFailure,
	accountExpired,
	validationFailure,
	siblingFailure,
	httpFailure,
	isFailedEnvelope,
	SandboxApiError,
	fail,
	UNPROCESSABLE,
};
