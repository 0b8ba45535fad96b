import { sleep } from 'n8n-workflow';

/**
 * The limiter's clock in tests (nodes/Coupontools/shared/limiter/clock.ts): time moves only when the test
 * moves it, jumping from one timer to the next, so minutes of throttling run in milliseconds and every
 * wait can be checked to the millisecond.
 *
 * Unit tests give it to a Limiter. Engine tests give it to every run's limiter by replacing the clock
 * module for their file:
 *
 *   jest.mock('../nodes/Coupontools/shared/limiter/clock', () =>
 *     require('./harness/limiterClock').clockModule());
 *
 * There `later` is the event loop's next turn (real answers come in over real sockets), and time stands
 * still unless the test advances it.
 */
export class FakeClock {
	time: number;
	dice = 0.5;
	later?: (fn: () => void) => void;
	private timers: Array<{ at: number; fire: () => void }> = [];

	constructor(start = 0, { realLater = false } = {}) {
		this.time = start;
		if (realLater) this.later = (fn) => void sleep(0).then(fn);
	}

	now = () => this.time;
	random = () => this.dice;

	/** Calls `fire` once the clock reaches `ms` from now; the function returned cancels it. */
	timer = (ms: number, fire: () => void): (() => void) => {
		const entry = { at: this.time + ms, fire };
		this.timers.push(entry);
		return () => {
			this.timers = this.timers.filter((t) => t !== entry);
		};
	};

	/** A wait on this clock, for the fake APIs of the tests (their answer time). */
	sleep = async (ms: number) => await new Promise<void>((wake) => this.timer(ms, wake));

	/** Drops every timer (between the tests of a file that share the clock). */
	reset(): void {
		this.timers = [];
	}

	/** Timers not fired or cancelled yet. */
	get pending(): number {
		return this.timers.length;
	}

	/** How far ahead of now each pending timer is, in ms, soonest first. */
	pendingIn(): number[] {
		return this.timers.map((t) => t.at - this.time).sort((a, b) => a - b);
	}

	/** Lets promises run, then moves time to the next timer and fires it, until `done` says stop. */
	async runUntil(done: () => boolean, limitMs = 3_600_000): Promise<void> {
		const start = this.time;
		for (;;) {
			await flush();
			if (done()) return;
			const next = this.takeNext();
			if (!next) throw new Error('nothing left to wait for, but not done');
			if (next.at - start > limitMs) throw new Error(`still running at ${next.at - start} ms`);
			this.time = Math.max(this.time, next.at);
			next.fire();
		}
	}

	/** Moves time `ms` ahead, firing every timer due on the way. */
	async advance(ms: number): Promise<void> {
		const end = this.time + ms;
		for (;;) {
			await flush();
			const next = this.takeNext(end);
			if (!next) break;
			this.time = Math.max(this.time, next.at);
			next.fire();
		}
		this.time = end;
		await flush();
	}

	private takeNext(until = Infinity) {
		this.timers.sort((a, b) => a.at - b.at);
		if (!this.timers.length || this.timers[0].at > until) return undefined;
		return this.timers.shift();
	}
}

/** Lets every pending promise chain run (no timers: they are the fake clock's). */
export async function flush(): Promise<void> {
	for (let i = 0; i < 100; i++) await Promise.resolve();
}

/** What the driver below watches of the sandbox (test/sandbox/server.js). */
interface SandboxTraffic {
	requests: unknown[];
	traffic(): { inFlight: number; accepted: number; refused: number };
}

/**
 * Waits for `work` (a node run, a picker's call) while moving the limiter's clock: each time nothing has
 * changed at the sandbox (requests received, answers finished) for a few turns of the real event loop,
 * the clock jumps to the next timer and fires it. With the sandbox's token buckets and latency on the
 * same clock (its `rateClock`), a throttled run plays out in seconds of fake time whatever the machine's
 * load. Throws when the next timer is more than `limitMs` after the start.
 */
export async function onRunClock<T>(
	sandbox: SandboxTraffic,
	work: Promise<T>,
	limitMs = 3_600_000,
): Promise<T> {
	let outcome: { value: T } | { error: unknown } | undefined;
	work.then(
		(value) => (outcome = { value }),
		(error: unknown) => (outcome = { error }),
	);
	const start = runClock.time;
	const progress = () => {
		const { inFlight, accepted, refused } = sandbox.traffic();
		return `${sandbox.requests.length} ${inFlight} ${accepted} ${refused}`;
	};
	let quietTurns = 0;
	let seen = progress();
	while (!outcome) {
		await sleep(2);
		const now = progress();
		quietTurns = now === seen ? quietTurns + 1 : 0;
		seen = now;
		if (quietTurns < 3 || outcome) continue;
		const next = runClock.pendingIn()[0];
		if (next === undefined) continue;
		if (runClock.time + next - start > limitMs)
			throw new Error(`still waiting at ${runClock.time + next - start} ms`);
		await runClock.advance(next);
		quietTurns = 0;
	}
	if ('error' in outcome) throw outcome.error;
	return outcome.value;
}

/** The clock every run limiter of an engine test file uses (see above). */
export const runClock = new FakeClock(Date.parse('2026-06-01T10:00:00Z'), { realLater: true });

/** The replacement of the limiter's clock module for an engine test file. */
export function clockModule() {
	return { systemClock: runClock };
}
