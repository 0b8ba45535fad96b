import type { IDataObject } from 'n8n-workflow';

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
