import { Exhaustion, RunCancelledError } from './budget';
import type { LimiterClock } from './clock';
import { systemClock } from './clock';
import { Pace } from './pace';
import type { Job } from './queue';
import { JobQueue, newJob } from './queue';
import type { FaultClass, LimiterSettings, SendOptions } from './types';
import { DEFAULT_BUDGET_MS, DEFAULT_CEILING, MAX_ATTEMPTS, REPEAT_DELAY_MS } from './types';

/**
 * One limiter per node run, shared by all its items: it decides when each Coupontools request is sent.
 *
 * n8n's RoutingNode starts every item's request at once (n8n-core's routing-node.js, `runNode`), n8n reads
 * `Retry-After` nowhere, and its Retry On Fail runs the whole node again, sending every item once more
 * (https://docs.n8n.io/workflows/components/nodes/#node-settings). So the node paces itself:
 *
 * - The run sends as fast as Coupontools accepts, no faster (pace.ts): a window on requests in flight
 *   that grows while answers are accepted, a pause after a refusal, then the rate Coupontools accepted.
 *   An optional quota of the user: requests per second (starts spaced evenly) and/or most in flight.
 * - A refusal (429, 503, connection refused: Coupontools did nothing) is sent again once the run's pause
 *   and its own Retry-After are over; never before.
 * - No request waits for refusals longer than the budget (Max Wait, budget.ts), later tries and batches of
 *   the same run included.
 * - A fault after which Coupontools may have acted (500, 502, 504, reset, timeout, unreadable answer) is
 *   repeated only when the caller says the call is repeatable, MAX_ATTEMPTS at most, with waits of
 *   REPEAT_DELAY_MS times the faults so far. Anything else fails at once.
 * - Cancelled (the execution's cancel signal, registry.ts), it sends nothing more: every request still
 *   waiting fails at once and its timer is cleared.
 *
 * What counts as which fault is the caller's (`classify`), so this folder depends on nothing of the node.
 */
export class Limiter {
	private readonly budgetMs: number;
	private readonly pace: Pace;
	private readonly queue = new JobQueue();
	private inFlight = 0;
	/** The one timer of the run: when it fires, and how to cancel it. */
	private wake: { at: number; cancel: () => void } | undefined;
	private refillPending = false;
	private cancelled = false;
	/** The last refusal, which a request failing without being sent reports. */
	private lastRefusal: unknown;
	/** Set when the budget ran out: the requests that will not be sent (budget.ts). */
	private exhausted: Exhaustion | undefined;

	constructor(
		settings: LimiterSettings = {},
		private readonly clock: LimiterClock = systemClock,
	) {
		const ceiling = Math.max(1, Math.floor(settings.ceiling ?? DEFAULT_CEILING));
		const quota = Math.floor(settings.maxInFlight ?? 0);
		const perSecond = settings.maxPerSecond ?? 0;
		this.pace = new Pace(
			quota > 0 ? Math.min(ceiling, quota) : ceiling,
			perSecond > 0 ? 1000 / perSecond : 0,
			() => clock.random(),
		);
		this.budgetMs = settings.budgetMs ?? DEFAULT_BUDGET_MS;
	}

	/** Sends now if the run has room, else when it has; repeats as the class of its faults allows. */
	async run<T>(send: () => Promise<T>, options: SendOptions): Promise<T> {
		return await new Promise<T>((resolve, reject) => {
			if (this.cancelled) {
				reject(new RunCancelledError());
				return;
			}
			const job = newJob(send, options, resolve as (value: unknown) => void, reject);
			const now = this.clock.now();
			const paused = this.pace.pauseUntil - now;
			if (paused > 0) job.heldSince = now;
			// The run is paused past what a request may wait: fail with the others arriving now, unsent.
			if (!this.exhausted && paused > this.budgetMs)
				this.exhausted = new Exhaustion(
					{ waitedMs: 0, askedMs: paused, cause: this.lastRefusal },
					this.budgetMs,
				);
			if (this.exhausted) {
				this.exhausted.unsent.push(job);
				this.refill();
				return;
			}
			this.queue.push(job);
			this.pump();
		});
	}

