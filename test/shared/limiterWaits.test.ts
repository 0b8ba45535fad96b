import { faultClassOf } from '../../nodes/Coupontools/shared/errors';
import type { SendOptions } from '../../nodes/Coupontools/shared/limiter';
import {
	Limiter,
	RunCancelledError,
	WaitBudgetExceededError,
	limiterForRun,
} from '../../nodes/Coupontools/shared/limiter';
import { steppedTimer, systemClock } from '../../nodes/Coupontools/shared/limiter/clock';
import { sleepWithAbort } from 'n8n-workflow';
import { answered, manualSend, settled } from '../harness/limiterApi';
import { FakeClock, flush } from '../harness/limiterClock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { activeTimeouts } = require('../harness/activeTimers') as { activeTimeouts: () => number };

/**
 * Waits that end when promised, on the limiter's clock: Max Wait bounds every wait of a run (its own
 * refusals, the run's pauses, later tries and batches), and a cancelled run stops at once.
 */
const options: SendOptions = { repeatable: false, classify: faultClassOf };

describe('Max Wait bounds every wait of a run', () => {
	let clock: FakeClock;
	beforeEach(() => {
		clock = new FakeClock();
	});

	test('while the run is paused past Max Wait, later requests fail at once, together, unsent', async () => {
		// Requests arriving in one go (the items of a batch) fail together, on the next turn.
		clock.later = (fn) => void Promise.resolve().then(fn);
		const limiter = new Limiter({ budgetMs: 60_000 }, clock);
		const api = manualSend();
		const first = settled([limiter.run(api.send, options)]);
		api.calls[0].reject(answered(429, { 'retry-after': '7200' }));
		await flush();
		expect((first.results[0] as PromiseRejectedResult).reason).toBeInstanceOf(
			WaitBudgetExceededError,
		);

		// A minute later (a Retry On Fail try, the next batch): the pause still has 7,140 s to go.
		clock.time = 60_000;
		const later = settled([limiter.run(api.send, options), limiter.run(api.send, options)]);
		await flush();

		expect(later.done()).toBe(true);
		const errors = later.results.map((r) => (r as PromiseRejectedResult).reason);
		expect(errors.map((e) => e instanceof WaitBudgetExceededError && e.notSent)).toEqual([2, 2]);
		expect((errors[0] as WaitBudgetExceededError).description).toMatch(
			/^Coupontools asked to wait 119 min before sending again\. It did nothing with these items\./,
		);
		expect(api.calls).toHaveLength(1);
		expect(clock.pending).toBe(0);
	});

	test('a pause within Max Wait is waited out by a later request, which is then sent', async () => {
		const limiter = new Limiter({ budgetMs: 60_000 }, clock);
		const api = manualSend();
		void limiter.run(api.send, options).catch(() => undefined);
		api.calls[0].reject(answered(429, { 'retry-after': '30' }));
		await flush();
		clock.time = 10_000;
		const later = limiter.run(api.send, options);
		await clock.runUntil(() => api.calls.length === 3);
		expect(clock.time).toBe(30_000);
		api.calls[1].resolve('refused one, sent');
		api.calls[2].resolve('later one, sent');
		await expect(later).resolves.toBe('later one, sent');
	});

	test("the run's pause counts against a waiting request's Max Wait, not only its own refusals", async () => {
		// One in flight at a time: the second request waits while the first is refused for 50 s.
		const limiter = new Limiter({ budgetMs: 60_000, maxInFlight: 1 }, clock);
		const api = manualSend();
		const all = settled([limiter.run(api.send, options), limiter.run(api.send, options)]);
		api.calls[0].reject(answered(429, { 'retry-after': '50' }));
		await clock.runUntil(() => api.calls.length === 2);
		expect(clock.time).toBe(50_000);
		// Refused again for 30 s: the second request would have waited 80 s in all, past Max Wait.
		api.calls[1].reject(answered(429, { 'retry-after': '30' }));
		await clock.runUntil(all.done);

		expect(clock.time).toBe(50_000);
		const errors = all.results.map((r) => (r as PromiseRejectedResult).reason);
		expect(errors.map((e) => e instanceof WaitBudgetExceededError && e.notSent)).toEqual([2, 2]);
		expect((errors[0] as WaitBudgetExceededError).description).toMatch(
			/^Coupontools refused for 50 s, then asked for 30 s more\./,
		);
		expect(api.calls).toHaveLength(2);
	});
});

