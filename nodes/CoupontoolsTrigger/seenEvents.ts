import type { IDataObject } from 'n8n-workflow';

/**
 * Coupontools may deliver the same event more than once (a retry after a slow answer, for example);
 * the workflow should start once per evt_ ID. The IDs of started events are kept in the workflow's
 * static data (saved by n8n after each webhook call), bounded in age and in number.
 */
export const SEEN_WINDOW_MS = 24 * 60 * 60 * 1000;
export const SEEN_MAX = 1000;
const KEY = 'seenEvents';

function seenOf(staticData: IDataObject): Record<string, number> {
	const stored = staticData[KEY];
	return stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, number>) : {};
}

export function wasSeen(staticData: IDataObject, eventId: string, now: number): boolean {
	const at = seenOf(staticData)[eventId];
	return typeof at === 'number' && now - at < SEEN_WINDOW_MS;
}

export function rememberEvent(staticData: IDataObject, eventId: string, now: number): void {
	const kept = Object.entries({ ...seenOf(staticData), [eventId]: now })
		.filter(([, at]) => typeof at === 'number' && now - at < SEEN_WINDOW_MS)
		.sort(([, a], [, b]) => a - b)
		.slice(-SEEN_MAX);
	// Replaced whole, so n8n's change tracking on static data sees the update.
	staticData[KEY] = Object.fromEntries(kept);
}
