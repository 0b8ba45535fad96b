/**
 * How much of the run may be in flight, and when it may send again after a refusal.
 *
 * The cap on requests in flight adapts like TCP's congestion window (AIMD,
 * https://www.rfc-editor.org/rfc/rfc5681): halved (never below 1) when Coupontools refuses a request sent
 * since the last cut, one higher after `cap` successes, never above the ceiling. Once every request sent
 * before a cut has its answer, the cap is at most the number of them Coupontools accepted: a burst into a
 * full token bucket teaches the bucket's size in one step.
 *
 * A refusal of a request sent since the last cut pauses the whole run for the wait it asked for
 * (Retry-After, https://www.rfc-editor.org/rfc/rfc9110#field.retry-after), or for an exponential backoff
 * with jitter when it asked for none (https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/).
 */

/** Backoff after a refusal without Retry-After: 0.5 s doubling per refusal in a row, at most 30 s, × 0.5–1. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

interface Wave {
	sent: number;
	settled: number;
	accepted: number;
}

export class Congestion {
	/** Most requests in flight now. */
	cap: number;
	/** Nothing is sent before this time. */
	pauseUntil = 0;
	/** Times the cap was cut. */
	cuts = 0;
	/** The cut counter: a refusal of a request sent before the last cut says nothing new. */
	private epoch = 0;
	/** Per cut-free stretch (epoch): requests sent, settled and accepted. */
	private readonly waves = new Map<number, Wave>();
	private successes = 0;
	private refusalsInARow = 0;

	constructor(
		private readonly ceiling: number,
		private readonly random: () => number,
	) {
		this.cap = ceiling;
	}

	/** A request starts; returns the stretch it belongs to. */
	sent(): number {
		const wave = this.waves.get(this.epoch);
		if (wave) wave.sent++;
		else this.waves.set(this.epoch, { sent: 1, settled: 0, accepted: 0 });
		return this.epoch;
	}

	/** The answer of a request sent in `epoch`; `accepted` when it succeeded. */
	settled(epoch: number, accepted: boolean): void {
		const wave = this.waves.get(epoch);
		if (wave) {
			wave.settled++;
			if (accepted) wave.accepted++;
			if (epoch !== this.epoch && wave.settled >= wave.sent) {
				this.waves.delete(epoch);
				this.cap = Math.max(1, Math.min(this.cap, wave.accepted));
			}
		}
		if (!accepted) return;
		// Only requests sent under the current cap say it is fine: older ones were sent under a larger one.
		this.refusalsInARow = 0;
		if (this.cap >= this.ceiling || epoch !== this.epoch) return;
		if (++this.successes >= this.cap) {
			this.cap++;
			this.successes = 0;
		}
	}

	/**
	 * Coupontools refused a request sent in `epoch` at `now`; returns when that request may go again. A new
	 * sign of overload cuts the cap once and pauses the whole run; refusals of requests sent before the cut
	 * were caused by the old cap and change nothing.
	 */
	refused(epoch: number, retryAfterMs: number | undefined, now: number): number {
		let wait = retryAfterMs;
		if (epoch === this.epoch) {
			this.epoch++;
			this.cuts++;
			this.cap = Math.max(1, Math.floor(this.cap / 2));
			this.successes = 0;
			this.refusalsInARow++;
			wait ??= this.backoff();
			this.pauseUntil = Math.max(this.pauseUntil, now + wait);
		}
		return now + (wait ?? Math.max(0, this.pauseUntil - now));
	}

	/** Exponential backoff with jitter (× 0.5–1), for refusals without Retry-After. */
	private backoff(): number {
		const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (this.refusalsInARow - 1));
		return Math.round(base * (0.5 + this.random() * 0.5));
	}
}
