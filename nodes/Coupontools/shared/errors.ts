import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * Every failure of a Coupontools call ends here: a failed answer (parseCoupontoolsFailure) or a transport
 * fault (transportFaultOf) becomes one NodeApiError with words for the user, classified once (faultClassOf)
 * for whoever decides on repeating it. The mapping functions are pure, so every envelope variant is
 * unit-testable on its own; this module knows nothing about operations.
 */

/**
 * Everything that can go wrong in a Coupontools answer, reduced to one shape.
 */
export interface CoupontoolsFailure {
	/** HTTP status of the answer (Coupontools often says "failed" with HTTP 200). */
	httpCode: number;
	/** The API's own error codes (scalar or parallel array in the envelope). */
	codes: number[];
	/** The API's error_message, e.g. "HTTP/1.0 422 Unprocessable entity." */
	apiMessage: string;
	/** The API's error_message_description entries, e.g. "Missing parameter: email". */
	details: string[];
	/** True when the answer was not a JSON document (HTML error page, cut-off JSON, empty body). */
	unreadable: boolean;
}

export interface FailureText {
	message: string;
	description: string;
}

/**
 * Hints for the error codes Coupontools documents (https://docs.coupontools.com, error codes). Codes are
 * reused across endpoints, so the API's own words are shown too.
 */
export const ERROR_HINTS: Record<number, FailureText> = {
	1000: {
		message: 'Client ID or secret not correct',
		description:
			'Check the Coupontools API credential: copy the Client ID and Client Secret again from Integrations → API in the Coupontools dashboard, and check the Base URL.',
	},
	101: {
		message: 'The Coupontools account has expired',
		description: 'Renew the Coupontools subscription of this account, then run the node again.',
	},
	102: {
		message: 'Subaccount keys cannot manage subaccounts',
		description:
			"Use the main account's Client ID and Client Secret in the credential for subaccount operations.",
	},
	103: {
		// Also answered by the email tool (email groups), whose text the docs cut off.
		message: 'The account is not connected to the Coupontools SMS services or email tool',
		description:
			'Connect the SMS integration (Integrations → SMS), or for email groups the email tool, in the Coupontools dashboard, then run the node again.',
	},
	104: {
		message: 'The account has no email-marketing integration',
		description:
			'Connect an email integration in the Coupontools dashboard (Integrations → Email marketing), then run the node again.',
	},
	200: {
		message: 'A required field is missing',
		description:
			'Fill in the field Coupontools names above (an expression may have resolved to an empty value).',
	},
	300: {
		message: 'Coupontools rejected a value',
		description: 'Check the field Coupontools names above.',
	},
	301: {
		message: 'A value contains characters Coupontools does not accept',
		description:
			'IDs look like cam_12345, dir_12345 or sub_12345: check the field Coupontools names above for spaces or stray characters.',
	},
	302: {
		message: 'A value is not one of the allowed choices',
		description: 'Pick one of the listed options for the field Coupontools names above.',
	},
	303: {
		message: 'A value has the wrong format',
		description: 'Dates must be written as yyyy-MM-dd (for example 2026-12-31).',
	},
	304: {
		message: 'This email address already exists',
		description:
			'Use another email address, or look the existing subaccount up with Subaccount → Get Many.',
	},
	305: {
		message: 'The email address is not valid',
		description: 'Check the Email field: it must look like name@example.com.',
	},
	502: {
		message: 'Campaign or directory not found',
		description:
			'Check the Campaign (cam_…) or Directory (dir_…) ID; pick it from the list to be sure it exists in this account.',
	},
	503: {
		message: 'Teammate not found',
		description: 'Check the teammate ID.',
	},
	505: {
		message: 'Coupon session or loyalty card not found',
		description:
			'Check the session code (21 characters, or the 6-character short form) or the loyalty card ID.',
	},
	507: {
		message: 'Directory or loyalty card not found',
		description:
			'Check the Directory or Loyalty Card ID; pick it from the list to be sure it exists in this account.',
	},
	509: {
		message: 'Webhook event not found',
		description:
			'Coupontools does not know this evt_… ID: the event is forged, mistyped, or from another account.',
	},
	510: {
		message: 'Subaccount not found',
		description:
			'Check the Subaccount ID (sub_…); pick it from the list to be sure it belongs to this account.',
	},
	514: {
		message: 'Group not found',
		description: 'Check the group ID (gro_…); pick it from the list to be sure it exists.',
	},
	515: {
		message: 'Folder not found',
		description: 'Check the Folder ID in the filters.',
	},
	604: {
		message: 'Coupontools could not send the email',
		description:
			'The email provider connected to Coupontools refused the message. Check the integration under Integrations → Email marketing, and the recipient address.',
	},
};

