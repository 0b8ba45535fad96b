import { searchCampaigns } from '../nodes/Coupontools/listSearch/searchCampaigns';
import { onRunClock, runClock } from './harness/limiterClock';
import { pickerContext } from './harness/loadOptions';
import type { RunResult } from './harness/engine';
import { addresses, deliveriesOf, sendEmail } from './harness/sendBatch';
import { jsonOf, credentialsFor, run, useSandbox } from './harness/sandbox';
import type { Sandbox } from './harness/sandbox';

/**
 * Big batches against a Coupontools that throttles: the node's run-wide limiter
 * (nodes/Coupontools/shared/limiter/, wired in shared/requestLoop.ts) through n8n-core's real engine,
 * against the sandbox's token bucket over HTTP (test/sandbox/rate-limit.js: `rate` requests per second per
 * credential, 429 with Retry-After beyond it). The limiter and the sandbox's buckets share one clock that
 * moves only when the sandbox is idle (test/harness/limiterClock.ts, onRunClock): a throttled run plays out
 * in fake seconds, the same on a busy machine as on an idle one. Real-time runs in a real n8n:
 * test/e2e/throttled.test.js and `npm run bench`.
 */
jest.mock('../nodes/Coupontools/shared/limiter/clock', () =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('./harness/limiterClock').clockModule(),
);

/** The run's start window (nodes/Coupontools/shared/limiter/pace.ts, START_WINDOW). */
const START_WINDOW = 128;
/** 1,000 items through n8n's engine and the fake clock's steps on a busy 2-core machine. */
const BIG_BATCH_TIMEOUT_MS = 180_000;

/** A node run against the sandbox, the limiter's clock moving while the sandbox is idle. */
async function runOnClock(
	sandbox: Sandbox,
	options: Parameters<typeof run>[1],
): Promise<RunResult> {
	return await onRunClock(sandbox, run(sandbox, options));
}

/** The sandbox of a describe block, its token buckets on the limiter's clock. */
function useThrottlingSandbox() {
	const sandbox = useSandbox({ rateClock: runClock });
	beforeEach(() => runClock.reset());
	return sandbox;
}

describe('a throttling Coupontools: the run waits, nothing is lost or sent twice', () => {
	const sandbox = useThrottlingSandbox();

	test.each([
		['with Retry-After: 1', 0.15, 'seconds'],
		['without Retry-After (backoff)', 0.3, 'none'],
	] as const)(
		'1,000 Send Email items at 50 requests/s, 100 ms answers, %s: every item sent exactly once, in order, no error item, none repeated before its Retry-After, at most %s refusals per item, within 1.10 × items ÷ rate',
		async (_, refusalsPerItem, retryAfter) => {
			sandbox.current.setRateLimit({ rate: 50, burst: 50, retryAfter, latencyMs: 100 });
			const items = addresses(1000, `batch-${retryAfter}`);
			const started = runClock.time;

			const result = await runOnClock(sandbox.current, {
				parameters: sendEmail(),
				items,
				onError: 'continueRegularOutput',
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(items.length);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				items.map((_, i) => ({ item: i })),
			);
			expect(jsonOf(result.items).filter((json) => json.error)).toEqual([]);
			expect(jsonOf(result.items).every((json) => json.sent === true)).toBe(true);
			expect(deliveriesOf(sandbox.current, items).filter((n) => n !== 1)).toEqual([]);

			const traffic = sandbox.current.traffic();
			expect(traffic.earlyRepeats).toBe(0);
			expect(traffic.duplicateSends).toBe(0);
			// The first wave is refused beyond the bucket's 50 once; from then on the run keeps to the rate.
			expect(traffic.refused / items.length).toBeLessThanOrEqual(refusalsPerItem);
			expect(traffic.maxConnections).toBeLessThanOrEqual(START_WINDOW);
			expect((runClock.time - started) / 1000).toBeLessThanOrEqual(1.1 * (items.length / 50));
			// Each item accepted exactly once, every other request a refusal.
			expect(traffic.accepted).toBe(items.length);
			expect(sandbox.current.requests).toHaveLength(items.length + traffic.refused);
		},
		BIG_BATCH_TIMEOUT_MS,
	);

	test('Retry-After as an HTTP date is honoured too: all sent once, none early', async () => {
		sandbox.current.setRateLimit({ rate: 20, burst: 20, retryAfter: 'date', latencyMs: 20 });
		const items = addresses(60, 'dated');

		const result = await runOnClock(sandbox.current, { parameters: sendEmail(), items });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).every((json) => json.sent === true)).toBe(true);
		expect(deliveriesOf(sandbox.current, items).every((n) => n === 1)).toBe(true);
		const traffic = sandbox.current.traffic();
		expect(traffic.refused).toBeGreaterThan(0);
		expect(traffic.earlyRepeats).toBe(0);
	});

	test('without Retry-After the run backs off on its own and still sends everything once', async () => {
		sandbox.current.setRateLimit({ rate: 20, burst: 20, retryAfter: 'none', latencyMs: 20 });
		const items = addresses(60, 'bare');

		const result = await runOnClock(sandbox.current, { parameters: sendEmail(), items });

		expect(result.error).toBeUndefined();
		expect(deliveriesOf(sandbox.current, items).every((n) => n === 1)).toBe(true);
		expect(sandbox.current.traffic().refused).toBeGreaterThan(0);
	});
});

