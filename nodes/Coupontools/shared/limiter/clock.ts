import { sleep } from 'n8n-workflow';

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

/**
 * Longest step of a system timer. A community node has only n8n-workflow's `sleep`, which cannot be
 * cancelled (n8n's lint forbids setTimeout, and newer n8n-workflow versions have no sleepWithAbort): a
 * timer sleeps in steps and ends at the first step after it is cancelled, so no cancelled wait outlives
 * its cancellation by more than this.
 */
const TIMER_STEP_MS = 1000;

export const systemClock: LimiterClock = {
	now: () => Date.now(),
	timer: (ms, fire) => {
		let cancelled = false;
		const until = Date.now() + ms;
		void (async () => {
			let left = ms;
			do {
				await sleep(Math.max(0, Math.min(left, TIMER_STEP_MS)));
				if (cancelled) return;
				left = until - Date.now();
			} while (left > 0);
			fire();
		})();
		return () => {
			cancelled = true;
		};
	},
	random: () => Math.random(),
	later: (fn) => void sleep(0).then(fn),
};
