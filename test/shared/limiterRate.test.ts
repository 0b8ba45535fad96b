import { faultClassOf } from '../../nodes/Coupontools/shared/errors';
import type { SendOptions } from '../../nodes/Coupontools/shared/limiter';
import { DEFAULT_CEILING, Limiter } from '../../nodes/Coupontools/shared/limiter';
import { answered, manualSend, settled, throttlingApi } from '../harness/limiterApi';
import { FakeClock, flush } from '../harness/limiterClock';

/**
 * A polite client, on the limiter's clock: a run starts with a bounded window that grows while answers
 * are accepted (slow start), stops growing at the first refusal, then sends at the rate Coupontools
 * accepted, probing upward gently (nodes/Coupontools/shared/limiter/pace.ts).
 */
const options: SendOptions = { repeatable: false, classify: faultClassOf };
const START_WINDOW = 128;

describe('slow start: a bounded window that grows while answers are accepted', () => {
	let clock: FakeClock;
	beforeEach(() => {
		clock = new FakeClock();
	});

	test(`a run sends ${START_WINDOW} requests at once, then one more per accepted answer`, async () => {
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		void settled(Array.from({ length: 400 }, () => limiter.run(api.send, options)));
		expect(api.calls).toHaveLength(START_WINDOW);
		// Each accepted answer frees its slot and widens the window by one: two more requests go out.
		for (let i = 0; i < 10; i++) api.calls[i].resolve('ok');
		await flush();
		expect(api.calls).toHaveLength(START_WINDOW + 20);
		// A whole round accepted: the window has doubled.
		for (let i = 10; i < START_WINDOW; i++) api.calls[i].resolve('ok');
		await flush();
		expect(api.calls).toHaveLength(3 * START_WINDOW);
	});

	test('the first refusal stops the growth; after the pause the run sends what Coupontools accepted', async () => {
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		void settled(Array.from({ length: 400 }, () => limiter.run(api.send, options)));
		// A bucket of 50: the refusals of the other 78 come first (nothing to do), the 50 answers later.
		for (let i = 50; i < START_WINDOW; i++)
			api.calls[i].reject(answered(429, { 'retry-after': '1' }));
		for (let i = 0; i < 50; i++) api.calls[i].resolve('ok');
		await flush();
		expect(api.calls).toHaveLength(START_WINDOW);

		// After the Retry-After: 50 at once (what Coupontools accepted, and refilled meanwhile) ...
		await clock.advance(1000);
		expect(api.calls).toHaveLength(START_WINDOW + 50);
		for (let i = START_WINDOW; i < START_WINDOW + 50; i++) api.calls[i].resolve('ok');
		await flush();
		// ... and no growth: accepted answers no longer widen the window by one each.
		expect(api.calls).toHaveLength(START_WINDOW + 50);
	});

	test('when the first wave got nothing accepted: one request after the wait, then growing again', async () => {
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		void settled(Array.from({ length: 400 }, () => limiter.run(api.send, options)));
		for (let i = 0; i < START_WINDOW; i++)
			api.calls[i].reject(answered(503, { 'retry-after': '5' }));
		await clock.advance(5000);
		expect(api.calls).toHaveLength(START_WINDOW + 1);
		api.calls[START_WINDOW].resolve('ok');
		await flush();
		expect(api.calls).toHaveLength(START_WINDOW + 3);
	});

	test(`without throttling: 3,000 items at 100 ms answers in rounds of 128, 256, 512 and then ${DEFAULT_CEILING} at most`, async () => {
		const api = throttlingApi(clock, { rate: 1e9, latencyMs: 100 });
		const limiter = new Limiter({}, clock);
		const all = settled(
			Array.from({ length: 3000 }, (_, i) => limiter.run(api.send(`item-${i}`), options)),
		);
		await clock.runUntil(all.done);
		// 128 + 256 + 512 + 1,024 + 1,024 + 56: six rounds of 100 ms.
		expect(clock.time).toBe(600);
		expect(api.seen.maxInFlight).toBe(DEFAULT_CEILING);
		expect(api.seen.arrivals.filter((a) => !a.accepted)).toEqual([]);
	});
});

describe('learning the rate in one round', () => {
	test('after the first refusals the run sends at the rate Coupontools accepted, and a pause costs nothing', async () => {
		const clock = new FakeClock();
		const limiter = new Limiter({}, clock);
		const api = manualSend();
		const sentAt: number[] = [];
		const send = async () => {
			sentAt.push(clock.time);
			return await api.send();
		};
		void settled(Array.from({ length: 400 }, () => limiter.run(send, options)));
		for (let i = 50; i < START_WINDOW; i++)
			api.calls[i].reject(answered(429, { 'retry-after': '1' }));
		for (let i = 0; i < 50; i++) api.calls[i].resolve('ok');
		// Every later request is accepted at once.
		let answeredCalls = START_WINDOW;
		while (clock.time < 2000) {
			while (answeredCalls < api.calls.length) api.calls[answeredCalls++].resolve('ok');
			await clock.runUntil(() => api.calls.length > answeredCalls);
		}
		const after = sentAt.slice(START_WINDOW);
		// 50 accepted in the first second, Retry-After 1 s: 50 per second. The 50 saved up go at once
		// when the pause ends; then one every 20 ms, a little faster as the probe goes up (5 % a second:
		// 51.25 in the second that follows, so the 52nd is sent after it).
		expect(after.slice(0, 50)).toEqual(Array(50).fill(1000));
		const gaps = after.slice(50, 55).map((at, i) => at - after[49 + i]);
		expect(gaps).toEqual([20, 20, 20, 20, 20]);
		expect(after.filter((at) => at < 2000)).toHaveLength(50 + 51);
	});

	test.each([
		[1000, 'seconds', 0.15],
		[10_000, 'seconds', 0.15],
		[1000, 'date', 0.15],
		[1000, 'none', 0.3],
		[10_000, 'none', 0.3],
	] as const)(
		'%i items against 50 requests/s (burst 50, 100 ms answers, Retry-After: %s): all sent once, in order, none early, at most %d refusals per item, within 1.10 × items ÷ rate',
		async (items, retryAfter, refusalsPerItem) => {
			const clock = new FakeClock(Date.parse('2025-06-01T10:00:00Z'));
			const start = clock.time;
			const api = throttlingApi(clock, { rate: 50, latencyMs: 100, retryAfter });
			const limiter = new Limiter({}, clock);
			const all = settled(
				Array.from({ length: items }, (_, i) => limiter.run(api.send(`item-${i}`), options)),
			);
			await clock.runUntil(all.done, 36_000_000);

			const values = all.results.map((r) => (r?.status === 'fulfilled' ? r.value : r?.reason));
			expect(values).toEqual(Array.from({ length: items }, (_, i) => `item-${i}`));
			expect([...api.seen.accepted.values()].filter((n) => n !== 1)).toEqual([]);
			expect(api.seen.earlyRepeats).toBe(0);
			const refused = api.seen.arrivals.filter((a) => !a.accepted).length;
			expect(refused / items).toBeLessThanOrEqual(refusalsPerItem);
			expect((clock.time - start) / 1000).toBeLessThanOrEqual(1.1 * (items / 50));
			// The first wave is the most ever sent at once.
			expect(api.seen.maxInFlight).toBeLessThanOrEqual(START_WINDOW);
		},
		60_000,
	);
});
