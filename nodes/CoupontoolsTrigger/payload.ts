import type { IDataObject } from 'n8n-workflow';

/** Coupontools events are a handful of short fields; anything this big is not one of them. */
export const MAX_BODY_BYTES = 1024 * 1024;

const EVENT_ID = /^evt_[A-Za-z0-9]+$/;

/** What the trigger needs from n8n's request object (express), whatever n8n already parsed. */
export interface IncomingRequest {
	method?: string;
	headers?: Record<string, string | string[] | undefined>;
	/** Parsed by n8n for JSON and form bodies; a string for text/plain; absent for other content types. */
	body?: unknown;
	/** The bytes as received, when n8n read them. */
	rawBody?: unknown;
}

export type ReadResult = { ok: true; payload: IDataObject } | { ok: false; reason: string };

/** The event as the payload claims it, read from either of the field names seen for each value. */
export interface EventClaim {
	eventId?: string;
	type?: string;
	date?: string;
	campaign?: string;
	session?: string;
}

function isPlainObject(value: unknown): value is IDataObject {
	return (
		value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)
	);
}

function header(request: IncomingRequest, name: string): string {
	const value = request.headers?.[name];
	return (Array.isArray(value) ? value[0] : value) ?? '';
}

function sizeOf(request: IncomingRequest): number {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody.length;
	const declared = Number(header(request, 'content-length'));
	if (Number.isFinite(declared) && declared > 0) return declared;
	if (typeof request.body === 'string') return Buffer.byteLength(request.body);
	return request.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(request.body) ?? '');
}

/**
 * The event payload, from a body n8n parsed (JSON, form) or from the raw text when it did not
 * (text/plain, a missing or unusual Content-Type). Every way it can be unusable becomes a short reason.
 */
export function readPayload(request: IncomingRequest): ReadResult {
	const size = sizeOf(request);
	if (size > MAX_BODY_BYTES)
		return { ok: false, reason: `The body is too large (${size} bytes; the limit is 1 MB)` };
	if (isPlainObject(request.body) && Object.keys(request.body).length)
		return { ok: true, payload: request.body };

	let text = '';
	if (typeof request.body === 'string') text = request.body;
	else if (Buffer.isBuffer(request.body)) text = request.body.toString('utf8');
	else if (Buffer.isBuffer(request.rawBody)) text = request.rawBody.toString('utf8');
	text = text.trim();
	if (!text)
		return {
			ok: false,
			reason: 'The body is empty: expected a Coupontools event as JSON or form fields',
		};

	if (text.startsWith('{') || text.startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'The body is not valid JSON' };
		}
		return isPlainObject(parsed)
			? { ok: true, payload: parsed }
			: { ok: false, reason: 'The body is JSON but not an object' };
	}
	if (text.includes('=')) {
		const fields = Object.fromEntries(new URLSearchParams(text));
		if (Object.keys(fields).length) return { ok: true, payload: fields };
	}
	return { ok: false, reason: 'The body is neither JSON nor form fields' };
}

function firstText(payload: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = payload[key];
		if (typeof value === 'number') return String(value);
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

/**
 * The payload shape is not documented: the verification answer names `webhook` and `date`, while
 * third-party code reads `id` and `datetime`; sessions are `couponsession` in the rest of the API.
 * Each value is read from the first of its names that is present.
 */
export const CLAIM_KEYS: Record<keyof EventClaim, string[]> = {
	eventId: ['webhook', 'id'],
	type: ['type'],
	date: ['date', 'datetime'],
	campaign: ['campaign'],
	session: ['session', 'couponsession'],
};

export function claimOf(payload: IDataObject): EventClaim {
	return {
		eventId: firstText(payload, CLAIM_KEYS.eventId),
		type: firstText(payload, CLAIM_KEYS.type),
		date: firstText(payload, CLAIM_KEYS.date),
		campaign: firstText(payload, CLAIM_KEYS.campaign),
		session: firstText(payload, CLAIM_KEYS.session),
	};
}

export function isEventId(value: string | undefined): value is string {
	return value !== undefined && EVENT_ID.test(value);
}