const HTTP_HINTS: Record<number, FailureText> = {
	401: ERROR_HINTS[1000],
	403: {
		message: 'Coupontools refused access',
		description:
			'The credential is valid but not allowed to do this. Check the account plan and the API permissions.',
	},
	404: {
		message: 'Coupontools does not know this endpoint',
		description:
			'Check the Base URL of the credential (https://api.coupontools.com or https://api4coupons.com, without a path).',
	},
	429: {
		message: 'Coupontools is rate limiting the requests',
		description:
			"Slow down: enable Batching under the node's Options, or add a Wait node between batches.",
	},
};

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function toList<T>(value: unknown): T[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]) as T[];
}

/**
 * Reads any of the documented envelope shapes:
 * - `status: {status: "failed", errors: {error_code, error_message}}`
 * - the same with parallel arrays `error_code: [..]`, `error_message_description: [..]`
 * - `status: {status: "failed"}` with a sibling top-level `errors` block
 * and anything that is not a Coupontools answer at all (HTML pages, truncated JSON, HTTP errors).
 * Returns undefined when the answer is a success.
 */
export function parseCoupontoolsFailure(
	httpCode: number,
	body: unknown,
): CoupontoolsFailure | undefined {
	const object = asObject(body);
	const status = asObject(object?.status);
	const failed = typeof status?.status === 'string' && status.status.toLowerCase() !== 'ok';

	if (object && !failed && httpCode < 400) return undefined;
	// v4 REST endpoints answer bare arrays.
	if (Array.isArray(body) && httpCode < 400) return undefined;

	const errors = asObject(status?.errors) ?? asObject(object?.errors) ?? {};
	const codes = toList<unknown>(errors.error_code)
		.map((code) => Number(code))
		.filter((code) => Number.isFinite(code));
	const details = toList<unknown>(errors.error_message_description ?? errors.description).map(
		String,
	);
	let apiMessage = typeof errors.error_message === 'string' ? errors.error_message : '';
	if (!apiMessage && object && typeof object.message === 'string') apiMessage = object.message;
	const unreadable = !object && !Array.isArray(body);
	if (unreadable) apiMessage = describeNonJson(body);
	return { httpCode, codes, apiMessage, details, unreadable };
}

