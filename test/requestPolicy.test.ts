import { byId, run, useSandbox } from './harness/sandbox';

/**
 * "One call per entry" is declared by Coupon Session → Update Many alone (its policy in
 * nodes/Coupontools/resources/couponSession/index.ts). A list that an expression puts into a field of any
 * other operation is refused before sending, naming the field: never one call per entry, and Update never
 * becomes Update Many.
 */
describe('request policy: a list is multiplied only where the operation declares it', () => {
	const sandbox = useSandbox();
	// Sessions of the sandbox's seed (test/sandbox/README.md).
	const FRESH = 'nidglnpgxgnvmlpe0awmu';
	const OTHER = 'kkv53n0eer58xmcj4c0xy';

	test('Send Email with two codes in Existing Session Code: refused before sending, no email', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'distribution',
				operation: 'sendEmail',
				campaignOrDirectory: byId('cam_1001'),
				email: 'list@example.com',
				checkUnique: true,
				additionalFields: { couponsession: `={{ ["${FRESH}", "${OTHER}"] }}` },
			},
		});
		expect(sandbox.current.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/resolved to a list, not a single value/);
		expect(result.error?.description).toBe(
			'Fix the Coupon Session field for item 0; nothing was sent to Coupontools.',
		);
		expect(sandbox.current.state.emailsSent['list@example.com']).toBeUndefined();
	});

	test('Coupon Session → Update with a list of codes: refused, not turned into Update Many', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'couponSession',
				operation: 'update',
				couponsession: `={{ ["${FRESH}", "${OTHER}"] }}`,
				sessionAction: 'claimed',
			},
		});
		expect(sandbox.current.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			'Coupon Session resolved to a list, not a single value. Point the expression at one field, e.g. {{ $json.couponsession }}.',
		);
	});

	test('Update with codes typed as a list is refused, not split into calls', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'couponSession',
				operation: 'update',
				couponsession: `${FRESH}, ${OTHER}`,
				sessionAction: 'claimed',
			},
		});
		expect(sandbox.current.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			`Coupon Session "${FRESH}, ${OTHER}" is not a session code: it may contain only letters and digits (e.g. ac6s7u3g8a25ja7x9qg87).`,
		);
	});

	test('Update Many with the same list: one call per code', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'couponSession',
				operation: 'updateMany',
				sessionCodes: `={{ ["${FRESH}", "${OTHER}"] }}`,
				sessionAction: 'claimed',
			},
		});
		expect(result.error?.message).toBeUndefined();
		expect(
			sandbox.current.requests.map((r) => (r.body as Record<string, unknown>).couponsession),
		).toEqual([FRESH, OTHER]);
		expect(result.items.map((item) => item.json.couponsession)).toEqual([FRESH, OTHER]);
	});
});
