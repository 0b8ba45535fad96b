import type { IDataObject } from 'n8n-workflow';

/**
 * Coupontools may deliver the same event more than once (a retry after a slow answer, for example);
 * the workflow should start once per evt_ ID. The IDs of started events are kept in the workflow's
 * static data (saved by n8n after each webhook call), bounded in age and in number.
 */
export const SEEN_WINDOW_MS = 24 * 60 * 60 * 1000;
export const SEEN_MAX = 1000;
const KEY = 'seenEvents';

function seenOf(staticData: IDataObject, key: string): Record<string, number> {
	const stored = staticData[key];
	return stored !== null && typeof stored === 'object' && !Array.isArray(stored)
		? (stored as Record<string, number>)
		: {};
}

/**
 * The same IDs in this process's memory, per workflow and node. n8n 2.41 does not persist static data
 * written during a webhook call (measured: the save sees no change), so memory is what catches a
 * duplicate there; static data still carries the IDs across restarts where n8n saves it (2.8).
 */
const recentInProcess = new Map<string, number>();

function remembered(scope: string, eventId: string): number | undefined {
	return recentInProcess.get(`${scope}\u0000${eventId}`);
}

/** The events one trigger node started: its key in the static data and its scope in this process's memory. */
export interface SeenEvents {
	/** Whether the event started the workflow within the last SEEN_WINDOW_MS. */
	has(eventId: string, now: number): boolean;
	remember(eventId: string, now: number): void;
}

export function seenEvents(staticData: IDataObject, key = KEY, scope = key): SeenEvents {
	return {
		has(eventId, now) {
			const stored = seenOf(staticData, key)[eventId];
			const inMemory = remembered(scope, eventId);
			return [stored, inMemory].some((at) => typeof at === 'number' && now - at < SEEN_WINDOW_MS);
		},
		remember(eventId, now) {
			recentInProcess.set(`${scope}\u0000${eventId}`, now);
			for (const [entry, at] of recentInProcess) {
				if (recentInProcess.size <= SEEN_MAX * 10 && now - at < SEEN_WINDOW_MS) break;
				recentInProcess.delete(entry);
			}
			const kept = Object.entries({ ...seenOf(staticData, key), [eventId]: now })
				.filter(([, at]) => typeof at === 'number' && now - at < SEEN_WINDOW_MS)
				.sort(([, a], [, b]) => a - b)
				.slice(-SEEN_MAX);
			// Replaced whole, so n8n's change tracking on static data sees the update.
			staticData[key] = Object.fromEntries(kept);
		},
	};
}
