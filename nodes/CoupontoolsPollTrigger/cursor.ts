import type { IDataObject } from 'n8n-workflow';

import { floorToMinute, minuteOf } from './time';

/**
 * Where one watched source (an event kind in one campaign or directory) stands. Every event older than
 * `from` was handled; of the events at `from` or later, exactly those in `ids` were. The API filters on
 * whole minutes, so the next poll asks again from `from`'s minute and drops the IDs it already handled:
 * events sharing the boundary minute are neither lost nor emitted twice.
 */
export interface Cursor {
	/** "yyyy-MM-dd HH:mm:ss" UTC */
	from: string;
	ids: string[];
}

/** One event as read from Coupontools, before it becomes an output item. */
export interface WatchedEvent {
	/** Unique within its source: the session code, or the directory user's id. */
	id: string;
	/** "yyyy-MM-dd HH:mm:ss" UTC */
	time: string;
	record: IDataObject;
}

/** The events that are new for `cursor`, oldest first (ties by ID, so the order is stable). */
export function newEvents(cursor: Cursor, events: WatchedEvent[]): WatchedEvent[] {
	const seen = new Set(cursor.ids);
	const unique = new Map<string, WatchedEvent>();
	for (const event of events)
		if (event.time >= cursor.from && !seen.has(event.id)) unique.set(event.id, event);
	return [...unique.values()].sort((a, b) =>
		a.time === b.time ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.time < b.time ? -1 : 1,
	);
}

/**
 * The cursor after `emitted` (new events, oldest first) were handled: `from` moves to the start of the
 * newest event's minute (never back), and `ids` keeps the IDs handled at or after it.
 */
export function advance(cursor: Cursor, emitted: WatchedEvent[]): Cursor {
	if (!emitted.length) return cursor;
	const newest = emitted[emitted.length - 1].time;
	const minuteStart = floorToMinute(newest);
	const from = minuteStart > cursor.from ? minuteStart : cursor.from;
	const ids = minuteOf(from) === minuteOf(cursor.from) ? new Set(cursor.ids) : new Set<string>();
	for (const event of emitted) if (event.time >= from) ids.add(event.id);
	return { from, ids: [...ids] };
}

export function isCursor(value: unknown): value is Cursor {
	const candidate = value as Cursor | undefined;
	return (
		!!candidate &&
		typeof candidate.from === 'string' &&
		Array.isArray(candidate.ids) &&
		candidate.ids.every((id) => typeof id === 'string')
	);
}
