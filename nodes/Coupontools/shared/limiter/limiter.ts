import { WaitBudgetExceededError } from './budget';
import type { LimiterClock } from './clock';
import { systemClock } from './clock';
import { Congestion } from './congestion';
import type { Job } from './queue';
import { JobQueue } from './queue';
import type { FaultClass, LimiterSettings, SendOptions } from './types';
import { DEFAULT_BUDGET_MS, DEFAULT_CEILING, MAX_ATTEMPTS, REPEAT_DELAY_MS } from './types';

/**
 * One limiter per node run, shared by all its items: it decides when each Coupontools request is sent.
 *
 * n8n's RoutingNode starts every item's request at once (n8n-core's routing-node.js, `runNode`), n8n reads
 * `Retry-After` nowhere, and its Retry On Fail runs the whole node again, sending every item once more
 * (https://docs.n8n.io/workflows/components/nodes/#node-settings). So the node paces itself:
 *
 * - At most `cap` requests are in flight, and nothing is sent while the run is paused after a refusal
 *   (congestion.ts). An optional quota of the user: requests per second (starts spaced evenly) and/or
 *   most in flight.
 * - A refusal (429, 503, connection refused: Coupontools did nothing) is sent again once the run's pause
 *   and its own Retry-After are over; never before.
 * - Waiting out refusals is bounded by a time budget: when a request could only be sent again past it, the
 *   run stops waiting: that request, every request still waiting to be sent, and every one refused or
 *   arriving while the last requests in flight finish, fail with WaitBudgetExceededError (budget.ts) once
 *   nothing is in flight any more. Then the limiter takes requests again.
 * - A fault after which Coupontools may have acted (500, 502, 504, reset, timeout, unreadable answer) is
 *   repeated only when the caller says the call is repeatable, MAX_ATTEMPTS at most, with waits of
 *   REPEAT_DELAY_MS times the faults so far. Anything else fails at once.
 *
 * What counts as which fault is the caller's (`classify`), so this folder depends on nothing of the node.
 */

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

export class Limiter {
	private readonly interval: number;
	private readonly budgetMs: number;
	private readonly congestion: Congestion;
	private inFlight = 0;
	private readonly queue = new JobQueue();
	private nextSlotAt = 0;
	private wakeAt: number | undefined;
	private refillPending = false;
	/**
	 * Set when the budget ran out: the requests that will not be sent, failed together once nothing is in
	 * flight (so each knows how many they are).
	 */
	private exhausted:
		| { unsent: Job[]; waitedMs: number; askedMs: number; cause: unknown }
		| undefined;
	private readonly counts = { maxInFlight: 0, sent: 0, refused: 0 };

	constructor(
		settings: LimiterSettings = {},
		private readonly clock: LimiterClock = systemClock,
	) {
		const ceiling = Math.max(1, Math.floor(settings.ceiling ?? DEFAULT_CEILING));
		const quota = Math.floor(settings.maxInFlight ?? 0);
		this.congestion = new Congestion(quota > 0 ? Math.min(ceiling, quota) : ceiling, () =>
			clock.random(),
		);
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
			cap: this.congestion.cap,
			queued: this.queue.size,
			cuts: this.congestion.cuts,
			...this.counts,
		};
	}

	private pump(): void {
		const now = this.clock.now();
		const { congestion, queue } = this;
		queue.promoteDue(now);
		while (
			queue.ready &&
			this.inFlight < congestion.cap &&
			now >= congestion.pauseUntil &&
			now >= this.nextSlotAt
		) {
			const job = queue.shift();
			if (this.interval) this.nextSlotAt = Math.max(this.nextSlotAt, now) + this.interval;
			this.start(job);
		}
		let wake = queue.nextDue();
		if (queue.ready && this.inFlight < congestion.cap)
			wake = Math.min(wake, Math.max(congestion.pauseUntil, this.nextSlotAt));
		if (wake !== Infinity && wake > now) this.wakeUpAt(wake, now);
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
		job.epoch = this.congestion.sent();
		let sending: Promise<unknown>;
		try {
			sending = Promise.resolve(job.send());
		} catch (error) {
			sending = Promise.reject(error);
		}
		sending.then(
			(value) => {
				this.inFlight--;
				this.congestion.settled(job.epoch, true);
				job.resolve(value);
				this.refill();
			},
			(error: unknown) => {
				this.inFlight--;
				this.congestion.settled(job.epoch, false);
				this.failed(job, error);
				this.refill();
			},
		);
	}

	/**
	 * Freed slots are filled once per turn of the event loop, not one by one as answers come in: the
	 * requests then start together, as n8n's engine starts them without a limiter, which costs n8n far
	 * less CPU per request than starting each in the callback of the answer that freed its slot.
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
		if (exhausted && this.inFlight === 0 && !this.queue.size) {
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

	private failed(job: Job, error: unknown): void {
		job.lastError = error;
		const now = this.clock.now();
		let fault: FaultClass;
		try {
			fault = job.options.classify(error, now);
		} catch {
			fault = { kind: 'final' };
		}
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
			this.queue.delay(job);
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
		job.notBefore = this.congestion.refused(job.epoch, retryAfterMs, now);
		job.refused = true;
		if (job.notBefore - job.firstRefusedAt > this.budgetMs) {
			this.exhaust(job, error, now);
			return;
		}
		if (job.notBefore <= this.congestion.pauseUntil) this.queue.pushFront(job);
		else this.queue.delay(job);
	}

	/**
	 * The budget ran out: this request and every one still waiting will not be sent; they fail together once
	 * the requests in flight are done (settle).
	 */
	private exhaust(job: Job, error: unknown, now: number): void {
		const { ready: waiting, delayed } = this.queue.drain();
		const refusedLater = delayed.filter((j) => j.refused);
		const repeatsLater = delayed.filter((j) => !j.refused);
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
