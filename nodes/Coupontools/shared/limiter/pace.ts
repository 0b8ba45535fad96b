/**
 * How fast the run may send to Coupontools, which publishes no rate limit.
 *
 * - A window on requests in flight that starts bounded and grows by one per accepted answer, doubling per
 *   round trip, as TCP's slow start does (https://www.rfc-editor.org/rfc/rfc5681#section-3.1), up to the
 *   ceiling. The first refusal ends the growth: from then on one more per window of accepted answers. If
 *   Coupontools accepted nothing of the first wave, the window starts again from one request.
 * - A refusal of a request sent since the last refusal pauses the whole run for the wait it asked for
 *   (Retry-After, https://www.rfc-editor.org/rfc/rfc9110#field.retry-after), or for an exponential backoff
 *   with jitter when it asked for none
 *   (https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/).
 * - From the first refusal on, the run is paced at the rate Coupontools accepts, learned from what it
 *   accepted between two refusals: both times its bucket was empty, so what it accepted in between is
 *   what it refilled. The first stretch, which began with a full bucket, counts as if a pause of the
 *   refusal's wait had come before it. Sends draw on a bucket of the learned rate that holds one wait's
 *   worth, empty at a refusal, so a pause costs nothing: the burst after it uses what Coupontools saved
 *   up meanwhile. The pace probes upward gently, a few percent per second without a refusal, and each
 *   refusal measures it again.
 * - The user's quota (requests per second: starts spaced evenly), if set, holds on top.
 */

/** Requests a run starts with before any answer: see BENCHMARKS.md, section 6, for how it was chosen. */
export const START_WINDOW = 128;
/** How much faster than the learned rate the run tries, per second without a refusal. */
const PROBE_PER_SECOND = 0.05;
/** Backoff after a refusal without Retry-After: 0.5 s doubling per refusal in a row, at most 30 s, × 0.5–1. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

/** The requests sent between two refusals. */
interface Stretch {
	startedAt: number;
	sent: number;
	settled: number;
	/** Answered without a refusal: Coupontools took them, whether they succeeded or failed. */
	accepted: number;
}

/** What the last refusal taught: requests accepted per ms, and the burst Coupontools saves up per wait. */
interface LearnedRate {
	stretch: Stretch;
	/** From when the stretch's accepted requests were refilled to the refusal that ended it, in ms. */
	spanMs: number;
	waitMs: number;
}

export class Pace {
	/** Most requests in flight now. */
	window: number;
	/** Nothing is sent before this time. */
	pauseUntil = 0;
	private slowStart = true;
	/** The refusal counter: a refusal of a request sent before the last one says nothing new. */
	private epoch = 0;
	private readonly stretches = new Map<number, Stretch>();
	private successes = 0;
	private refusalsInARow = 0;
	private lastRefusalAt: number | undefined;
	/** What the last refusal taught, and the one before (used while the last stretch shows no acceptance). */
	private learned: LearnedRate | undefined;
	private learnedBefore: LearnedRate | undefined;
	/** When probing upward started: the end of the last pause. */
	private probeFrom = 0;
	private tokens = 0;
	private filledAt = 0;
	private nextQuotaAt = 0;

	constructor(
		private readonly ceiling: number,
		private readonly quotaIntervalMs: number,
		private readonly random: () => number,
	) {
		this.window = Math.min(ceiling, START_WINDOW);
	}

	/** Whether a request may start at `now`, the window aside. */
	mayStart(now: number): boolean {
		return now >= this.nextStartAt(now);
	}

	/** The earliest time a request may start, the window aside. */
	nextStartAt(now: number): number {
		let at = Math.max(this.pauseUntil, this.nextQuotaAt);
		const rate = this.ratePerMs(now);
		if (rate !== undefined) {
			this.refillTokens(now, rate);
			if (this.tokens < 1) at = Math.max(at, now + Math.ceil((1 - this.tokens) / rate));
		}
		return at;
	}

