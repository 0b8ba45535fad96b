import type { Sandbox } from '../harness/sandbox';
import { describeOperations, run, useSandbox } from '../harness/sandbox';

// The docs' own example ID; the event is put into the sandbox as if Coupontools had sent it.
const EVENT_ID = 'evt_JsOKTu2rlzjZsxPaleUx';
const SESSION = 'kkv53n0eer58xmcj4c0xy';
const EVENT = {
	webhook: EVENT_ID,
	date: '2026-11-25 09:30:00',
	campaign: 'cam_1001',
	session: SESSION,
	type: 'coupon_validated',
};

function recordEvent(sandbox: Sandbox): void {
	sandbox.state.webhookEvents.set(EVENT_ID, { ...EVENT });
}

describeOperations('Webhook Event', [
	{
		title: 'Verify: a genuine event comes back with its type, campaign, session and date',
		before: recordEvent,
		parameters: {
			resource: 'webhookEvent',
			operation: 'verify',
			webhook: EVENT_ID,
			session: SESSION,
		},
		request: {
			method: 'POST',
			path: '/v3/webhook/verification',
			body: { webhook: EVENT_ID, session: SESSION },
		},
		output(items) {
			expect(items).toEqual([{ result: 'valid', ...EVENT }]);
		},
	},
]);

describe('Webhook Event errors', () => {
	const sandbox = useSandbox();
	const verify = (webhook: string, session = SESSION) => ({
		resource: 'webhookEvent',
		operation: 'verify',
		webhook,
		session,
	});

	test('509: an event Coupontools never sent is "Webhook event not found", with the API words', async () => {
		const result = await run(sandbox.current, { parameters: verify('evt_NotSentByCoupontools00') });
		expect(result.error?.message).toBe('Webhook event not found (Coupontools code 509)');
		expect(result.error?.description).toMatch(/Coupontools says: Webhook not found/);
		expect(result.items).toHaveLength(0);
	});

	test.each([
		[
			'an ID without the evt_ prefix',
			verify('JsOKTu2rlzjZsxPaleUx'),
			/^Event ID "JsOKTu2rlzjZsxPaleUx" is not a valid ID/,
		],
		[
			'a session expression that resolves to nothing',
			verify(EVENT_ID, '={{ $json.missing ?? "" }}'),
			/^Session Code is empty/,
		],
		[
			'a session with spaces',
			verify(EVENT_ID, 'kkv53n 0eer58'),
			/^Session Code .* only letters and digits/,
		],
	])('%s is refused before anything is sent', async (_title, parameters, message) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});
});