describe('Max Wait When Throttled: when the budget runs out', () => {
	const sandbox = useThrottlingSandbox();

	test('the unsent items, and only they, get the clear error; the others are sent', async () => {
		// 10 requests at once (the next token comes 10 s later), then a Retry-After (2 min) beyond the
		// node's wait (1 min).
		sandbox.current.setRateLimit({ rate: 0.1, burst: 10, retryAfterSeconds: 120 });
		const items = addresses(30, 'budget');

		const result = await runOnClock(sandbox.current, {
			parameters: sendEmail({ maxWaitMinutes: 1 }),
			items,
			onError: 'continueRegularOutput',
		});

		expect(result.items).toHaveLength(30);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		const deliveries = deliveriesOf(sandbox.current, items);
		const outputs = jsonOf(result.items);
		// Exactly the unsent items carry the error; every sent one is a success.
		expect(outputs.map((json) => (json.error ? 'error' : 'sent'))).toEqual(
			deliveries.map((n) => (n === 1 ? 'sent' : 'error')),
		);
		expect(deliveries.filter((n) => n === 1)).toHaveLength(10);
		const errors = outputs.filter((json) => json.error);
		expect(errors).toHaveLength(20);
		// n8n keeps only the message in the item's json (On Error: Continue); the error it carries has the rest.
		const carried = result.items.filter((item) => item.error);
		expect(carried).toHaveLength(20);
		for (const { error } of carried)
			expect(error?.description).toMatch(
				/^Coupontools asked to wait 2 min before sending again\. It did nothing with these items\. .*Max Wait When Throttled.*Check Unique .* sends only to those not sent yet\.$/,
			);
		for (const json of errors) {
			expect(json.error).toBe(
				'Coupontools kept refusing requests (rate limiting or unavailable) for longer than the node waits (1 min): this item was not sent, nor were 19 other items of this run. Run it again later: with Check Unique or Duplicate Check on, a rerun sends only what was not sent.',
			);
		}
	});

	test('without Continue On Fail the node stops with that error', async () => {
		sandbox.current.setRateLimit({ rate: 0.1, burst: 2, retryAfterSeconds: 120 });

		const result = await runOnClock(sandbox.current, {
			parameters: sendEmail({ maxWaitMinutes: 1 }),
			items: addresses(5, 'stop'),
		});

		expect(result.error?.message).toMatch(
			/^Coupontools kept refusing requests .* this item was not sent, nor were 2 other items of this run\. Run it again later/,
		);
		expect(result.error?.description).toMatch(/It did nothing with these items/);
	});
});

