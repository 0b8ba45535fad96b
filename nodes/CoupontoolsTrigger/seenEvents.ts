import type { IDataObject } from 'n8n-workflow';

/**
 * Coupontools may deliver the same event more than once (a retry after a slow answer, for example);
 * the workflow should start once per evt_ ID. Every delivery first claims its event ID; only the
 * delivery holding the claim verifies the event and starts the workflow:
 *
 * - The claims live in this process's memory, one store per trigger node (workflow ID and node ID). n8n
 *   gives every webhook call its own copy of the workflow's static data and saves it after the call, the
 *   last writer winning (n8n's LiveWebhooks), so concurrent calls can only see each other in memory.
 *   Claiming is synchronous (no await between the check and the write), so two calls of one process
 *   never both hold a claim.
 * - A claim becomes "started" when the workflow starts, and is kept SEEN_WINDOW_MS; a refused or
 *   unverifiable delivery releases it, so the sender's retry can start the workflow.
 * - The started IDs are also written to the static data, which n8n 2.x up to 2.8 saves after the call:
 *   that copy carries them across restarts. n8n 2.41 does not save static data changed during a webhook
 *   call (measured: its save sees no change), so there the memory is the only record.
 *
 * Each node keeps at most SEEN_MAX started IDs (the oldest go first), so one busy workflow never pushes
 * out another's.
 */
export const SEEN_WINDOW_MS = 24 * 60 * 60 * 1000;
export const SEEN_MAX = 1000;
/** A claim whose call neither started nor ended within this time is given up (the call never ended). */
export const CLAIM_TIMEOUT_MS = 5 * 60 * 1000;
const KEY = 'seenEvents';

interface Remembered {
	state: 'claimed' | 'started';
	at: number;
}

/** Trigger node (workflow ID and node ID) → its event IDs, oldest first (a Map keeps insertion order). */
const memoryByNode = new Map<string, Map<string, Remembered>>();

function storedOf(staticData: IDataObject, key: string): Record<string, number> {
	const stored = staticData[key];
	return stored !== null && typeof stored === 'object' && !Array.isArray(stored)
		? (stored as Record<string, number>)
		: {};
}

function isRecent(at: unknown, now: number, windowMs: number): boolean {
	return typeof at === 'number' && now - at < windowMs;
}

/** Drops what expired and, beyond SEEN_MAX started IDs, the oldest started ones. */
function prune(memory: Map<string, Remembered>, now: number): void {
	let started = 0;
	for (const entry of memory.values()) if (entry.state === 'started') started++;
	for (const [eventId, entry] of memory) {
		const expired =
			entry.state === 'started'
				? !isRecent(entry.at, now, SEEN_WINDOW_MS)
				: !isRecent(entry.at, now, CLAIM_TIMEOUT_MS);
		if (expired || (entry.state === 'started' && started > SEEN_MAX)) {
			if (entry.state === 'started') started--;
			memory.delete(eventId);
		}
	}
}

/** The event IDs of one trigger node: claimed by a call that is still checking them, or started. */
export interface EventClaims {
	/**
	 * Takes the event for this call. False when another call is checking it or it started within
	 * SEEN_WINDOW_MS: the call is then a duplicate.
	 */
	claim(eventId: string, now: number): boolean;
	/** The workflow starts for the event: it stays taken for SEEN_WINDOW_MS, in memory and static data. */
	started(eventId: string, now: number): void;
	/** The event was refused or could not be checked: a later delivery may start the workflow. */
	release(eventId: string): void;
}

/**
 * @param staticData the static data of this call (n8n's copy for it)
 * @param key where in it the started IDs are kept
 * @param nodeKey the trigger node in this process: workflow ID and node ID
 */
export function eventClaims(staticData: IDataObject, key = KEY, nodeKey = key): EventClaims {
	const memoryOf = () => {
		let memory = memoryByNode.get(nodeKey);
		if (!memory) memoryByNode.set(nodeKey, (memory = new Map()));
		return memory;
	};
	return {
		claim(eventId, now) {
			if (isRecent(storedOf(staticData, key)[eventId], now, SEEN_WINDOW_MS)) return false;
			const memory = memoryOf();
			const held = memory.get(eventId);
			if (held) {
				const windowMs = held.state === 'started' ? SEEN_WINDOW_MS : CLAIM_TIMEOUT_MS;
				if (isRecent(held.at, now, windowMs)) return false;
				memory.delete(eventId);
			}
			memory.set(eventId, { state: 'claimed', at: now });
			return true;
		},
		started(eventId, now) {
			const memory = memoryOf();
			// Re-inserted, so the Map's order stays the order in which events started.
			memory.delete(eventId);
			memory.set(eventId, { state: 'started', at: now });
			prune(memory, now);
			const kept = Object.entries({ ...storedOf(staticData, key), [eventId]: now })
				.filter(([, at]) => isRecent(at, now, SEEN_WINDOW_MS))
				.sort(([, a], [, b]) => a - b)
				.slice(-SEEN_MAX);
			// Replaced whole, so n8n's change tracking on static data sees the update.
			staticData[key] = Object.fromEntries(kept);
		},
		release(eventId) {
			const memory = memoryByNode.get(nodeKey);
			if (memory?.get(eventId)?.state !== 'claimed') return;
			memory.delete(eventId);
			if (!memory.size) memoryByNode.delete(nodeKey);
		},
	};
}
