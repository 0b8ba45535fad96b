import { answerError, parseCoupontoolsFailure } from '../../nodes/Coupontools/shared/errors';
import { node } from '../harness/limiterApi';
import type { LimiterClock } from '../../nodes/Coupontools/shared/limiter';
import { Limiter, MAX_ATTEMPTS } from '../../nodes/Coupontools/shared/limiter';
import { entriesOf, sendWithRetries } from '../../nodes/Coupontools/shared/requestLoop';

const answerWith = (httpCode: number) =>
	answerError(node, parseCoupontoolsFailure(httpCode, { status: { status: 'failed' } })!);

/** Backoff waits pass at once: this file tests which faults are repeated, limiter.test.ts the timing. */
let fakeNow = 0;
const instantClock: LimiterClock = {
	now: () => fakeNow,
	timer: (ms, fire) => {
		fakeNow += ms;
		void Promise.resolve().then(fire);
		return () => undefined;
	},
	random: () => 0.5,
};

/** A run's limiter on the instant clock, with the default settings. */
const limiter = () => new Limiter({}, instantClock);

/** A send that fails with the given errors in turn, then answers 'done'; counts its calls. */
function failingThen(...errors: Error[]) {
	const send = jest.fn(async () => {
		const error = errors[send.mock.calls.length - 1];
		if (error) throw error;
		return 'done';
	});
	return send;
}

describe('sendWithRetries: the retry seam', () => {
	test('a fault where Coupontools did nothing (429) is repeated, even for a call that is not repeatable', async () => {
		const send = failingThen(answerWith(429));
		await expect(sendWithRetries(send, { repeatable: false, limiter: limiter() })).resolves.toBe(
			'done',
		);
		expect(send).toHaveBeenCalledTimes(2);
	});

	test('a fault that may have acted (500) is repeated only when the call is repeatable', async () => {
		const once = failingThen(answerWith(500));
		await expect(sendWithRetries(once, { repeatable: false, limiter: limiter() })).rejects.toThrow(
			/HTTP 500/,
		);
		expect(once).toHaveBeenCalledTimes(1);

		const again = failingThen(answerWith(500));
		await expect(sendWithRetries(again, { repeatable: true, limiter: limiter() })).resolves.toBe(
			'done',
		);
		expect(again).toHaveBeenCalledTimes(2);
	});

	test(`a fault that may have acted: at most ${MAX_ATTEMPTS} attempts; the last failure is thrown as it came`, async () => {
		const last = answerWith(500);
		const send = failingThen(answerWith(500), answerWith(500), last, answerWith(500));
		await expect(sendWithRetries(send, { repeatable: true, limiter: limiter() })).rejects.toBe(
			last,
		);
		expect(send).toHaveBeenCalledTimes(MAX_ATTEMPTS);
	});

	test('refusals (503) are waited out beyond 3 attempts, within the limiter budget', async () => {
		const send = failingThen(answerWith(503), answerWith(503), answerWith(503));
		const budgeted = new Limiter({ budgetMs: 60_000 }, instantClock);
		await expect(sendWithRetries(send, { repeatable: false, limiter: budgeted })).resolves.toBe(
			'done',
		);
		expect(send).toHaveBeenCalledTimes(4);
	});

	test('a final failure (a refused value, our own errors) is not repeated', async () => {
		const send = failingThen(answerWith(422));
		await expect(sendWithRetries(send, { repeatable: true, limiter: limiter() })).rejects.toThrow();
		const ours = failingThen(new Error('ours'));
		await expect(sendWithRetries(ours, { repeatable: true, limiter: limiter() })).rejects.toThrow(
			'ours',
		);
		expect(send).toHaveBeenCalledTimes(1);
		expect(ours).toHaveBeenCalledTimes(1);
	});
});

describe('entriesOf: the entries of a per-entry parameter (Update Many)', () => {
	test.each([
		['a, b;c\nd  e', ['a', 'b', 'c', 'd', 'e']],
		[
			['a ', ' b', ''],
			['a', 'b'],
		],
		['', []],
		[undefined, []],
		[
			[1, 2],
			['1', '2'],
		],
	])('%j → %j', (value, entries) => {
		expect(entriesOf(value)).toEqual(entries);
	});
});
