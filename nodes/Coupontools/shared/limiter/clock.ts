import * as workflow from 'n8n-workflow';

const { sleep } = workflow;

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
 * n8n-workflow's cancellable sleep, where the n8n running the node has one (n8n 1.123 and 2.8 have it, n8n
 * 2.41 has none). The package runs on n8n's own copy of n8n-workflow, so it is looked up, not imported.
 */
const sleepWithAbort = (
	workflow as { sleepWithAbort?: (ms: number, signal?: AbortSignal) => Promise<void> }
).sleepWithAbort;

/** Node's timers hold at most 2^31 - 1 ms; a longer wait is slept in parts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A timer that ends the moment it is cancelled: its one sleep is aborted.
 * @returns the function that cancels it
 */
export function abortableTimer(
	sleepUntilAborted: (ms: number, signal?: AbortSignal) => Promise<void>,
	ms: number,
	fire: () => void,
): () => void {
	const controller = new AbortController();
	const until = Date.now() + ms;
	void (async () => {
		let left = ms;
		do {
			await sleepUntilAborted(Math.max(0, Math.min(left, MAX_TIMER_MS)), controller.signal);
			left = until - Date.now();
		} while (left > 0);
		fire();
	})().catch(() => {
		// Aborted: cancelled, nothing to fire.
	});
	return () => controller.abort();
}

/**
 * Longest step of a timer without a cancellable sleep (n8n's lint forbids setTimeout): it sleeps in steps and
 * ends at the first step after it is cancelled, so no cancelled wait outlives its cancellation by more.
 */
const TIMER_STEP_MS = 1000;

/** A timer that sleeps in steps and checks between them whether it was cancelled. */
export function steppedTimer(ms: number, fire: () => void): () => void {
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
}

export const systemClock: LimiterClock = {
	now: () => Date.now(),
	timer: (ms, fire) =>
		sleepWithAbort ? abortableTimer(sleepWithAbort, ms, fire) : steppedTimer(ms, fire),
	random: () => Math.random(),
	later: (fn) => void sleep(0).then(fn),
};
