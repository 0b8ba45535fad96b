import type { INodeParameters } from 'n8n-workflow';

import { byId, jsonOf, run, useSandbox } from './harness/sandbox';

/** Which transient faults are repeated, and which are not because the request may already have acted. */
describe('retries after transient faults', () => {
	const sandbox = useSandbox();
	const send = (checkUnique: boolean): INodeParameters => ({
		resource: 'distribution',
		operation: 'sendEmail',
		campaignOrDirectory: byId('cam_1001'),
		email: 'retry@example.com',
		checkUnique,
	});
	const attempts = () => sandbox.current.requests.length;

	test.each(['429', 'reset'] as const)(
		'a read after %s succeeds on the next attempt',
		async (kind) => {
			sandbox.current.setFaults({ kind, count: 1 });
			const result = await run(sandbox.current, {
				parameters: { resource: 'campaign', operation: 'getAll' },
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(5);
			expect(attempts()).toBe(2);
		},
	);

	test('429 (nothing was done) is retried even for an unprotected send', async () => {
		sandbox.current.setFaults({ kind: '429', count: 1 });
		const result = await run(sandbox.current, { parameters: send(false) });
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ sent: true })]);
		expect(attempts()).toBe(2);
	});

	test('a lost answer on an unprotected send is NOT retried: it may have gone out', async () => {
		sandbox.current.setFaults({ kind: 'reset-after-processing', count: 1 });
		const result = await run(sandbox.current, { parameters: send(false) });
		expect(result.error?.message).toBe(
			'The connection to Coupontools was closed before it answered',
		);
		expect(result.error?.description).toMatch(/may have processed the request/);
		expect(attempts()).toBe(1);
		expect(sandbox.current.state.emailsSent['retry@example.com']).toHaveLength(1);
	});

	test('a lost answer on a send with Check Unique is retried and cannot deliver twice', async () => {
		sandbox.current.setFaults({ kind: 'reset-after-processing', count: 1 });
		const result = await run(sandbox.current, { parameters: send(true) });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([
			expect.objectContaining({ sent: false, skipped: true, action: 'email_already_sent' }),
		]);
		expect(attempts()).toBe(2);
		expect(sandbox.current.state.emailsSent['retry@example.com']).toHaveLength(1);
	});

	test('a refused value (API 502 campaign not found) is not retried', async () => {
		const result = await run(sandbox.current, {
			parameters: { resource: 'campaign', operation: 'get', campaign: byId('cam_9999') },
		});
		expect(result.error?.message).toBe('Campaign or directory not found (Coupontools code 502)');
		expect(attempts()).toBe(1);
	});

	test('refusals without end: repeated after each Retry-After until Max Wait When Throttled, then the clear error', async () => {
		// The sandbox's 429 fault asks for Retry-After: 1; the node may wait 2.7 s (0.045 min, shown as 3 s).
		sandbox.current.setFaults({ kind: '429' });
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'campaign',
				operation: 'getAll',
				rateLimits: { maxWaitMinutes: 0.045 },
			},
		});
		expect(result.error?.message).toMatch(
			/^Coupontools kept refusing requests \(rate limiting or unavailable\) for longer than the node waits \(3 s\): this item was not sent\. Run it again later: with Check Unique or Duplicate Check on, a rerun sends only what was not sent\.$/,
		);
		// Sent at 0, 1 and 2 s: a fourth try could only come at 3 s, past the 2.7 s. (A budget between two
		// Retry-Afters makes the count exact: the second try is late only if it is 0.7 s late.)
		expect(attempts()).toBe(3);
		expect(sandbox.current.traffic().earlyRepeats).toBe(0);
	});
});
