import { sleep, sleepWithAbort } from 'n8n-workflow';

/** Time and chance, injectable for tests. */
export interface LimiterClock {
	now(): number;
	/** Calls `fire` after `ms`; the function returned cancels it. */
	timer(ms: number, fire: () => void): () => void;
	/** A number in [0, 1). */
	random(): number;
	/**
	 * Runs `fn` once the answers that are already in have been handled (the system clock: on the next turn
	 * of the event loop); absent: at once. The limiter refills freed slots through it (Limiter.refill).
	 */
	later?(fn: () => void): void;
}

export const systemClock: LimiterClock = {
	now: () => Date.now(),
	timer: (ms, fire) => {
		const cancel = new AbortController();
		sleepWithAbort(ms, cancel.signal).then(fire, () => undefined);
		return () => cancel.abort();
	},
	random: () => Math.random(),
	later: (fn) => void sleep(0).then(fn),
};
