/**
 * Coupontools Trigger under concurrent and repeated deliveries, run inside n8n-core's real WebhookContext
 * (harness/trigger.ts: every call gets its own copy of the saved static data, as n8n's LiveWebhooks does),
 * with verification going to the sandbox over HTTP. A sender retries exactly when verification is slow,
 * so copies of one event arrive while the first is still being checked.
 */
import type { IDataObject } from 'n8n-workflow';

import { SEEN_MAX } from '../nodes/CoupontoolsTrigger/seenEvents';
import type { Sandbox } from './harness/sandbox';
import { credentialsFor, useSandbox } from './harness/sandbox';
import { createTrigger, requestAsN8nParses, WEBHOOK_BASE_URL } from './harness/trigger';
import { buildDelivery } from './sandbox/webhook-delivery';

type DeliverySpec = Parameters<typeof buildDelivery>[1];
const RECEIVER = `${WEBHOOK_BASE_URL}/c0ff33-7e57-4b1d-9d1a-00000000e1e1/webhook`;

const sandbox = useSandbox();

function triggerWith(options: Partial<Parameters<typeof createTrigger>[0]> = {}) {
	return createTrigger({
		credentials: credentialsFor(sandbox.current),
		...options,
		parameters: { events: ['*'], ...options.parameters },
	});
}

/** One genuine event as the sandbox would POST it, as n8n hands it to the trigger. */
function eventDelivery(spec: Omit<DeliverySpec, 'url'> = {}) {
	const built = buildDelivery(sandbox.current.state, { url: RECEIVER, ...spec });
	const [raw] = built.requests;
	return {
		event: built.event as NonNullable<typeof built.event>,
		request: () => requestAsN8nParses(raw.body, raw.headers['content-type'], raw.method),
	};
}

function verificationCalls(s: Sandbox) {
	return s.requests.filter((r) => r.path === '/v3/webhook/verification');
}

function startsOf(outcomes: Array<{ started?: IDataObject[] }>) {
	return outcomes.filter((outcome) => outcome.started !== undefined).length;
}

describe('one start per event under concurrent deliveries', () => {
	test('5 identical deliveries arriving while verification takes 1.5 s start the workflow once; the other 4 are acknowledged as duplicates', async () => {
		const trigger = triggerWith();
		const { event, request } = eventDelivery();
		sandbox.current.setFaults({
			kind: 'slow',
			delayMs: 1500,
			pathPattern: '^/v3/webhook/verification$',
		});

		const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => trigger.deliver(request())));

		expect(startsOf(outcomes)).toBe(1);
		expect(outcomes.map((outcome) => outcome.answer.status)).toEqual([200, 200, 200, 200, 200]);
		const duplicates = outcomes.filter((outcome) => outcome.started === undefined);
		expect(duplicates.map((outcome) => outcome.answer.body)).toEqual(
			Array(4).fill({ received: true, duplicate: true, eventId: event.webhook }),
		);
		// Only the delivery that claimed the event asked Coupontools.
		expect(verificationCalls(sandbox.current)).toHaveLength(1);

		// A copy that comes later is a duplicate too.
		sandbox.current.clearFaults();
		const later = await trigger.deliver(request());
		expect(later.started).toBeUndefined();
		expect(later.answer.body).toEqual({ received: true, duplicate: true, eventId: event.webhook });
	});

	test('an unverifiable delivery releases its claim: the retry starts once, even when it comes twice at once', async () => {
		const trigger = triggerWith();
		const { request } = eventDelivery();
		sandbox.current.setFaults({ kind: '500', pathPattern: '^/v3/webhook/verification$' });
		const refused = await Promise.all([1, 2, 3].map(() => trigger.deliver(request())));
		expect(startsOf(refused)).toBe(0);
		// The one being verified is answered 503 (send again); copies meanwhile are acknowledged duplicates.
		expect(refused.map((outcome) => outcome.answer.status).sort()).toEqual([200, 200, 503]);

		sandbox.current.clearFaults();
		const retried = await Promise.all([1, 2].map(() => trigger.deliver(request())));
		expect(startsOf(retried)).toBe(1);
		expect(startsOf([await trigger.deliver(request())])).toBe(0);
	});

	test('a delivery Coupontools refuses (401) releases its claim: once Coupontools knows the event, it starts once', async () => {
		const trigger = triggerWith();
		const { event, request } = eventDelivery();
		// Delivered before Coupontools can confirm it (its verification answers 509 "Webhook not found").
		const known = sandbox.current.state.webhookEvents.get(event.webhook) as IDataObject;
		sandbox.current.state.webhookEvents.delete(event.webhook);
		const refused = await trigger.deliver(request());
		expect(refused.answer).toMatchObject({
			status: 401,
			body: { received: false, error: 'Coupontools does not know this event' },
		});

		sandbox.current.state.webhookEvents.set(event.webhook, known);
		const retried = await Promise.all([1, 2].map(() => trigger.deliver(request())));
		expect(startsOf(retried)).toBe(1);
		expect(verificationCalls(sandbox.current)).toHaveLength(2);
	});

	test('session data that cannot be read releases the claim too: the retry starts once', async () => {
		const trigger = triggerWith({ parameters: { options: { includeSessionData: true } } });
		const { request } = eventDelivery();
		sandbox.current.setFaults({ kind: '500', pathPattern: '^/v3/couponsession/data$' });
		expect((await trigger.deliver(request())).answer.status).toBe(503);
		sandbox.current.clearFaults();
		const retried = await Promise.all([1, 2].map(() => trigger.deliver(request())));
		expect(startsOf(retried)).toBe(1);
	});
});

