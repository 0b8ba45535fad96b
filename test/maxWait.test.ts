import { sleep } from 'n8n-workflow';

import { runClock } from './harness/limiterClock';
import type { RunResult } from './harness/engine';
import { asTheServerRunsIt } from './harness/engine';
import { addresses, deliveriesOf, sendEmail } from './harness/sendBatch';
import { jsonOf, run, useSandbox } from './harness/sandbox';

/**
 * Waits that end when promised: Max Wait When Throttled bounds every wait of a run, the later tries of
 * Retry On Fail and the later batches of Request Options → Batching included, and a cancelled execution
 * stops waiting at once and sends nothing more. The node runs through n8n-core's real engine against the
 * sandbox's token bucket over HTTP (test/sandbox/rate-limit.js); every run's limiter runs on the test's
 * clock (test/harness/limiterClock.ts), so a wait of two hours is a timer two hours ahead that the test
 * can see, never a wait the test sits through.
 */
jest.mock('../nodes/Coupontools/shared/limiter/clock', () =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('./harness/limiterClock').clockModule(),
);

const MAX_WAIT_MS = 60_000;

/**
 * Lets real answers come in (the sandbox is over real sockets) until `ready` holds; false when it does not
 * within about two seconds of the event loop. The limiter's clock does not move meanwhile.
 */
async function eventually(ready: () => boolean): Promise<boolean> {
	for (let turn = 0; turn < 200; turn++) {
		if (ready()) return true;
		await sleep(10);
	}
	return ready();
}

/** The run's outcome once it has ended, or the waits it is stuck in (in ms from now, on the limiter's clock). */
async function outcome(running: Promise<RunResult>) {
	let result: RunResult | undefined;
	void running.then((value) => (result = value));
	await eventually(
		() => result !== undefined || runClock.pendingIn().some((ms) => ms > MAX_WAIT_MS),
	);
	return { result, waitsBeyondMaxWait: runClock.pendingIn().filter((ms) => ms > MAX_WAIT_MS) };
}

describe('Max Wait bounds every wait of a run', () => {
	const sandbox = useSandbox();
	beforeEach(() => runClock.reset());

	test('Retry On Fail: a later try does not wait out a Retry-After beyond Max Wait, and sends nothing', async () => {
		// Two requests at once, then 429 with Retry-After: 7200 (2 hours) for a long time.
		sandbox.current.setRateLimit({ rate: 0.001, burst: 2, retryAfterSeconds: 7200 });
		const items = addresses(3, 'retry');

		const { result, waitsBeyondMaxWait } = await outcome(
			run(sandbox.current, {
				parameters: sendEmail({ maxWaitMinutes: 1 }),
				items,
				retryOnFail: { maxTries: 2, waitBetweenTries: 1000 },
			}),
		);

		expect(waitsBeyondMaxWait).toEqual([]);
		expect(result?.error?.message).toBe(
			'Coupontools kept refusing requests (rate limiting or unavailable) for longer than the node waits (1 min): this item was not sent, nor were 2 other items of this run. Run it again later: with Check Unique or Duplicate Check on, a rerun sends only what was not sent.',
		);
		expect(result?.error?.description).toMatch(
			/^Coupontools asked to wait 2 h before sending again\. It did nothing with these items\./,
		);
		// The first try sent all three (two accepted, one refused); the second sent nothing.
		expect(sandbox.current.requests).toHaveLength(3);
		expect(deliveriesOf(sandbox.current, items)).toEqual([1, 1, 0]);
	});

	test('Batching: a later batch fails at once instead of waiting out the Retry-After of an earlier one', async () => {
		sandbox.current.setRateLimit({ rate: 0.001, burst: 2, retryAfterSeconds: 7200 });
		const items = addresses(6, 'batches');
		// A second between batches: the refusals of batch 2 are in before batch 3 starts.

		const { result, waitsBeyondMaxWait } = await outcome(
			run(sandbox.current, {
				parameters: {
					...sendEmail({ maxWaitMinutes: 1 }),
					requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 1000 } } },
				},
				items,
				onError: 'continueRegularOutput',
			}),
		);

		expect(waitsBeyondMaxWait).toEqual([]);
		expect(result?.items.map((item) => item.pairedItem)).toEqual(
			items.map((_, i) => ({ item: i })),
		);
		expect(jsonOf(result?.items ?? []).map((json) => (json.error ? 'error' : 'sent'))).toEqual([
			'sent',
			'sent',
			'error',
			'error',
			'error',
			'error',
		]);
		// Batch 2 was refused (Retry-After beyond Max Wait); batch 3 sent nothing.
		expect(sandbox.current.requests).toHaveLength(4);
		expect(result?.items[5].error?.description).toMatch(
			/^Coupontools asked to wait 2 h before sending again\./,
		);
	});
});

describe('a cancelled execution stops its waits at once', () => {
	const sandbox = useSandbox();
	beforeEach(() => runClock.reset());

	test('nothing more is sent, the run ends, the limiter keeps no timer', async () => {
		// Two accepted, three refused with Retry-After: 120 (within the default Max Wait): the run waits.
		sandbox.current.setRateLimit({ rate: 0.001, burst: 2, retryAfterSeconds: 120 });
		let cancel = () => {};
		let result: RunResult | undefined;
		void run(sandbox.current, {
			parameters: sendEmail(),
			items: addresses(5, 'cancel'),
			nodeType: asTheServerRunsIt(),
			started: (cancelExecution) => (cancel = cancelExecution),
		}).then((value) => (result = value));
		expect(
			await eventually(
				() => sandbox.current.requests.length === 5 && runClock.pendingIn().includes(120_000),
			),
		).toBe(true);

		cancel();

		expect(await eventually(() => result !== undefined)).toBe(true);
		// The first item not sent stops the node (On Error: Stop), with what happened to it.
		expect(result?.error?.message).toBe(
			'The execution was cancelled before this request was sent to Coupontools.',
		);
		expect(runClock.pending).toBe(0);
		// Past every Retry-After: still nothing more reaches Coupontools.
		await runClock.advance(10 * 60_000);
		await sleep(200);
		expect(sandbox.current.requests).toHaveLength(5);
	});
});
