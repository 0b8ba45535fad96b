import type { IDataObject } from 'n8n-workflow';

import { attemptsByRequest, planOf, withFaultSeed } from './harness/faults';
import type { FaultKind } from './harness/faults';
import { byId, jsonOf, run, useSandbox } from './harness/sandbox';

/**
 * Batch runs under a fault rate: nothing lost, nothing doubled. Every fault kind the sandbox can inject
 * hits the send endpoint at a 20% rate; the node runs with Retry On Fail and Continue On Fail, as a
 * careful user would configure a nightly batch.
 *
 * The dice are rolled per attempt of each request from the sandbox's fault seed (`dice: 'request'`,
 * test/sandbox/faults.js), so the faults every item meets do not depend on the order n8n's concurrent
 * requests arrive in: each item's attempts and outcome are planned from the seed (harness/faults.ts) and
 * expected exactly. The seed is the sandbox's (SANDBOX_FAULT_SEED to try another); a failure names it.
 */
const BATCH = 1000;
const MIXED_FAULTS: readonly FaultKind[] = [
	'429',
	'500',
	'502',
	'truncated',
	'reset',
	'reset-after-processing',
];
const RATE = 0.2;
/** 1,000 concurrent requests plus retry waits: seconds on a quiet machine, more on a busy 2-core one. */
const BATCH_TIMEOUT_MS = 300_000;
const FILE = 'test/reliability.test.ts';

describe('1,000-item batches under 20% mixed faults', () => {
	const sandbox = useSandbox();

	test(
		'Send Email: exactly 1,000 paired items, no address receives the coupon twice',
		async () => {
			sandbox.current.setFaults({
				kinds: [...MIXED_FAULTS],
				rate: RATE,
				dice: 'request',
				pathPattern: '/v3/send/email',
			});
			const items: IDataObject[] = Array.from({ length: BATCH }, (_, i) => ({
				email: `member${i}@example.com`,
			}));

			const result = await run(sandbox.current, {
				parameters: {
					resource: 'distribution',
					operation: 'sendEmail',
					campaignOrDirectory: byId('cam_1004'),
					email: '={{ $json.email }}',
					checkUnique: true,
				},
				items,
				onError: 'continueRegularOutput',
				retryOnFail: { maxTries: 3, waitBetweenTries: 100 },
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(BATCH);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				items.map((_, i) => ({ item: i })),
			);

			const seed = sandbox.current.faultSeed;
			const sent = attemptsByRequest(sandbox.current, '/v3/send/email');
			const delivered = sandbox.current.state.emailsSent as Record<string, unknown[]>;
			withFaultSeed(seed, FILE, () => {
				const byAddress = new Map([...sent].map(([key, request]) => [request.body.email, key]));
				const outputs = jsonOf(result.items);
				const planned = items.map(({ email }) => {
					const key = byAddress.get(email);
					return key ? planOf({ seed, rate: RATE, kinds: MIXED_FAULTS }, key) : undefined;
				});
				// Every item was sent, and met exactly the faults its seed plans, attempt by attempt: refusals
				// waited out, other faults repeated (Check Unique makes the send repeatable), 3 attempts at most.
				expect(items.map(({ email }) => sent.get(byAddress.get(email) ?? '')?.attempts)).toEqual(
					planned.map((plan) => plan?.attempts),
				);
				// Its output says how it ended: sent, skipped (an earlier attempt had sent it: the check's
				// hit), or the error of its last fault; and the address got the coupon once if any attempt acted.
				expect(outputs.map(outcomeOfSend)).toEqual(
					planned.map((plan) => plan?.error ?? (plan?.processedBefore ? 'skipped' : 'sent')),
				);
				expect(items.map(({ email }) => delivered[String(email)]?.length ?? 0)).toEqual(
					planned.map((plan) => (plan?.processed ? 1 : 0)),
				);
				expect(sandbox.current.traffic().duplicateSends).toBe(0);
			});
		},
		BATCH_TIMEOUT_MS,
	);

	test(
		'Single Use Create with Duplicate Check: one URL per custom ID, 1,000 paired items',
		async () => {
			sandbox.current.setFaults({
				kinds: [...MIXED_FAULTS],
				rate: RATE,
				dice: 'request',
				pathPattern: '/v3/singleuse/create',
			});
			const items: IDataObject[] = Array.from({ length: BATCH }, (_, i) => ({ id: `crm-${i}` }));

			const result = await run(sandbox.current, {
				parameters: {
					resource: 'singleUse',
					operation: 'create',
					campaign: byId('cam_1004'),
					singleUseFields: { customid: '={{ $json.id }}', duplicateCheck: true },
				},
				items,
				onError: 'continueRegularOutput',
				retryOnFail: { maxTries: 3, waitBetweenTries: 100 },
			});

			expect(result.items).toHaveLength(BATCH);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				items.map((_, i) => ({ item: i })),
			);

			const perCustomId = new Map<string, string[]>();
			for (const { session, status } of sandbox.current.state.sessionsOf('cam_1004')) {
				perCustomId.set(status.customid, [...(perCustomId.get(status.customid) ?? []), session]);
			}
			const seed = sandbox.current.faultSeed;
			const created = attemptsByRequest(sandbox.current, '/v3/singleuse/create');
			withFaultSeed(seed, FILE, () => {
				const byCustomId = new Map(
					[...created].map(([key, request]) => [request.body.customid, key]),
				);
				const planned = items.map(({ id }) => {
					const key = byCustomId.get(id);
					return key ? planOf({ seed, rate: RATE, kinds: MIXED_FAULTS }, key) : undefined;
				});
				expect(items.map(({ id }) => created.get(byCustomId.get(id) ?? '')?.attempts)).toEqual(
					planned.map((plan) => plan?.attempts),
				);
				// One URL per custom ID whose request Coupontools acted on (Duplicate Check), none for the others.
				expect(items.map(({ id }) => perCustomId.get(String(id))?.length ?? 0)).toEqual(
					planned.map((plan) => (plan?.processed ? 1 : 0)),
				);
				// The URL handed out for item i is the one Coupontools holds for its custom ID; a failed item
				// says which fault ended it.
				expect(jsonOf(result.items).map((json) => json.error ?? [json.single_use_code])).toEqual(
					planned.map((plan, i) => plan?.error ?? perCustomId.get(`crm-${i}`)),
				);
			});
		},
		BATCH_TIMEOUT_MS,
	);
});

/** Send Email's output as one word: how the item ended, or its error. */
function outcomeOfSend(json: IDataObject): string {
	if (typeof json.error === 'string') return json.error;
	if (json.sent === true && json.action === 'email_sent') return 'sent';
	if (json.sent === false && json.skipped === true && json.action === 'email_already_sent')
		return 'skipped';
	return JSON.stringify(json);
}