describe('the memory of started events is kept per trigger node', () => {
	// As on n8n 2.41, where static data changed in a webhook call is not saved: this memory is then the
	// only record of which events started.
	const unsaved = { saveStaticData: false };

	test('a busy workflow does not push out the event IDs of another one', async () => {
		const quiet = triggerWith({ ...unsaved, workflowId: 'wf-quiet' });
		const { request } = eventDelivery();
		expect((await quiet.deliver(request())).started).toHaveLength(1);

		// Another workflow's trigger starts 10,001 events (without verification: no calls, only the memory).
		const busy = triggerWith({
			...unsaved,
			workflowId: 'wf-busy',
			parameters: { options: { verify: false } },
		});
		const busyStarts: number[] = [];
		for (let i = 0; i <= SEEN_MAX * 10; i++) {
			const body = JSON.stringify({ webhook: `evt_busy${i}`, type: 'coupon_validated' });
			busyStarts.push(
				(await busy.deliver(requestAsN8nParses(body, 'application/json'))).started?.length ?? 0,
			);
		}
		expect(busyStarts.every((count) => count === 1)).toBe(true);

		const again = await quiet.deliver(request());
		expect(again.started).toBeUndefined();
		expect(again.answer.body).toMatchObject({ duplicate: true });
	}, 60_000);

	test(`each node remembers its newest ${SEEN_MAX} started events`, async () => {
		const trigger = triggerWith({ ...unsaved, parameters: { options: { verify: false } } });
		const deliverId = async (id: string) => {
			const body = JSON.stringify({ webhook: id, type: 'coupon_validated' });
			return (await trigger.deliver(requestAsN8nParses(body, 'application/json'))).started;
		};
		for (let i = 0; i <= SEEN_MAX; i++) expect(await deliverId(`evt_n${i}`)).toHaveLength(1);
		// evt_n0 is the oldest of SEEN_MAX + 1: forgotten; evt_n1 is still remembered.
		expect(await deliverId('evt_n1')).toBeUndefined();
		expect(await deliverId('evt_n0')).toHaveLength(1);
	});

	test('the same workflow and node after a restart of the trigger object share the memory (one process)', async () => {
		const first = triggerWith({ ...unsaved, workflowId: 'wf-shared' });
		const second = triggerWith({ ...unsaved, workflowId: 'wf-shared' });
		const { request } = eventDelivery();
		const outcomes = await Promise.all([first.deliver(request()), second.deliver(request())]);
		expect(startsOf(outcomes)).toBe(1);
	});
});
