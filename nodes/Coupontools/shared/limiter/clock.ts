import { sleep } from 'n8n-workflow';

/** Time and chance, injectable for tests. */
export interface LimiterClock {
	now(): number;
	sleep(ms: number): Promise<void>;
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
	sleep,
	random: () => Math.random(),
	later: (fn) => void sleep(0).then(fn),
};
