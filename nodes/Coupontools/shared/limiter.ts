import { sleep } from 'n8n-workflow';

/**
 * One limiter per node run, shared by all its items: an adaptive cap on Coupontools requests in flight.
 *
 * n8n's RoutingNode starts every item's request at once (n8n-core's routing-node.js, `runNode`), n8n reads
 * `Retry-After` nowhere, and its Retry On Fail runs the whole node again, sending every item once more
 * (https://docs.n8n.io/workflows/components/nodes/#node-settings). So the node paces itself:
 *
 * - At most `cap` requests are in flight. The cap starts at the ceiling (DEFAULT_CEILING, or the user's
 *   "max in flight") and adapts like TCP's congestion window (AIMD, https://www.rfc-editor.org/rfc/rfc5681):
 *   halved (never below 1) when Coupontools refuses a request sent since the last cut, one higher after
 *   `cap` successes, never above the ceiling. Once every request sent before a cut has its answer, the
 *   cap is at most the number of them Coupontools accepted (a burst into a full token bucket teaches the
 *   bucket's size in one step, with one Retry-After instead of one per halving).
 * - A refusal (429, 503, connection refused: Coupontools did nothing) pauses the whole run until the
 *   `Retry-After` it came with (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after, seconds or an HTTP
 *   date; parseRetryAfter), or for an exponential backoff with jitter when it had none; the request is then
 *   sent again. A refused request is never sent again before its own Retry-After is over.
 * - Waiting out refusals is bounded by a time budget (DEFAULT_BUDGET_MS): when a request could only be sent
 *   again past it, the run stops waiting: that request, every request still waiting to be sent, and every
 *   one refused or arriving while the last requests in flight finish, fail with WaitBudgetExceededError
 *   once nothing is in flight any more, each saying how many were not sent. Then the limiter takes
 *   requests again (Retry On Fail's rerun, a later batch of Request Options → Batching).
 * - A fault after which Coupontools may have acted (500, 502, 504, reset, timeout, unreadable answer) is
 *   repeated only when the caller says the call is repeatable, 3 attempts at most with waits of 0.5 s and
 *   1 s (the rules of requestHook.ts's sendWithRetries). Anything else fails at once.
 * - An optional quota: requests per second (starts spaced evenly) and/or most in flight.
 *
 * What counts as which fault is the caller's: `classify` (the error module's classification), so this file
 * depends on nothing of the node. Without throttling it costs a few comparisons per request and one
 * zero-delay timer per turn of the event loop that brought answers (Limiter.refill).
 */

/**
 * Most requests of one run in flight at once unless the user sets a lower quota. n8n's engine starts every
 * item's request at once (10,000 connections for 10,000 items). At 100 ms answers a cap costs at least
 * ⌈items ÷ cap⌉ answer times: with 256 a 1,000-item batch waited 4 rounds where the HTTP Request node waits
 * one, 1.5–1.9× its time; with 1,024 it waits one, as fast (BENCHMARKS.md, section 6). A throttling
 * Coupontools refuses the part of the first wave beyond its burst once, then the cap has learned its size.
 */
export const DEFAULT_CEILING = 1024;
/** How long one request may keep being refused before the run gives up waiting: 5 minutes. */
export const DEFAULT_BUDGET_MS = 5 * 60_000;
/** Attempts of a repeatable request after faults that may have acted, the first included (as sendWithRetries). */
export const MAX_ATTEMPTS = 3;
const REPEAT_DELAY_MS = 500;
/** Backoff after a refusal without Retry-After: 0.5 s doubling per refusal in a row, at most 30 s, × 0.5–1. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

/** What an error says about the request that got it (the caller's classification). */
export interface FaultClass {
	/**
	 * not-processed: Coupontools refused without acting (429, 503, connection refused): wait, then send again.
	 * maybe-processed: it may have acted (500, 502, 504, reset, timeout, unreadable answer): repeat only if
	 * the call is repeatable. final: anything else (a refused value, a missing campaign): fail at once.
	 */
	kind: 'not-processed' | 'maybe-processed' | 'final';
	/** The wait the answer asked for (parseRetryAfter of its Retry-After header), in ms. */
	retryAfterMs?: number;
}