function describeNonJson(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'an empty answer';
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
	if (/<html|<!doctype/i.test(text)) return 'an HTML page instead of JSON';
	if (/^\s*[[{]/.test(text)) return 'JSON that was cut off before its end';
	return 'an answer that is not JSON';
}

/**
 * The API often prefixes its words with an HTTP status line ("HTTP/1.0 422 Unprocessable entity.", or
 * "HTTP/1.0 401 Unauthorized. Client ID or Secret not correct."): protocol noise for a user, and
 * misleading when it disagrees with the real status. Only the words after it are shown.
 */
const STATUS_LINE = /^\s*HTTP\/\d(?:\.\d)?\s+\d{3}\b[^.;]*[.;]?/i;

function apiWordsOf(failure: CoupontoolsFailure): string {
	const words = [...failure.details, failure.apiMessage]
		.map((text) => text.replace(STATUS_LINE, '').trim().replace(/\.+$/, ''))
		.filter(Boolean);
	return [...new Set(words)].join('; ');
}

/**
 * "Coupontools code 502", never "error 502": the API's codes overlap HTTP statuses (502, 503, 505) and
 * must not read like "Bad Gateway".
 */
function codeLabelOf(failure: CoupontoolsFailure): string {
	if (!failure.codes.length) return `HTTP ${failure.httpCode}`;
	return `Coupontools ${failure.codes.length > 1 ? 'codes' : 'code'} ${failure.codes.join(', ')}`;
}

/** Turns a failure into the message and fix hint shown in n8n. */
export function describeFailure(failure: CoupontoolsFailure): FailureText {
	const code = failure.codes[0];
	const hint = (code !== undefined ? ERROR_HINTS[code] : undefined) ?? HTTP_HINTS[failure.httpCode];
	const apiWords = apiWordsOf(failure);
	const codeLabel = codeLabelOf(failure);

	if (hint) {
		return {
			message: `${hint.message} (${codeLabel})`,
			description: apiWords
				? `Coupontools says: ${apiWords}. ${hint.description}`
				: hint.description,
		};
	}
	if (failure.unreadable && failure.httpCode < 500) {
		return {
			message: `Coupontools sent an answer n8n cannot read (HTTP ${failure.httpCode})`,
			description: `Coupontools answered with ${failure.apiMessage}. This is usually a temporary fault on their side: enable Retry On Fail in the node settings, or try again later. If it persists, check the Base URL of the credential.`,
		};
	}
	if (failure.httpCode >= 500) {
		return {
			message: `Coupontools is unavailable (HTTP ${failure.httpCode}${failure.codes.length ? `, ${codeLabel}` : ''})`,
			description: `Coupontools answered with ${apiWords || 'a server error'}. This is usually temporary: enable Retry On Fail in the node settings, or try again later.`,
		};
	}
	return {
		message: `Coupontools refused the request (${codeLabel})`,
		description: apiWords
			? `Coupontools says: ${apiWords}.`
			: 'Coupontools gave no reason. Check the fields of this operation.',
	};
}

/**
 * Whether a failed call may have acted:
 * - `not-processed`: Coupontools (or the network) certainly did nothing: 429, 503, connection refused;
 * - `maybe-processed`: it may have acted: 500, 502, 504, an unreadable answer, a reset connection, a timeout;
 * - `final`: repeating cannot help (a refused value, a missing campaign, our own checks).
 * For 429 and 503, `retryAfterMs` is the wait the answer's Retry-After header asked for, if any.
 */
export type FaultKind = 'not-processed' | 'maybe-processed' | 'final';

export interface FaultClass {
	kind: FaultKind;
	retryAfterMs?: number;
}

export function classifyAnswer(
	failure: CoupontoolsFailure,
	headers: Record<string, unknown> = {},
): FaultClass {
	if (failure.httpCode === 429 || failure.httpCode === 503) {
		const retryAfterMs = parseRetryAfter(headerOf(headers, 'retry-after'));
		return retryAfterMs === undefined
			? { kind: 'not-processed' }
			: { kind: 'not-processed', retryAfterMs };
	}
	if (failure.httpCode >= 500 || failure.unreadable) return { kind: 'maybe-processed' };
	return { kind: 'final' };
}

export function classifyTransportFault(code: string): FaultClass {
	if (code === 'ECONNREFUSED') return { kind: 'not-processed' };
	if (/^(ECONNRESET|ECONNABORTED|ETIMEDOUT|EPIPE)$/.test(code)) return { kind: 'maybe-processed' };
	return { kind: 'final' };
}

const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * Retry-After is either seconds or an HTTP date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after).
 * Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	const text = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	// Anything else must be an HTTP date, which starts with the day's name (IMF-fixdate, RFC 850 and asctime
	// forms): Date.parse alone would also read '-1' or '2.5' as dates.
	if (!HTTP_DATE_START.test(trimmed)) return undefined;
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

function headerOf(headers: Record<string, unknown>, name: string): unknown {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

const faultClasses = new WeakMap<object, FaultClass>();

/** The class given when the error was made; anything we did not make (our own checks included) is final. */
export function faultClassOf(error: unknown): FaultClass {
	return (
		(error !== null && typeof error === 'object' && faultClasses.get(error)) || {
			kind: 'final',
		}
	);
}

function classified<T extends object>(error: T, fault: FaultClass): T {
	faultClasses.set(error, fault);
	return error;
}

/** The body given to NodeApiError: only the API's words, never the request (headers carry the secret). */
export function apiErrorBody(codes: number[], apiMessage: string, details: string[]): JsonObject {
	return {
		error_code: codes.length === 1 ? codes[0] : codes,
		error_message: apiMessage,
		error_message_description: details,
	} as JsonObject;
}

/** A failed answer as the error n8n shows, classified. */
export function answerError(
	node: INode,
	failure: CoupontoolsFailure,
	headers: Record<string, unknown> = {},
	itemIndex?: number,
): NodeApiError {
	const { message, description } = describeFailure(failure);
	return classified(
		new NodeApiError(node, apiErrorBody(failure.codes, failure.apiMessage, failure.details), {
			message,
			description,
			httpCode: String(failure.httpCode),
			itemIndex,
		}),
		classifyAnswer(failure, headers),
	);
}

/**
 * A check of ours that stopped an item before anything was sent. n8n's declarative engine wraps any
 * other error class in a NodeApiError with the HTTP code "none" (n8n-core routing-node.ts), and the
 * editor then shows "From Coupontools · Error code none" for a call that never happened. A NodeApiError
 * with no HTTP code and no API words shows just the message and the fix. Final: repeating cannot help.
 */
export function checkError(
	node: INode,
	message: string,
	{ description, itemIndex }: { description?: string; itemIndex?: number } = {},
): NodeApiError {
	return new NodeApiError(node, {} as JsonObject, { message, description, itemIndex });
}

/**
 * A transport fault as the error n8n shows, classified. n8n-core hands it over wrapped, with the request
 * (and so the secret headers) in its cause: only words that say what happened are kept.
 */
export function transportError(node: INode, caught: unknown, itemIndex?: number): NodeApiError {
	const fault = transportFaultOf(caught);
	const { message, description } = describeNetworkFault(fault.code, fault.message);
	return classified(
		new NodeApiError(node, { fault: fault.code, message } as JsonObject, {
			message,
			description,
			httpCode: fault.status ? String(fault.status) : undefined,
			itemIndex,
		}),
		classifyTransportFault(fault.code),
	);
}

interface TransportFault {
	code: string;
	message: string;
	status?: number;
}

/** n8n-core has already replaced the client error by a NodeApiError: the code is in httpCode, the raw words in messages. */
export function transportFaultOf(caught: unknown): TransportFault {
	const error = caught as {
		httpCode?: string | null;
		messages?: string[];
		message?: string;
		code?: string;
	};
	const httpCode = String(error?.httpCode ?? error?.code ?? '');
	return {
		code: /^E[A-Z_]+$/.test(httpCode) ? httpCode : '',
		message: String(error?.messages?.[0] ?? error?.message ?? caught),
		status: /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined,
	};
}

export function describeNetworkFault(
	code: string,
	rawMessage: string,
): { message: string; description: string } {
	const retry = 'Enable Retry On Fail in the node settings to try again automatically.';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(rawMessage)) {
		return {
			message: 'Coupontools did not answer in time',
			description: `The request timed out. Coupontools may still have processed it: check before resending. ${retry} The limit is set under Options → Timeout.`,
		};
	}
	if (code === 'ECONNRESET' || /socket hang up/i.test(rawMessage)) {
		return {
			message: 'The connection to Coupontools was closed before it answered',
			description: `Coupontools (or a proxy) dropped the connection mid-request. It may have processed the request: check before resending. ${retry}`,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			message: 'Coupontools refused the connection',
			description: `Nothing answered at the Base URL of the credential. Check the Base URL; if it is right, Coupontools may be down. ${retry}`,
		};
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: 'The Coupontools host could not be found',
			description:
				'Check the Base URL of the credential (https://api.coupontools.com) and the network of this n8n instance.',
		};
	}
	return {
		message: `The request to Coupontools failed${code ? ` (${code})` : ''}`,
		description: `${rawMessage.replace(/[\r\n]+/g, ' ').slice(0, 200)}. ${retry}`,
	};
}
