/** What an error says about the request that got it: the caller's classification (errors/faults.ts). */
export interface FaultClass {
	/**
	 * not-processed: Coupontools refused without acting (429, 503, connection refused): wait, then send again.
	 * maybe-processed: it may have acted (500, 502, 504, reset, timeout, unreadable answer): repeat only if
	 * the call is repeatable. final: anything else (a refused value, a missing campaign): fail at once.
	 */
	kind: 'not-processed' | 'maybe-processed' | 'final';
	/** The wait the answer asked for (its Retry-After header), in ms from `now`. */
	retryAfterMs?: number;
}

export interface SendOptions {
	/** Whether sending the request twice cannot act twice (reads, sends Coupontools de-duplicates). */
	repeatable: boolean;
	/** The class of a failure, with its Retry-After read at `now` (the limiter's clock). */
	classify(error: unknown, now: number): FaultClass;
}

export interface LimiterSettings {
	/** Highest cap on requests in flight (default DEFAULT_CEILING). */
	ceiling?: number;
	/** The user's quota of requests in flight; 0 or absent: none. */
	maxInFlight?: number;
	/** The user's quota of requests per second; 0 or absent: none. */
	maxPerSecond?: number;
	/** How long a request may keep being refused, in ms (default DEFAULT_BUDGET_MS). */
	budgetMs?: number;
}

/**
 * Most requests of one run in flight at once unless the user sets a lower quota. n8n's engine starts every
 * item's request at once, so without a cap a batch of 10,000 items opens 10,000 connections.
 */
export const DEFAULT_CEILING = 1024;
/** How long one request may keep being refused before the run gives up waiting: 5 minutes. */
export const DEFAULT_BUDGET_MS = 5 * 60_000;
/** Attempts of a repeatable request after faults that may have acted, the first included. */
export const MAX_ATTEMPTS = 3;
/** Wait before repeating after a fault that may have acted: this, times the faults so far. */
export const REPEAT_DELAY_MS = 500;
