import type { IDataObject } from 'n8n-workflow';

import { byId, jsonOf, run, useSandbox } from './harness/sandbox';

/**
 * Batch runs under a fault rate: nothing lost, nothing doubled. Every fault kind the sandbox can inject
 * hits the send endpoint at a 20% rate; the node runs with Retry On Fail and Continue On Fail, as a
 * careful user would configure a nightly batch.
 */
const BATCH = 1000;
const MIXED_FAULTS = ['429', '500', '502', 'truncated', 'reset', 'reset-after-processing'] as const;
/** 1,000 concurrent requests plus retry waits: seconds on a quiet machine, more on a busy 2-core one. */
const BATCH_TIMEOUT_MS = 300_000;

describe('1,000-item batches under 20% mixed faults', () => {
	const sandbox = useSandbox();

	test(
		'Send Email: exactly 1,000 paired items, no address receives the coupon twice',
		async () => {
			sandbox.current.setFaults({
				kinds: [...MIXED_FAULTS],
				rate: 0.2,
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

			const delivered = sandbox.current.state.emailsSent as Record<string, unknown[]>;
			const outputs = jsonOf(result.items);
			outputs.forEach((json, i) => {
				const address = `member${i}@example.com`;
				const deliveries = delivered[address]?.length ?? 0;
				// Never twice, whatever happened to the answers.
				expect({ address, deliveries: Math.min(deliveries, 2) }).toEqual({
					address,
					deliveries: deliveries > 0 ? 1 : 0,
				});
				if (json.sent === true)
					expect({ address, delivered: deliveries }).toEqual({ address, delivered: 1 });
				if (json.skipped === true)
					expect({ address, delivered: deliveries }).toEqual({ address, delivered: 1 });
				if (json.error) expect(json.error).toEqual(expect.any(String));
				expect(
					[json.sent === true, json.skipped === true, typeof json.error === 'string'].filter(
						Boolean,
					),
				).toHaveLength(1);
			});

			const faults = sandbox.current.requests.filter((request) => request.fault).length;
			expect(faults).toBeGreaterThan(BATCH * 0.1);
			// Retries absorb almost every transient fault; the rest are reported, not lost.
			expect(outputs.filter((json) => json.error).length).toBeLessThan(BATCH * 0.05);
		},
		BATCH_TIMEOUT_MS,
	);

	test(
		'Single Use Create with Duplicate Check: one URL per custom ID, 1,000 paired items',
		async () => {
			sandbox.current.setFaults({
				kinds: [...MIXED_FAULTS],
				rate: 0.2,
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
			for (const [customId, codes] of perCustomId)
				expect({ customId, urls: codes.length }).toEqual({ customId, urls: 1 });

			jsonOf(result.items).forEach((json, i) => {
				if (json.error) return;
				// The URL handed out for item i is the one Coupontools holds for its custom ID.
				expect(perCustomId.get(`crm-${i}`)).toEqual([json.single_use_code]);
			});
			expect(jsonOf(result.items).filter((json) => json.error).length).toBeLessThan(BATCH * 0.05);
		},
		BATCH_TIMEOUT_MS,
	);
});