export interface SendOptions {
	/** Whether sending the request twice cannot act twice (reads, sends Coupontools de-duplicates). */
	repeatable: boolean;
	classify(error: unknown): FaultClass;
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

export interface LimiterStats {
	inFlight: number;
	maxInFlight: number;
	cap: number;
	queued: number;
	/** Calls of `send`, repeats included. */
	sent: number;
	refused: number;
	/** Times the cap was cut. */
	cuts: number;
}

const systemClock: LimiterClock = {
	now: () => Date.now(),
	sleep,
	random: () => Math.random(),
	later: (fn) => void sleep(0).then(fn),
};

/**
 * The wait a `Retry-After` value asks for, in ms: whole seconds ("120") or an HTTP date; undefined when
 * absent or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	// An HTTP date names its weekday and month ("Sun, 06 Nov 1994 08:49:37 GMT"); "-1" is not one.
	if (!/[a-z]/i.test(trimmed)) return undefined;
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The run waited out refusals for as long as it may; this request was not sent (or not accepted). */
export class WaitBudgetExceededError extends Error {
	/** Requests of the run that failed this way together, this one included. */
	readonly notSent: number;
	/** How long the request that ran out had been refused. */
	readonly waitedMs: number;
	/** The further wait Coupontools asked for (Retry-After), or the backoff, that went past the budget. */
	readonly askedMs: number;
	readonly budgetMs: number;
	readonly description: string;
	readonly cause: unknown;

	constructor(details: {
		notSent: number;
		waitedMs: number;
		askedMs: number;
		budgetMs: number;
		cause: unknown;
	}) {
		const others = details.notSent - 1;
		super(
			`Coupontools kept refusing requests (rate limiting or unavailable) for longer than the node waits (${formatDuration(details.budgetMs)}): this item was not sent${others > 0 ? `, nor ${others === 1 ? 'was 1 other item' : `were ${others} other items`} of this run` : ''}. Run it again later: with Check Unique or Duplicate Check on, a rerun sends only what was not sent.`,
		);
		this.name = 'WaitBudgetExceededError';
		this.notSent = details.notSent;
		this.waitedMs = details.waitedMs;
		this.askedMs = details.askedMs;
		this.budgetMs = details.budgetMs;
		this.cause = details.cause;
		const refused =
			details.waitedMs >= 1000
				? `Coupontools refused for ${formatDuration(details.waitedMs)}, then asked for ${formatDuration(details.askedMs)} more.`
				: `Coupontools asked to wait ${formatDuration(details.askedMs)} before sending again.`;
		this.description = `${refused} It did nothing with these items. Run them again later, or let the node wait longer (Settings → Rate Limits → Max Wait When Throttled); with Check Unique (Send Email) or Duplicate Check (Single Use: Create) on, a rerun of the whole batch sends only to those not sent yet.`;
	}
}

function formatDuration(ms: number): string {
	if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
	if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
	if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
	return `${Math.round(ms / 1000)} s`;
}

interface Job {
	send: () => Promise<unknown>;
	options: SendOptions;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
	/** The cut counter when last sent: a refusal of an older send says nothing new. */
	epoch: number;
	/** When Coupontools first refused it; undefined until then. */
	firstRefusedAt?: number;
	/** Sends that ended in a fault that may have acted. */
	maybeFaults: number;
	/** Not sent again before this time. */
	notBefore: number;
	lastError?: unknown;
	/** Waiting after a refusal (not after a fault that may have acted). */
	refused: boolean;
}

export class Limiter {
	private readonly ceiling: number;
	private readonly interval: number;
	private readonly budgetMs: number;
	private cap: number;
	private inFlight = 0;
	private queue: Job[] = [];
	private head = 0;
	/** Jobs waiting for their own notBefore, in no order. */
	private delayed: Job[] = [];
	private pauseUntil = 0;
	private nextSlotAt = 0;
	private epoch = 0;
	/** Per cut-free stretch (epoch): requests sent, settled and accepted. */
	private readonly waves = new Map<number, { sent: number; settled: number; accepted: number }>();
	private successes = 0;
	private refusalsInARow = 0;
	private wakeAt: number | undefined;
	private refillPending = false;
	/**
	 * Set when the budget ran out: the requests that will not be sent, failed together once nothing is in
	 * flight (so each knows how many they are).
	 */
	private exhausted:
		| { unsent: Job[]; waitedMs: number; askedMs: number; cause: unknown }
		| undefined;
	private readonly counts = { maxInFlight: 0, sent: 0, refused: 0, cuts: 0 };

	constructor(
		settings: LimiterSettings = {},
		private readonly clock: LimiterClock = systemClock,
	) {
		const ceiling = Math.max(1, Math.floor(settings.ceiling ?? DEFAULT_CEILING));
		const quota = Math.floor(settings.maxInFlight ?? 0);
		this.ceiling = quota > 0 ? Math.min(ceiling, quota) : ceiling;
		this.cap = this.ceiling;
		this.interval =
			settings.maxPerSecond && settings.maxPerSecond > 0 ? 1000 / settings.maxPerSecond : 0;
		this.budgetMs = settings.budgetMs ?? DEFAULT_BUDGET_MS;
	}

