import type { Job } from './queue';

/**
 * The wait budget ("Max Wait When Throttled"): how long a request may wait because Coupontools refused,
 * its own refusals and the run's pauses after refusals together. When a request could only be sent past
 * it, the run stops waiting: every request it has not sent fails with WaitBudgetExceededError, each
 * saying how many were not sent, once nothing is in flight any more. Then the run takes requests again;
 * while its pause still reaches past the budget, each new one fails the same way without being sent.
 */
export class Exhaustion {
	readonly unsent: Job[] = [];

	constructor(
		private readonly details: { waitedMs: number; askedMs: number; cause: unknown },
		private readonly budgetMs: number,
	) {}

	failAll(): void {
		const { unsent, details, budgetMs } = this;
		for (const job of unsent)
			job.reject(new WaitBudgetExceededError({ notSent: unsent.length, budgetMs, ...details }));
	}
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

/** The execution was cancelled (registry.ts): this request was not sent. */
export class RunCancelledError extends Error {
	constructor() {
		super('The execution was cancelled before this request was sent to Coupontools.');
		this.name = 'RunCancelledError';
	}
}
