import type { FaultClass } from '../limiter';
import type { CoupontoolsFailure } from './envelope';

/**
 * Whether a failed call may have acted, decided once where its error is made:
 * - `not-processed`: Coupontools (or the network) certainly did nothing: 429, 503, connection refused;
 * - `maybe-processed`: it may have acted: 500, 502, 504, an unreadable answer, a reset connection, a timeout;
 * - `final`: repeating cannot help (a refused value, a missing campaign, our own checks).
 * A 429 or 503 keeps its Retry-After header, read when the limiter asks (faultClassOf), on its clock.
 */
interface Fault {
	kind: FaultClass['kind'];
	retryAfter?: unknown;
}

export function answerFault(
	failure: CoupontoolsFailure,
	headers: Record<string, unknown> = {},
): Fault {
	if (failure.httpCode === 429 || failure.httpCode === 503)
		return { kind: 'not-processed', retryAfter: headerOf(headers, 'retry-after') };
	if (failure.httpCode >= 500 || failure.unreadable) return { kind: 'maybe-processed' };
	return { kind: 'final' };
}

export function transportFault(code: string): Fault {
	if (code === 'ECONNREFUSED') return { kind: 'not-processed' };
	if (/^(ECONNRESET|ECONNABORTED|ETIMEDOUT|EPIPE)$/.test(code)) return { kind: 'maybe-processed' };
	return { kind: 'final' };
}

const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * Retry-After is either seconds or an HTTP date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after).
 * Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
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

const faults = new WeakMap<object, Fault>();

export function classified<T extends object>(error: T, fault: Fault): T {
	faults.set(error, fault);
	return error;
}

/**
 * The class given when the error was made, its Retry-After as a wait from `now`; anything we did not
 * make (our own checks included) is final.
 */
export function faultClassOf(error: unknown, now: number = Date.now()): FaultClass {
	const fault = error !== null && typeof error === 'object' ? faults.get(error) : undefined;
	if (!fault) return { kind: 'final' };
	const retryAfterMs = parseRetryAfter(fault.retryAfter, now);
	return retryAfterMs === undefined ? { kind: fault.kind } : { kind: fault.kind, retryAfterMs };
}
