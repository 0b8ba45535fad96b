import type { SendOptions } from './types';

/** One request of the run, from its first call of Limiter.run until it settles. */
export interface Job {
	send: () => Promise<unknown>;
	options: SendOptions;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
	/** The stretch between refusals it was last sent in (pace.ts). */
	epoch: number;
	/**
	 * Since when it waits because Coupontools refused: its own first refusal, or the run's pause it had to
	 * wait for; undefined until then. Max Wait counts from here (budget.ts).
	 */
	heldSince?: number;
	/** Sends that ended in a fault that may have acted. */
	maybeFaults: number;
	/** Not sent again before this time. */
	notBefore: number;
	lastError?: unknown;
	/** Waiting after a refusal (not after a fault that may have acted). */
	refused: boolean;
}

export function newJob(
	send: () => Promise<unknown>,
	options: SendOptions,
	resolve: (value: unknown) => void,
	reject: (error: unknown) => void,
): Job {
	return { send, options, resolve, reject, epoch: 0, maybeFaults: 0, notBefore: 0, refused: false };
}

/**
 * The requests waiting to be sent: first come, first served, except that a request whose own wait is over
 * goes before the others (it has waited longest). Requests waiting for their own time are kept aside.
 */
export class JobQueue {
	private items: Job[] = [];
	private head = 0;
	/** Jobs waiting for their own notBefore, in no order. */
	private delayed: Job[] = [];

	get ready(): number {
		return this.items.length - this.head;
	}

	get size(): number {
		return this.ready + this.delayed.length;
	}

	push(job: Job): void {
		this.items.push(job);
	}

	pushFront(job: Job): void {
		if (this.head > 0) this.items[--this.head] = job;
		else this.items.unshift(job);
	}

	/** Waits for its own notBefore before it is ready again. */
	delay(job: Job): void {
		this.delayed.push(job);
	}

	shift(): Job {
		const job = this.items[this.head++];
		if (this.head > 1024 && this.head * 2 > this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
		return job;
	}

	/** Delayed jobs whose time has come go first, oldest wait first. */
	promoteDue(now: number): void {
		if (!this.delayed.length) return;
		const due = this.delayed.filter((job) => job.notBefore <= now);
		if (!due.length) return;
		this.delayed = this.delayed.filter((job) => job.notBefore > now);
		due.sort((a, b) => b.notBefore - a.notBefore);
		for (const job of due) this.pushFront(job);
	}

	/** The earliest notBefore of the delayed jobs; Infinity when none. */
	nextDue(): number {
		let at = Infinity;
		for (const job of this.delayed) at = Math.min(at, job.notBefore);
		return at;
	}

	/** Every job waiting to be sent, except those waiting to repeat after a fault that may have acted. */
	*waiting(): Iterable<Job> {
		for (let i = this.head; i < this.items.length; i++) yield this.items[i];
		for (const job of this.delayed) if (job.refused) yield job;
	}

	/** Empties the queue: the jobs ready to go in order, then the delayed ones. */
	drain(): { ready: Job[]; delayed: Job[] } {
		const drained = { ready: this.items.slice(this.head), delayed: this.delayed };
		this.items = [];
		this.head = 0;
		this.delayed = [];
		return drained;
	}
}