	/** Stops the run at once: nothing more is sent, every request waiting fails, the timer is cleared. */
	cancel(): void {
		if (this.cancelled) return;
		this.cancelled = true;
		this.wake?.cancel();
		this.wake = undefined;
		const { ready, delayed } = this.queue.drain();
		const unsent = [...ready, ...delayed, ...(this.exhausted?.unsent ?? [])];
		this.exhausted = undefined;
		for (const job of unsent) job.reject(new RunCancelledError());
	}

	private pump(): void {
		if (this.cancelled) return;
		const now = this.clock.now();
		const { pace, queue } = this;
		queue.promoteDue(now);
		while (queue.ready && this.inFlight < pace.window && pace.mayStart(now))
			this.start(queue.shift(), now);
		let wake = queue.nextDue();
		if (queue.ready && this.inFlight < pace.window) wake = Math.min(wake, pace.nextStartAt(now));
		if (wake !== Infinity && wake > now) this.wakeUpAt(wake, now);
	}

	/** One timer, for the earliest moment something may be sent. */
	private wakeUpAt(at: number, now: number): void {
		if (this.wake && this.wake.at <= at && this.wake.at >= now) return;
		this.wake?.cancel();
		const cancel = this.clock.timer(at - now, () => {
			if (this.wake?.at === at) this.wake = undefined;
			this.pump();
		});
		this.wake = { at, cancel };
	}

	private start(job: Job, now: number): void {
		this.inFlight++;
		job.epoch = this.pace.sent(now);
		let sending: Promise<unknown>;
		try {
			sending = Promise.resolve(job.send());
		} catch (error) {
			sending = Promise.reject(error);
		}
		sending.then(
			(value) => {
				this.inFlight--;
				this.pace.settled(job.epoch, 'succeeded');
				job.resolve(value);
				this.refill();
			},
			(error: unknown) => {
				this.inFlight--;
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
		if (this.exhausted && this.inFlight === 0 && !this.queue.size) {
			const exhausted = this.exhausted;
			this.exhausted = undefined;
			exhausted.failAll();
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
		if (this.cancelled) fault = { kind: 'final' };
		this.pace.settled(job.epoch, fault.kind === 'not-processed' ? 'refused' : 'failed');
		if (fault.kind === 'not-processed') {
			this.lastRefusal = error;
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
		job.heldSince ??= now;
		if (this.exhausted) {
			this.exhausted.unsent.push(job);
			return;
		}
		const pausedBefore = this.pace.pauseUntil;
		job.notBefore = this.pace.refused(job.epoch, retryAfterMs, now);
		job.refused = true;
		// Every request waiting now waits for the run's pause too: Max Wait counts for each from its start.
		let heldSince = job.heldSince;
		if (this.pace.pauseUntil > pausedBefore)
			for (const waiting of this.queue.waiting()) {
				waiting.heldSince ??= now;
				heldSince = Math.min(heldSince, waiting.heldSince);
			}
		const until = Math.max(job.notBefore, this.pace.pauseUntil);
		if (until - heldSince > this.budgetMs) {
			this.exhaust(job, { waitedMs: now - heldSince, askedMs: until - now, cause: error });
			return;
		}
		if (job.notBefore <= this.pace.pauseUntil) this.queue.pushFront(job);
		else this.queue.delay(job);
	}

	/**
	 * The budget ran out: this request and every one still waiting will not be sent; they fail together once
	 * the requests in flight are done (settle).
	 */
	private exhaust(job: Job, details: { waitedMs: number; askedMs: number; cause: unknown }): void {
		const { ready, delayed } = this.queue.drain();
		this.exhausted = new Exhaustion(details, this.budgetMs);
		this.exhausted.unsent.push(job, ...ready, ...delayed.filter((j) => j.refused));
		// Waiting to repeat a request that may have acted: its own fault is the honest answer.
		for (const j of delayed) if (!j.refused) j.reject(j.lastError);
	}
}
