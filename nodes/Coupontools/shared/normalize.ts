import type { IDataObject } from 'n8n-workflow';

/**
 * Coupontools writes times as "yyyy-MM-dd HH:mm:ss" in UTC without saying so (keys ending in `_utc`,
 * the v4 REST fields ending in `_at` such as expires_at, and lastlogin). Read by a person or a Date parser in another zone they shift by
 * hours, so we output them as ISO 8601 with an explicit Z: "2026-11-25 09:30:00" → "2026-11-25T09:30:00Z".
 * An empty string means "never happened" in the API and becomes null.
 */
const UTC_DATE_KEYS = /(_utc|_at|^lastlogin)$/;
const API_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function toIsoUtc(value: string): string {
	const match = API_DATETIME.exec(value.trim());
	if (!match) return value;
	const [, day, hours, minutes, seconds] = match;
	return `${day}T${hours}:${minutes}:${seconds ?? '00'}Z`;
}

function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function normalizeValue(
	key: string,
	value: unknown,
	normalize: (record: IDataObject) => IDataObject,
): IDataObject[keyof IDataObject] {
	if (typeof value === 'string' && UTC_DATE_KEYS.test(key)) {
		return value === '' || value.startsWith('0000-00-00') ? null : toIsoUtc(value);
	}
	if (isRecord(value)) return normalize(value);
	if (Array.isArray(value))
		return value.map((entry) => (isRecord(entry) ? normalize(entry) : entry)) as IDataObject[];
	return value as IDataObject[keyof IDataObject];
}

export function normalizeRecord(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record))
		out[key] = normalizeValue(key, value, normalizeRecord);
	return out;
}

/**
 * normalizeRecord without the copy, for a record nothing else holds (just parsed from an answer): Return All
 * can read 100,000 sessions, and a second copy of each would double the allocations.
 */
export function normalizeRecordInPlace(record: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(record)) {
		const normalized = normalizeValue(key, value, normalizeRecordInPlace);
		if (normalized !== value) record[key] = normalized;
	}
	return record;
}