describe('a cancelled run', () => {
	let clock: FakeClock;
	beforeEach(() => {
		clock = new FakeClock();
	});

	test('sends nothing more: waiting requests fail at once, the timer is cleared, later requests fail at once', async () => {
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		const all = settled(Array.from({ length: 4 }, () => limiter.run(api.send, options)));
		api.calls[0].reject(answered(429, { 'retry-after': '120' }));
		await flush();
		expect(clock.pendingIn()).toEqual([120_000]);

		limiter.cancel();

		await flush();
		expect(clock.pending).toBe(0);
		// The refused one fails at once; the three in flight are still Coupontools'.
		expect(all.results.map((r) => r?.status)).toEqual([
			'rejected',
			undefined,
			undefined,
			undefined,
		]);
		expect((all.results[0] as PromiseRejectedResult).reason).toBeInstanceOf(RunCancelledError);
		expect((all.results[0] as PromiseRejectedResult).reason.message).toBe(
			'The execution was cancelled before this request was sent to Coupontools.',
		);
		// Their answers are passed back as they come; a refusal is not sent again, nor a fault repeated.
		api.calls[1].resolve('sent');
		api.calls[2].reject(answered(429, { 'retry-after': '1' }));
		api.calls[3].reject(answered(502));
		await flush();
		expect(
			all.results.map((r) => (r?.status === 'fulfilled' ? r.value : r?.reason.httpCode)),
		).toEqual([undefined, 'sent', '429', '502']);
		await expect(limiter.run(api.send, options)).rejects.toBeInstanceOf(RunCancelledError);
		await clock.advance(600_000);
		expect(api.calls).toHaveLength(4);
	});

	test("the execution's cancel signal stops the run's limiter, made before or after it aborts", async () => {
		const execution = new AbortController();
		const limiter = limiterForRun({}, {}, execution.signal);
		const api = manualSend();
		const run = limiter.run(api.send, options);
		void run.catch(() => undefined);
		api.calls[0].reject(answered(503, { 'retry-after': '60' }));
		await flush();

		execution.abort();

		await expect(run).rejects.toBeInstanceOf(RunCancelledError);
		await expect(
			limiterForRun({}, {}, execution.signal).run(api.send, options),
		).rejects.toBeInstanceOf(RunCancelledError);
		expect(api.calls).toHaveLength(1);
	});
});

describe("the system clock's timers", () => {
	test('fire once their time has passed; a cancelled one never fires', async () => {
		const fired: string[] = [];
		systemClock.timer(5, () => fired.push('kept'));
		const cancel = systemClock.timer(5, () => fired.push('cancelled'));
		cancel();
		await new Promise<void>((done) => systemClock.timer(50, done));
		expect(fired).toEqual(['kept']);
	});

	test("with n8n-workflow's sleepWithAbort (n8n 1.x, 2.8, this repository's): a cancelled timer holds no Node timer from the moment it is cancelled", async () => {
		expect(typeof sleepWithAbort).toBe('function');
		const fired: string[] = [];
		const before = activeTimeouts();
		const cancel = systemClock.timer(60_000, () => fired.push('cancelled'));
		expect(activeTimeouts()).toBe(before + 1);
		cancel();
		expect(activeTimeouts()).toBe(before);
		await new Promise<void>((done) => systemClock.timer(20, done));
		expect(fired).toEqual([]);
	});

	test('without it (n8n 2.41): a timer sleeps in steps, fires once its time has passed, and a cancelled one never fires', async () => {
		const fired: string[] = [];
		steppedTimer(5, () => fired.push('kept'));
		const cancel = steppedTimer(5, () => fired.push('cancelled'));
		cancel();
		await new Promise<void>((done) => steppedTimer(50, done));
		expect(fired).toEqual(['kept']);
	});
});