describe('Rate Limits for users who know their quota', () => {
	const sandbox = useThrottlingSandbox();

	test('Max Requests per Second at the quota: nothing is refused', async () => {
		sandbox.current.setRateLimit({ rate: 20, burst: 20, latencyMs: 20 });
		const items = addresses(50, 'quota');

		const result = await runOnClock(sandbox.current, {
			parameters: sendEmail({ maxPerSecond: 20 }),
			items,
		});

		expect(result.error).toBeUndefined();
		expect(deliveriesOf(sandbox.current, items).every((n) => n === 1)).toBe(true);
		expect(sandbox.current.traffic().refused).toBe(0);
	});

	test('Max Requests in Flight caps what Coupontools sees at once', async () => {
		sandbox.current.setRateLimit({ latencyMs: 30 });
		const items = addresses(40, 'flight');

		const result = await runOnClock(sandbox.current, {
			parameters: sendEmail({ maxInFlight: 3 }),
			items,
		});

		expect(result.error).toBeUndefined();
		expect(deliveriesOf(sandbox.current, items).every((n) => n === 1)).toBe(true);
		expect(sandbox.current.traffic().maxInFlight).toBe(3);
	});

	test('Request Options → Batching and the limiter together: all sent once, none refused early', async () => {
		sandbox.current.setRateLimit({ rate: 20, burst: 20, latencyMs: 20 });
		const items = addresses(60, 'batching');

		const result = await runOnClock(sandbox.current, {
			parameters: {
				...sendEmail(),
				requestOptions: { batching: { batch: { batchSize: 30, batchInterval: 500 } } },
			},
			items,
		});

		expect(result.error).toBeUndefined();
		expect(deliveriesOf(sandbox.current, items).every((n) => n === 1)).toBe(true);
		expect(sandbox.current.traffic().earlyRepeats).toBe(0);
	});
});

describe('every operation goes through the run limiter', () => {
	const sandbox = useThrottlingSandbox();

	test('Return All pages wait out refusals too', async () => {
		sandbox.current.setRateLimit({ rate: 1, burst: 1 });

		const result = await runOnClock(sandbox.current, {
			parameters: { resource: 'campaign', operation: 'getAll' },
			items: [{}, {}, {}],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(15);
		// The three items send the same request, which the sandbox cannot tell apart: early repeats are
		// counted per request, so they are checked on distinct requests above.
		expect(sandbox.current.traffic().refused).toBeGreaterThan(0);
	});

	test('a picker waits out a refusal as its Retry-After asks', async () => {
		sandbox.current.setFaults({ kind: '429', count: 1 });

		const { results } = await onRunClock(
			sandbox.current,
			searchCampaigns.call(pickerContext(credentialsFor(sandbox.current))),
		);

		expect(results).toHaveLength(5);
		expect(sandbox.current.requests).toHaveLength(2);
		expect(sandbox.current.traffic().earlyRepeats).toBe(0);
	});

	test('a picker stops waiting within its short budget and shows the refusal', async () => {
		// Coupontools asks for 2 minutes; a picker waits at most 15 s (shared/transport.ts, CALL_WAIT_MS).
		sandbox.current.setRateLimit({ rate: 0.01, burst: 1, retryAfterSeconds: 120 });
		await searchCampaigns.call(pickerContext(credentialsFor(sandbox.current)));

		const started = runClock.time;
		await expect(
			onRunClock(
				sandbox.current,
				searchCampaigns.call(pickerContext(credentialsFor(sandbox.current))),
			),
		).rejects.toMatchObject({ httpCode: '429' });
		// Failed at once: the wait asked for is past what a picker waits.
		expect(runClock.time - started).toBe(0);
	});
});
