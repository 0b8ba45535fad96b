import { NodeApiError } from 'n8n-workflow';

import { faultClassOf } from '../../nodes/Coupontools/shared/errors';
import type { SendOptions } from '../../nodes/Coupontools/shared/limiter';
import {
	Limiter,
	WaitBudgetExceededError,
	limiterForRun,
} from '../../nodes/Coupontools/shared/limiter';
import { answered, manualSend, settled } from '../harness/limiterApi';
import { FakeClock, flush } from '../harness/limiterClock';

/** Backoff after a refusal without Retry-After: 0.5 s doubling per refusal in a row, at most 30 s. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

describe('Limiter', () => {
	let clock: FakeClock;
	let options: SendOptions;
	beforeEach(() => {
		clock = new FakeClock();
		options = { repeatable: false, classify: faultClassOf };
	});

	test('freed slots are filled together once per turn of the event loop (clock.later), not one per answer', async () => {
		const turns: Array<() => void> = [];
		const limiter = new Limiter({ ceiling: 3 }, { ...clock, later: (fn) => turns.push(fn) });
		const api = manualSend();
		const runs = Array.from({ length: 7 }, () => limiter.run(api.send, options));
		const all = settled(runs);
		expect(api.calls).toHaveLength(3);
		// Two answers in the same turn: their callers get them at once, the slots wait for the turn's end.
		api.calls[0].resolve('a');
		api.calls[1].resolve('b');
		await flush();
		expect(all.results.slice(0, 2).map((r) => r?.status)).toEqual(['fulfilled', 'fulfilled']);
		expect(api.calls).toHaveLength(3);
		expect(turns).toHaveLength(1);
		turns.shift()!();
		expect(api.calls).toHaveLength(5); // both slots filled by one refill
		for (let i = 2; i < 7; i++) {
			api.calls[i].resolve(String(i));
			await flush();
			while (turns.length) turns.shift()!();
		}
		expect(all.done()).toBe(true);
		expect(api.calls).toHaveLength(7);
	});

	test('without throttling: sends at once up to the ceiling, no timer, every answer passed back in order', async () => {
		const limiter = new Limiter({ ceiling: 3 }, clock);
		const api = manualSend();
		const runs = Array.from({ length: 7 }, () => limiter.run(api.send, options));
		const all = settled(runs);
		expect(api.calls).toHaveLength(3); // started synchronously, no more than the cap
		api.calls[0].resolve('a');
		await flush();
		expect(api.calls).toHaveLength(4);
		for (let i = 1; i < 7; i++) {
			api.calls[i].resolve(String(i));
			await flush();
		}
		expect(all.done()).toBe(true);
		expect(all.results.map((r) => r?.status === 'fulfilled' && r.value)).toEqual([
			'a',
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
		]);
		expect(clock.pending).toBe(0);
		expect(api.calls).toHaveLength(7);
	});

	test('the user quota of requests in flight lowers the ceiling', async () => {
		const limiter = new Limiter({ maxInFlight: 2 }, clock);
		const api = manualSend();
		for (let i = 0; i < 5; i++) void limiter.run(api.send, options);
		expect(api.calls).toHaveLength(2);
		api.calls[0].resolve('a');
		await flush();
		expect(api.calls).toHaveLength(3);
	});

	test('a refusal pauses the whole run until its Retry-After; refused requests go first, none before its own wait', async () => {
		const limiter = new Limiter({ ceiling: 4 }, clock);
		const api = manualSend();
		const sends: Array<{ id: number; at: number }> = [];
		const send = (id: number) => async () => {
			sends.push({ id, at: clock.time });
			return await api.send();
		};
		const all = settled(Array.from({ length: 6 }, (_, id) => limiter.run(send(id), options)));
		expect(sends.map((s) => s.id)).toEqual([0, 1, 2, 3]);
		// The first refusal pauses the run for 2 s; the second, of a request sent before it, changes
		// nothing but its own wait (500 ms + 2 s).
		api.calls[0].reject(answered(429, { 'retry-after': '2' }));
		await flush();
		clock.time = 500;
		api.calls[1].reject(answered(429, { 'retry-after': '2' }));
		api.calls[2].resolve('ok');
		api.calls[3].resolve('ok');
		await clock.advance(1499); // t = 1999: paused, although the window has room
		expect(sends).toHaveLength(4);
		await clock.advance(1); // t = 2000
		expect(sends.slice(4, 5)).toEqual([{ id: 0, at: 2000 }]);
		// Every later send is accepted.
		let answeredCalls = 4;
		while (!all.done()) {
			while (answeredCalls < api.calls.length) api.calls[answeredCalls++].resolve('ok');
			await clock.runUntil(() => all.done() || api.calls.length > answeredCalls, 60_000);
		}
		expect(all.results.every((r) => r?.status === 'fulfilled')).toBe(true);
		expect(sends.map((s) => s.id).sort()).toEqual([0, 0, 1, 1, 2, 3, 4, 5]);
		expect(sends.filter((s) => s.id === 1)[1].at).toBeGreaterThanOrEqual(2500);
	});

	test('Retry-After as an HTTP date is honoured', async () => {
		clock.time = Date.parse('2025-06-01T10:00:00.400Z');
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		const run = limiter.run(api.send, options);
		api.calls[0].reject(answered(429, { 'retry-after': 'Sun, 01 Jun 2025 10:00:03 GMT' }));
		await clock.advance(2599);
		expect(api.calls).toHaveLength(1);
		await clock.advance(1);
		expect(api.calls).toHaveLength(2);
		api.calls[1].resolve('sent');
		await expect(run).resolves.toBe('sent');
	});

	test('without Retry-After: exponential backoff with jitter between half and all of 0.5 s × 2^n, at most 30 s', async () => {
		const waitsWith = async (dice: number) => {
			const c = new FakeClock();
			c.dice = dice;
			const limiter = new Limiter({ ceiling: 1 }, c);
			const api = manualSend();
			const run = limiter.run(api.send, { repeatable: false, classify: faultClassOf });
			const waits: number[] = [];
			for (let refusal = 0; refusal < 10; refusal++) {
				const before = c.time;
				api.calls[refusal].reject(answered(503));
				await c.runUntil(() => api.calls.length > refusal + 1);
				waits.push(c.time - before);
			}
			api.calls[10].resolve('ok');
			await run;
			return waits;
		};
		const shortest = await waitsWith(0);
		const longest = await waitsWith(0.999999);
		const full = [1, 2, 4, 8, 16, 32, 60, 60, 60, 60].map((n) =>
			Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * n),
		);
		expect(shortest).toEqual(full.map((ms) => ms / 2));
		longest.forEach((ms, i) => {
			expect(ms).toBeLessThanOrEqual(full[i]);
			expect(ms).toBeGreaterThan(full[i] * 0.99);
		});
	});

	test('a success resets the backoff', async () => {
		clock.dice = 0;
		const limiter = new Limiter({ ceiling: 1 }, clock);
		const api = manualSend();
		const first = limiter.run(api.send, options);
		api.calls[0].reject(answered(503));
		await clock.runUntil(() => api.calls.length === 2);
		api.calls[1].resolve('a');
		await first;
		const second = limiter.run(api.send, options);
		const before = clock.time;
		api.calls[2].reject(answered(503));
		await clock.runUntil(() => api.calls.length === 4);
		expect(clock.time - before).toBe(BACKOFF_BASE_MS / 2);
		api.calls[3].resolve('b');
		await second;
	});

	test('when refusals outlast the budget: a clear error on exactly the items not sent, none sent early', async () => {
		const limiter = new Limiter({ ceiling: 2, budgetMs: 5000 }, clock);
		const api = manualSend();
		const runs = Array.from({ length: 6 }, () => limiter.run(api.send, options));
		const all = settled(runs);
		// Two items go through; from then on Coupontools refuses everything.
		api.calls[0].resolve('sent-0');
		api.calls[1].resolve('sent-1');
		await flush();
		const refuse = async () => {
			while (!all.done()) {
				await flush();
				const open = api.calls.filter((c) => !(c as { answered?: boolean }).answered);
				for (const call of open) {
					(call as { answered?: boolean }).answered = true;
					call.reject(answered(429, { 'retry-after': '1' }));
				}
				if (!open.length) await clock.advance(100);
			}
		};
		await refuse();
		expect(all.results.slice(0, 2).map((r) => r?.status)).toEqual(['fulfilled', 'fulfilled']);
		const failures = all.results.slice(2).map((r) => (r as PromiseRejectedResult).reason);
		expect(failures.every((e) => e instanceof WaitBudgetExceededError)).toBe(true);
		const [error] = failures as WaitBudgetExceededError[];
		expect(error.notSent).toBe(4);
		expect(error.message).toBe(
			'Coupontools kept refusing requests (rate limiting or unavailable) for longer than the node waits (5 s): this item was not sent, nor were 3 other items of this run. Run it again later: with Check Unique or Duplicate Check on, a rerun sends only what was not sent.',
		);
		expect(error.description).toMatch(/^Coupontools refused for 5 s, then asked for 1 s more\. /);
		expect(error.description).toMatch(/Check Unique .* Duplicate Check/);
		expect(error.cause).toBeInstanceOf(NodeApiError);
		// Gave up at 5 s, without waiting for a try that could only come after the budget.
		expect(clock.time).toBeLessThanOrEqual(5100);
		// Once the run is idle the limiter takes requests again (a rerun with the same execution data), after
		// the last Retry-After (refused at 5 s, 1 s).
		const before = api.calls.length;
		const again = limiter.run(api.send, options);
		await clock.runUntil(() => api.calls.length > before);
		expect(clock.time).toBe(6000);
		api.calls[before].resolve('later');
		await expect(again).resolves.toBe('later');
	});

	test('a Retry-After longer than the budget fails at once', async () => {
		const limiter = new Limiter({ budgetMs: 60_000 }, clock);
		const api = manualSend();
		const run = limiter.run(api.send, options);
		api.calls[0].reject(answered(429, { 'retry-after': '3600' }));
		await expect(run).rejects.toThrow(/this item was not sent\. Run it again later/);
		expect(clock.time).toBe(0);
	});

	test('the quota per second spaces the starts evenly', async () => {
		const limiter = new Limiter({ maxPerSecond: 4 }, clock);
		const api = manualSend();
		const startedAt: number[] = [];
		const send = async () => {
			startedAt.push(clock.time);
			return await api.send();
		};
		const runs = Array.from({ length: 6 }, () => limiter.run(send, options));
		const all = settled(runs);
		await clock.runUntil(() => startedAt.length === 6);
		api.calls.forEach((c) => c.resolve('ok'));
		await clock.runUntil(all.done);
		expect(startedAt).toEqual([0, 250, 500, 750, 1000, 1250]);
	});

	test('faults that may have acted: repeated only when repeatable, 3 attempts with waits of 0.5 s and 1 s', async () => {
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		const repeatable = limiter.run(api.send, { ...options, repeatable: true });
		const settledRepeatable = settled([repeatable]);
		api.calls[0].reject(answered(502));
		await clock.runUntil(() => api.calls.length === 2);
		expect(clock.time).toBe(500);
		api.calls[1].reject(answered(500));
		await clock.runUntil(() => api.calls.length === 3);
		expect(clock.time).toBe(1500);
		const last = answered(504);
		api.calls[2].reject(last);
		await clock.runUntil(settledRepeatable.done);
		expect((settledRepeatable.results[0] as PromiseRejectedResult).reason).toBe(last);
		expect(api.calls).toHaveLength(3);

		// Not a sign of throttling: the next request goes at once.
		const notRepeatable = limiter.run(api.send, options);
		expect(api.calls).toHaveLength(4);
		const once = answered(500);
		api.calls[3].reject(once);
		await expect(notRepeatable).rejects.toBe(once);
		const final = limiter.run(api.send, { ...options, repeatable: true });
		const refusedValue = answered(422);
		api.calls[4].reject(refusedValue);
		await expect(final).rejects.toBe(refusedValue);
		expect(api.calls).toHaveLength(5);
	});

	test('refused requests are repeated whether repeatable or not (Coupontools did nothing)', async () => {
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		const run = limiter.run(api.send, options);
		api.calls[0].reject(answered(429, { 'retry-after': '1' }));
		await clock.runUntil(() => api.calls.length === 2);
		api.calls[1].resolve('sent');
		await expect(run).resolves.toBe('sent');
	});
});

describe('limiterForRun', () => {
	const options: SendOptions = { repeatable: false, classify: faultClassOf };

	test('one limiter per run key, made with the first settings; none shared without a key', () => {
		const run = {};
		const first = limiterForRun(run, { ceiling: 2 });
		expect(limiterForRun(run, { ceiling: 50 })).toBe(first);
		const api = manualSend();
		for (let i = 0; i < 3; i++) void first.run(api.send, options);
		expect(api.calls).toHaveLength(2);
		expect(limiterForRun({}, { ceiling: 2 })).not.toBe(first);
		expect(limiterForRun(undefined)).not.toBe(limiterForRun(undefined));
	});
});
