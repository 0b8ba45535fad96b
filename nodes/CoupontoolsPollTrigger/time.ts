/**
 * Times as the Coupontools API writes them: "yyyy-MM-dd HH:mm:ss" in UTC. That form sorts as text, so
 * cursors and windows compare strings. The usage-data calls filter on whole minutes ("yyyy-MM-dd HH:mm",
 * UTC, both ends inclusive: https://docs.coupontools.com, campaign usage data).
 */

/** "yyyy-MM-dd HH:mm:ss" of a moment, UTC. */
export function apiTimeOf(date: Date): string {
	const iso = date.toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const API_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time read from an answer or typed by the user → "yyyy-MM-dd HH:mm:ss" UTC, or undefined when it is
 * not a time. Text without a zone is UTC (the API's own form, and n8n's date picker as the field says);
 * a day alone is its first second. Luxon DateTimes and Dates from expressions are converted.
 */
export function toApiTime(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : apiTimeOf(value);
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	)
		return toApiTime(new Date(String((value as { toISO: () => string }).toISO())));
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text} 00:00:00`;
	const match = API_TIME.exec(text);
	if (!match) return undefined;
	const [, day, minutes, seconds, zone] = match;
	if (!zone) return `${day} ${minutes}${seconds ?? ':00'}`;
	const parsed = new Date(text);
	return Number.isNaN(parsed.getTime()) ? undefined : apiTimeOf(parsed);
}

/** "yyyy-MM-dd HH:mm" of an API time: what start_date / end_date take. */
export function minuteOf(time: string): string {
	return time.slice(0, 16);
}

/** The first second of the time's minute. */
export function floorToMinute(time: string): string {
	return `${minuteOf(time)}:00`;
}

/**
 * The last minute that is over at `now`: a poll reads only closed minutes, so an event cannot be written
 * into a minute the poll already read (Coupontools lists sessions by sequence, not by date, so a page read
 * while events arrive could otherwise shift under the reader).
 */
export function lastClosedMinute(now: Date): string {
	return minuteOf(apiTimeOf(new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 60_000)));
}

/** The first second of the minute after `minute` ("yyyy-MM-dd HH:mm"). */
export function minuteAfter(minute: string): string {
	return apiTimeOf(new Date(Date.parse(`${minute.replace(' ', 'T')}:00Z`) + 60_000));
}

/** ISO 8601 with Z, for outputs: "2026-11-25 09:30:00" → "2026-11-25T09:30:00Z". */
export function isoOf(time: string): string {
	return `${time.slice(0, 10)}T${time.slice(11, 19)}Z`;
}
