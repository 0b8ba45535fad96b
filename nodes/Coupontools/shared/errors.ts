import type { IDataObject } from 'n8n-workflow';

/**
 * Everything that can go wrong in a Coupontools answer, reduced to one shape.
 * Pure: no n8n context, so every envelope variant is unit-testable on its own.
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

/** Hints for the codes the API documents (coupontools-api.md §3). Codes are reused, so the API's own words are shown too. */
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

/** Turns a failure into the message and fix hint shown in n8n. */
export function describeFailure(failure: CoupontoolsFailure): FailureText {
	const code = failure.codes[0];
	const hint = (code !== undefined ? ERROR_HINTS[code] : undefined) ?? HTTP_HINTS[failure.httpCode];
	const apiWords = [...failure.details, failure.apiMessage]
		.map((words) => words.trim().replace(/\.+$/, ''))
		.filter(Boolean)
		.join('; ');
	const codeLabel = failure.codes.length
		? `error ${failure.codes.join(', ')}`
		: `HTTP ${failure.httpCode}`;

	if (hint) {
		return {
			message: `${hint.message} (Coupontools ${codeLabel})`,
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