	/** A request starts at `now`; returns the stretch it belongs to. */
	sent(now: number): number {
		if (this.quotaIntervalMs)
			this.nextQuotaAt = Math.max(this.nextQuotaAt, now) + this.quotaIntervalMs;
		if (this.lesson()) this.tokens -= 1;
		const stretch = this.stretches.get(this.epoch);
		if (stretch) stretch.sent++;
		else this.stretches.set(this.epoch, { startedAt: now, sent: 1, settled: 0, accepted: 0 });
		return this.epoch;
	}

	/**
	 * The answer of a request sent in `epoch`: it succeeded, failed otherwise (Coupontools took it: it
	 * counts towards the rate), or was refused.
	 */
	settled(epoch: number, outcome: 'succeeded' | 'failed' | 'refused'): void {
		const stretch = this.stretches.get(epoch);
		if (stretch) {
			stretch.settled++;
			if (outcome !== 'refused') stretch.accepted++;
			if (epoch !== this.epoch && stretch.settled >= stretch.sent) {
				this.stretches.delete(epoch);
				// The first wave got nothing accepted: start again from one request, growing while answers
				// are accepted.
				if (epoch === 0 && !stretch.accepted) {
					this.window = 1;
					this.slowStart = true;
				}
			}
		}
		if (outcome !== 'succeeded') return;
		this.refusalsInARow = 0;
		// Only answers to requests sent under the current window say it is fine.
		if (epoch !== this.epoch || this.window >= this.ceiling) return;
		if (this.slowStart) this.window++;
		else if (++this.successes >= this.window) {
			this.window++;
			this.successes = 0;
		}
	}

	/**
	 * Coupontools refused a request sent in `epoch` at `now`; returns when that request may go again. A
	 * refusal of a request sent since the last refusal is news: the run pauses, and the pace is measured
	 * again. Refusals of requests sent before it were caused by the old pace and change nothing.
	 */
	refused(epoch: number, retryAfterMs: number | undefined, now: number): number {
		let wait = retryAfterMs;
		if (epoch === this.epoch) {
			this.refusalsInARow++;
			wait ??= this.backoff();
			this.learn(now, wait);
			this.slowStart = false;
			this.successes = 0;
			this.epoch++;
			this.pauseUntil = Math.max(this.pauseUntil, now + wait);
		}
		return now + (wait ?? Math.max(0, this.pauseUntil - now));
	}

	private learn(now: number, waitMs: number): void {
		const stretch = this.stretches.get(this.epoch);
		if (!stretch) return;
		const from = this.lastRefusalAt ?? stretch.startedAt - waitMs;
		if (this.learned?.stretch.accepted) this.learnedBefore = this.learned;
		this.learned = { stretch, spanMs: Math.max(1, now - from), waitMs };
		this.lastRefusalAt = now;
		this.probeFrom = now + waitMs;
		// Coupontools' bucket is empty now; ours too.
		this.tokens = 0;
		this.filledAt = now;
	}

	/**
	 * What the pace follows: the last refusal's lesson once answers show Coupontools accepted something in
	 * its stretch (they may still be coming in), else the one before; none before the first refusal.
	 */
	private lesson(): LearnedRate | undefined {
		return this.learned?.stretch.accepted ? this.learned : this.learnedBefore;
	}

	/** The learned rate in requests per ms, probed upward since the end of the last pause. */
	private ratePerMs(now: number): number | undefined {
		const lesson = this.lesson();
		if (!lesson) return undefined;
		const probing = Math.max(0, now - this.probeFrom) / 1000;
		return (lesson.stretch.accepted / lesson.spanMs) * (1 + PROBE_PER_SECOND * probing);
	}

	/** Our bucket holds what Coupontools refills in one wait, so a pause costs no requests. */
	private refillTokens(now: number, rate: number): void {
		const lesson = this.lesson()!;
		const capacity = Math.max(1, (lesson.stretch.accepted / lesson.spanMs) * lesson.waitMs);
		if (now > this.filledAt) {
			this.tokens = Math.min(capacity, this.tokens + (now - this.filledAt) * rate);
			this.filledAt = now;
		}
	}

	/** Exponential backoff with jitter (× 0.5–1), for refusals without Retry-After. */
	private backoff(): number {
		const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (this.refusalsInARow - 1));
		return Math.round(base * (0.5 + this.random() * 0.5));
	}
}