	/** Sends now if the run has room, else when it has; repeats as the class of its faults allows. */
	async run<T>(send: () => Promise<T>, options: SendOptions): Promise<T> {
		return await new Promise<T>((resolve, reject) => {
			const job: Job = {
				send,
				options,
				resolve: resolve as (value: unknown) => void,
				reject,
				epoch: 0,
				maybeFaults: 0,
				notBefore: 0,
				refused: false,
			};
			if (this.exhausted) {
				this.exhausted.unsent.push(job);
				this.settle();
				return;
			}
			this.queue.push(job);
			this.pump();
		});
	}

	stats(): LimiterStats {
		return {
			inFlight: this.inFlight,
			cap: this.cap,
			queued: this.queue.length - this.head + this.delayed.length,
			...this.counts,
		};
	}

	private pump(): void {
		const now = this.clock.now();
		if (this.delayed.length) this.promoteDue(now);
		while (
			this.head < this.queue.length &&
			this.inFlight < this.cap &&
			now >= this.pauseUntil &&
			now >= this.nextSlotAt
		) {
			const job = this.queue[this.head++];
			if (this.interval) this.nextSlotAt = Math.max(this.nextSlotAt, now) + this.interval;
			this.start(job);
		}
		if (this.head > 1024 && this.head * 2 > this.queue.length) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
		let wake = Infinity;
		if (this.head < this.queue.length && this.inFlight < this.cap)
			wake = Math.max(this.pauseUntil, this.nextSlotAt);
		for (const job of this.delayed) wake = Math.min(wake, job.notBefore);
		if (wake !== Infinity && wake > now) this.wakeUpAt(wake, now);
	}

	/** Delayed jobs whose time has come go first, oldest wait first. */
	private promoteDue(now: number): void {
		const due = this.delayed.filter((job) => job.notBefore <= now);
		if (!due.length) return;
		this.delayed = this.delayed.filter((job) => job.notBefore > now);
		due.sort((a, b) => b.notBefore - a.notBefore);
		for (const job of due) this.pushFront(job);
	}

	private pushFront(job: Job): void {
		if (this.head > 0) this.queue[--this.head] = job;
		else this.queue.unshift(job);
	}

	/** One sleep per earliest wake-up: a later one is left to fire and find nothing to do. */
	private wakeUpAt(at: number, now: number): void {
		if (this.wakeAt !== undefined && this.wakeAt <= at && this.wakeAt >= now) return;
		this.wakeAt = at;
		void this.clock.sleep(at - now).then(() => {
			if (this.wakeAt === at) this.wakeAt = undefined;
			this.pump();
		});
	}

	private start(job: Job): void {
		this.inFlight++;
		if (this.inFlight > this.counts.maxInFlight) this.counts.maxInFlight = this.inFlight;
		this.counts.sent++;
		job.epoch = this.epoch;
		const wave = this.waves.get(this.epoch);
		if (wave) wave.sent++;
		else this.waves.set(this.epoch, { sent: 1, settled: 0, accepted: 0 });
		let sending: Promise<unknown>;
		try {
			sending = Promise.resolve(job.send());
		} catch (error) {
			sending = Promise.reject(error);
		}
		sending.then(
			(value) => {
				this.inFlight--;
				this.waveSettled(job, true);
				this.succeeded(job);
				job.resolve(value);
				this.refill();
			},
			(error: unknown) => {
				this.inFlight--;
				this.waveSettled(job, false);
				this.failed(job, error);
				this.refill();
			},
		);
	}

	/**
	 * Freed slots are filled once per turn of the event loop, not one by one as answers come in: the
	 * requests then start together, as n8n's engine starts them without a limiter. Starting each in the
	 * callback of the answer that freed its slot made every request cost several times the CPU in a real
	 * n8n (BENCHMARKS.md, section 6: a batch at 100 ms answers took 1.7–2.7× the HTTP Request node's time).
	 */
	private refill(): void {
		if (!this.clock.later) {
			this.settle();
			return;
		}
		if (this.refillPending) return;
		this.refillPending = true;
		this.clock.later(() => {
			this.refillPending = false;
			this.settle();
		});
	}

	private settle(): void {
		this.pump();
		const exhausted = this.exhausted;
		if (
			exhausted &&
			this.inFlight === 0 &&
			this.head >= this.queue.length &&
			!this.delayed.length
		) {
			this.exhausted = undefined;
			const { unsent, waitedMs, askedMs, cause } = exhausted;
			for (const job of unsent)
				job.reject(
					new WaitBudgetExceededError({
						notSent: unsent.length,
						waitedMs,
						askedMs,
						budgetMs: this.budgetMs,
						cause,
					}),
				);
		}
	}

	/**
	 * When every request of a stretch that ended in a cut has its answer, the cap goes no higher than what
	 * Coupontools accepted of it: a burst of 512 into a bucket of 50 goes to 50 at once, not through six
	 * halvings with a Retry-After each.
	 */
	private waveSettled(job: Job, accepted: boolean): void {
		const wave = this.waves.get(job.epoch);
		if (!wave) return;
		wave.settled++;
		if (accepted) wave.accepted++;
		if (job.epoch === this.epoch || wave.settled < wave.sent) return;
		this.waves.delete(job.epoch);
		this.cap = Math.max(1, Math.min(this.cap, wave.accepted));
	}

	/** Only requests sent under the current cap say it is fine: older ones were sent under a larger one. */
	private succeeded(job: Job): void {
		this.refusalsInARow = 0;
		if (this.cap >= this.ceiling || job.epoch !== this.epoch) return;
		if (++this.successes >= this.cap) {
			this.cap++;
			this.successes = 0;
		}
	}

	private failed(job: Job, error: unknown): void {
		job.lastError = error;
		let fault: FaultClass;
		try {
			fault = job.options.classify(error);
		} catch {
			fault = { kind: 'final' };
		}
		const now = this.clock.now();
		if (fault.kind === 'not-processed') {
			this.counts.refused++;
			this.refused(job, error, fault.retryAfterMs, now);
			return;
		}
		if (
			fault.kind === 'maybe-processed' &&
			job.options.repeatable &&
			++job.maybeFaults < MAX_ATTEMPTS
		) {
			job.refused = false;
			job.notBefore = now + Math.max(REPEAT_DELAY_MS * job.maybeFaults, fault.retryAfterMs ?? 0);
			this.delayed.push(job);
			return;
		}
		job.reject(error);
	}

	private refused(job: Job, error: unknown, retryAfterMs: number | undefined, now: number): void {
		job.firstRefusedAt ??= now;
		if (this.exhausted) {
			this.exhausted.unsent.push(job);
			return;
		}
		let wait = retryAfterMs;
		if (job.epoch === this.epoch) {
			// A new sign of overload: cut once, pause the whole run. Refusals of requests sent before this cut
			// were caused by the old cap and change nothing.
			this.epoch++;
			this.counts.cuts++;
			this.cap = Math.max(1, Math.floor(this.cap / 2));
			this.successes = 0;
			this.refusalsInARow++;
			wait ??= this.backoff();
			this.pauseUntil = Math.max(this.pauseUntil, now + wait);
		}
		job.notBefore = now + (wait ?? Math.max(0, this.pauseUntil - now));
		job.refused = true;
		if (job.notBefore - job.firstRefusedAt > this.budgetMs) {
			this.exhaust(job, error, now);
			return;
		}
		if (job.notBefore <= this.pauseUntil) this.pushFront(job);
		else this.delayed.push(job);
	}

	/** Exponential backoff with jitter (× 0.5–1), for refusals without Retry-After. */
	private backoff(): number {
		const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (this.refusalsInARow - 1));
		return Math.round(base * (0.5 + this.clock.random() * 0.5));
	}

	/**
	 * The budget ran out: this request and every one still waiting will not be sent; they fail together once
	 * the requests in flight are done (settle).
	 */
	private exhaust(job: Job, error: unknown, now: number): void {
		const waiting = this.queue.slice(this.head);
		const refusedLater = this.delayed.filter((j) => j.refused);
		const repeatsLater = this.delayed.filter((j) => !j.refused);
		this.queue = [];
		this.head = 0;
		this.delayed = [];
		this.exhausted = {
			unsent: [job, ...waiting, ...refusedLater],
			waitedMs: now - (job.firstRefusedAt ?? now),
			askedMs: Math.max(0, job.notBefore - now),
			cause: error,
		};
		// Waiting to repeat a request that may have acted: its own fault is the honest answer.
		for (const j of repeatsLater) j.reject(j.lastError);
	}
}

/** The limiter of each node run, keyed by an object all its items share (its execution data). */
const limiters = new WeakMap<object, Limiter>();

/**
 * The run's limiter, made with `settings` by the first item that asks; later items get the same one
 * whatever settings they pass (a function is called only then, so reading them costs the others nothing).
 * Without a key (no execution data), a limiter for this call alone.
 */
export function limiterForRun(
	runKey: object | undefined,
	settings?: LimiterSettings | (() => LimiterSettings),
	clock?: LimiterClock,
): Limiter {
	const make = () => new Limiter(typeof settings === 'function' ? settings() : settings, clock);
	if (!runKey) return make();
	let limiter = limiters.get(runKey);
	if (!limiter) {
		limiter = make();
		limiters.set(runKey, limiter);
	}
	return limiter;
}
