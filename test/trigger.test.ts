/**
 * Coupontools Trigger: every path of webhook() run inside n8n-core's real WebhookContext (see
 * harness/trigger.ts), with verification and session-data calls going to the sandbox over HTTP.
 * Requests are built by the sandbox's own webhook sender (buildDelivery), the same bytes an e2e run sends.
 */
import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { CoupontoolsTrigger } from '../nodes/CoupontoolsTrigger/CoupontoolsTrigger.node';
import { MAX_BODY_BYTES } from '../nodes/CoupontoolsTrigger/payload';
import { eventClaims, SEEN_MAX, SEEN_WINDOW_MS } from '../nodes/CoupontoolsTrigger/seenEvents';
import type { Sandbox } from './harness/sandbox';
import { credentialsFor, SANDBOX_CLIENT_SECRET, useSandbox } from './harness/sandbox';
import { createTrigger, requestAsN8nParses, WEBHOOK_BASE_URL } from './harness/trigger';
import { buildDelivery } from './sandbox/webhook-delivery';

type DeliverySpec = Parameters<typeof buildDelivery>[1];
const RECEIVER = `${WEBHOOK_BASE_URL}/c0ff33-7e57-4b1d-9d1a-00000000e1e1/webhook`;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const sandbox = useSandbox();

function triggerWith(
	parameters: INodeParameters = {},
	credentials = credentialsFor(sandbox.current),
) {
	return createTrigger({ parameters: { events: ['*'], ...parameters }, credentials });
}

/** What the sandbox would POST for this spec, as n8n hands it to the trigger. */
function deliveryFor(spec: Omit<DeliverySpec, 'url'> = {}) {
	const built = buildDelivery(sandbox.current.state, { url: RECEIVER, ...spec });
	const requests = built.requests.map((r) =>
		requestAsN8nParses(r.body, r.headers['content-type'], r.method),
	);
	return { ...built, request: requests[0], requests };
}

function verificationCalls(s: Sandbox) {
	return s.requests.filter((r) => r.path === '/v3/webhook/verification');
}

describe('Coupontools Trigger: genuine events', () => {
	test('a selected, genuine event starts the workflow once, verified, with normalised fields and the raw payload', async () => {
		const trigger = triggerWith({ events: ['coupon_validated'] });
		const { event, request, requests } = deliveryFor({ event: { type: 'coupon_validated' } });
		const outcome = await trigger.deliver(request);

		expect(outcome.answer).toEqual({
			status: 200,
			body: { received: true, eventId: event?.webhook },
			headers: {},
		});
		expect(outcome.started).toHaveLength(1);
		const [item] = outcome.started as IDataObject[];
		// The whole item, in order: snake_case keys like the action outputs, the date only as ISO 8601 UTC,
		// and no second copy of the payload (the sandbox sends exactly webhook, type, date, campaign, session).
		expect(Object.keys(item)).toEqual([
			'event',
			'event_id',
			'date',
			'campaign',
			'session',
			'verified',
		]);
		expect(item).toEqual({
			event: 'coupon_validated',
			event_id: event?.webhook,
			date: `${event?.date.replace(' ', 'T')}Z`,
			campaign: 'cam_1001',
			session: event?.session,
			verified: true,
		});
		expect(item.date).toMatch(ISO_UTC);
		expect(Object.keys(JSON.parse(requests[0].rawBody?.toString() ?? '')).sort()).toEqual([
			'campaign',
			'date',
			'session',
			'type',
			'webhook',
		]);
		expect(JSON.stringify(item)).not.toContain(event?.date ?? 'no date');

		const [call] = verificationCalls(sandbox.current);
		expect(call).toMatchObject({
			method: 'POST',
			body: { webhook: event?.webhook, session: event?.session },
			status: 200,
		});
		expect(call.headers['x-client-id']).toBe('sandbox-client-id');
		expect(call.headers['x-client-secret']).toBe(SANDBOX_CLIENT_SECRET);
		expect(JSON.stringify(outcome)).not.toContain(SANDBOX_CLIENT_SECRET);
	});

	test('All Events also starts for a kind the node does not list', async () => {
		const outcome = await triggerWith({ events: ['*'] }).deliver(
			deliveryFor({ event: { type: 'coupon_opened' } }).request,
		);
		expect(outcome.started?.[0]).toMatchObject({ event: 'coupon_opened', verified: true });
	});

	test('the third-party key variant (id, datetime) is read the same way', async () => {
		const { event, request } = deliveryFor({ keys: 'id' });
		const outcome = await triggerWith().deliver(request);
		const [item] = outcome.started as IDataObject[];
		expect(item).toMatchObject({
			event_id: event?.webhook,
			date: expect.stringMatching(ISO_UTC),
			verified: true,
		});
		// Read under the trigger's own names only: no raw `id` or non-ISO `datetime` beside them.
		expect(item).not.toHaveProperty('id');
		expect(item).not.toHaveProperty('datetime');
	});

	test("the payload's other fields follow the event's, dates as ISO; they never override the trigger's own keys", async () => {
		const { event, request } = deliveryFor({
			extra: {
				verified: true,
				event_id: 'evt_spoofed',
				session_data: { forged: true },
				location: 'Store 12',
				redeemed_at: '2025-06-04 12:31:05',
				expiry_date_utc: '',
			},
		});
		const outcome = await triggerWith({ options: { verify: false } }).deliver(request);
		const [item] = outcome.started as IDataObject[];
		expect(item).toEqual({
			event: 'coupon_validated',
			event_id: event?.webhook,
			date: expect.stringMatching(ISO_UTC),
			campaign: 'cam_1001',
			session: event?.session,
			verified: false,
			location: 'Store 12',
			redeemed_at: '2025-06-04T12:31:05Z',
			expiry_date_utc: null,
		});
	});

	test.each([
		['Unix seconds', '1749040200'],
		['Unix milliseconds', '1749040200000'],
		["the API's format", '2025-06-04 12:30:00'],
	])('a date in %s becomes ISO 8601 UTC', async (_title, date) => {
		const { request } = deliveryFor({ keys: 'id', extra: { datetime: date } });
		const outcome = await triggerWith({ options: { verify: false } }).deliver(request);
		expect(outcome.started?.[0].date).toBe('2025-06-04T12:30:00Z');
	});

	test('a form-encoded event starts the workflow like a JSON one', async () => {
		const { event, request } = deliveryFor({ mode: 'form', extra: { note: 'from a form' } });
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const outcome = await triggerWith().deliver(request);
		expect(outcome.answer.status).toBe(200);
		expect(outcome.started?.[0]).toMatchObject({
			event_id: event?.webhook,
			campaign: 'cam_1001',
			verified: true,
			// The payload's other fields are kept, as received.
			note: 'from a form',
		});
	});

	test('a JSON body n8n left unparsed (raw bytes only) is read from the raw bytes', async () => {
		const { event, request } = deliveryFor();
		const outcome = await triggerWith().deliver({
			...request,
			body: undefined,
			headers: { 'content-type': 'application/octet-stream' },
		});
		expect(outcome.started?.[0]).toMatchObject({ event_id: event?.webhook, verified: true });
	});
});

describe('Coupontools Trigger: events that must not start the workflow', () => {
	test('an event kind that is not selected is answered 200 and ignored, without calling Coupontools', async () => {
		const outcome = await triggerWith({ events: ['coupon_claimed'] }).deliver(
			deliveryFor({ event: { type: 'coupon_validated' } }).request,
		);
		expect(outcome.answer).toMatchObject({
			status: 200,
			body: { received: true, ignored: expect.stringMatching(/not selected/) },
		});
		expect(outcome.started).toBeUndefined();
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each<[string, DeliverySpec['forge'], RegExp]>([
		['an evt_ ID Coupontools never issued (509)', 'unknown-id', /does not know this event/],
		['a genuine ID with another type', 'type', /type does not match/],
		['a genuine ID with another campaign', 'campaign', /campaign does not match/],
		['a genuine ID with another session', 'session', /session does not match/],
	])('forged: %s is answered 401 and starts nothing', async (_title, forge, reason) => {
		const { request } = deliveryFor({ mode: 'forged', forge });
		const outcome = await triggerWith().deliver(request);
		expect(outcome.answer).toEqual({
			status: 401,
			body: { received: false, error: expect.stringMatching(reason) },
			headers: {},
		});
		expect(outcome.started).toBeUndefined();
		expect(verificationCalls(sandbox.current)).toHaveLength(1);
		expect(outcome.logs).toEqual([{ level: 'warn', message: expect.stringMatching(reason) }]);
	});

	test('a duplicate delivery starts the workflow once; the second is answered 200 without calling Coupontools', async () => {
		const trigger = triggerWith();
		const { event, requests } = deliveryFor({ mode: 'duplicate' });
		const first = await trigger.deliver(requests[0]);
		const second = await trigger.deliver(requests[1]);
		expect(first.started).toHaveLength(1);
		expect(second.started).toBeUndefined();
		expect(second.answer).toMatchObject({
			status: 200,
			body: { received: true, duplicate: true, eventId: event?.webhook },
		});
		expect(verificationCalls(sandbox.current)).toHaveLength(1);
		// Kept at the workflow level under a key per trigger node (see delivery.ts: n8n 2.41 saves only top-level changes).
		expect(
			Object.keys(
				trigger.globalStaticData()[`coupontoolsSeenEvents:${trigger.node.id}`] as IDataObject,
			),
		).toEqual([event?.webhook]);
	});

	test('a refused event is not remembered: the same ID is checked again next time', async () => {
		const trigger = triggerWith();
		const { request } = deliveryFor({ mode: 'forged', forge: 'type' });
		await trigger.deliver(request);
		expect((await trigger.deliver(request)).answer.status).toBe(401);
		expect(verificationCalls(sandbox.current)).toHaveLength(2);
	});
});

describe('Coupontools Trigger: unusable requests', () => {
	test('malformed JSON (as the sandbox sends it) is answered 400 when it reaches the trigger unparsed', async () => {
		const { request } = deliveryFor({ mode: 'malformed' });
		// n8n answers a broken application/json body with 422 before any trigger runs; bodies that reach the
		// trigger unparsed (text/plain, other types) are the trigger's to check.
		const asText = requestAsN8nParses(request.rawBody?.toString() ?? '', 'text/plain');
		for (const candidate of [request, asText]) {
			const outcome = await triggerWith().deliver(candidate);
			expect(outcome.answer).toEqual({
				status: 400,
				body: { received: false, error: 'The body is not valid JSON' },
				headers: {},
			});
			expect(outcome.started).toBeUndefined();
		}
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each<[string, () => ReturnType<typeof requestAsN8nParses>, RegExp]>([
		['an empty body', () => requestAsN8nParses('', 'application/json'), /empty/],
		['whitespace only', () => requestAsN8nParses('  \n', 'text/plain'), /empty/],
		[
			'a JSON array',
			() => requestAsN8nParses('[{"webhook":"evt_x"}]', 'application/json'),
			/not an object/,
		],
		[
			'plain text',
			() => requestAsN8nParses('hello coupontools', 'text/plain'),
			/neither JSON nor form/,
		],
		[
			'an event without ID (verification on)',
			() => requestAsN8nParses('{"type":"coupon_validated"}', 'application/json'),
			/no event ID/,
		],
		[
			'an ID that is not evt_…',
			() =>
				requestAsN8nParses('{"webhook":"abc-123","type":"coupon_validated"}', 'application/json'),
			/evt_/,
		],
		[
			`a body over ${MAX_BODY_BYTES} bytes`,
			() =>
				requestAsN8nParses(
					JSON.stringify({
						webhook: 'evt_JsOKTu2rlzjZsxPaleUx',
						padding: 'x'.repeat(MAX_BODY_BYTES),
					}),
					'application/json',
				),
			/too large/,
		],
	])('%s is answered 400 with a short reason', async (_title, makeRequest, reason) => {
		const outcome = await triggerWith().deliver(makeRequest());
		expect(outcome.answer).toMatchObject({
			status: 400,
			body: { received: false, error: expect.stringMatching(reason) },
		});
		expect(outcome.started).toBeUndefined();
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('a large body is refused by its declared length even when n8n parsed it', async () => {
		const { request } = deliveryFor();
		const outcome = await triggerWith().deliver({
			...request,
			rawBody: undefined,
			headers: { ...request.headers, 'content-length': String(MAX_BODY_BYTES + 1) },
		});
		expect(outcome.answer.status).toBe(400);
	});

	test.each(['GET', 'PUT'])('%s is answered 405 with Allow: POST', async (method) => {
		const { request } = deliveryFor();
		const outcome = await triggerWith().deliver({ ...request, method });
		expect(outcome.answer).toEqual({
			status: 405,
			body: { received: false, error: 'Only POST is accepted' },
			headers: { allow: 'POST' },
		});
		expect(outcome.started).toBeUndefined();
	});
});

describe('Coupontools Trigger: Coupontools unavailable', () => {
	test.each<[string, (s: Sandbox) => void]>([
		['HTTP 500', (s) => s.setFaults({ kind: '500', pathPattern: '/v3/webhook/verification' })],
		[
			'an HTML 502 page',
			(s) => s.setFaults({ kind: '502', pathPattern: '/v3/webhook/verification' }),
		],
		['HTTP 429', (s) => s.setFaults({ kind: '429', pathPattern: '/v3/webhook/verification' })],
		[
			'a dropped connection',
			(s) => s.setFaults({ kind: 'reset', pathPattern: '/v3/webhook/verification' }),
		],
		[
			'a cut-off JSON answer',
			(s) => s.setFaults({ kind: 'truncated', pathPattern: '/v3/webhook/verification' }),
		],
	])(
		'%s is answered 503 with Retry-After; the event starts when it is sent again',
		async (_title, breakApi) => {
			const trigger = triggerWith();
			const { request } = deliveryFor();
			breakApi(sandbox.current);
			const outcome = await trigger.deliver(request);
			expect(outcome.answer).toEqual({
				status: 503,
				body: { received: false, error: expect.stringMatching(/could not be verified/) },
				headers: { 'retry-after': '60' },
			});
			expect(outcome.started).toBeUndefined();
			expect(outcome.logs).toEqual([
				{
					level: 'error',
					message: expect.stringMatching(/could not verify event evt_\w+: .*Coupontools/),
				},
			]);

			sandbox.current.clearFaults();
			expect((await trigger.deliver(request)).started).toHaveLength(1);
		},
	);

	test('a Coupontools host that refuses connections is answered 503', async () => {
		const trigger = triggerWith(
			{},
			credentialsFor(sandbox.current, { baseUrl: 'http://127.0.0.1:1' }),
		);
		const outcome = await trigger.deliver(deliveryFor().request);
		expect(outcome.answer.status).toBe(503);
		expect(outcome.started).toBeUndefined();
	});

	test('a wrong credential (1000) is answered 503, not 401: the event may be genuine', async () => {
		const trigger = triggerWith(
			{},
			credentialsFor(sandbox.current, { clientSecret: 'not-the-secret' }),
		);
		const outcome = await trigger.deliver(deliveryFor().request);
		expect(outcome.answer.status).toBe(503);
		// The user learns why from n8n's log; the sender only learns to retry.
		expect(outcome.logs[0].message).toMatch(/Client ID or secret not correct/);
		expect(JSON.stringify(outcome)).not.toContain('not-the-secret');
	});
});

describe('Coupontools Trigger: options', () => {
	test('Include Session Data adds the session, dates as ISO UTC', async () => {
		const claimed = sandbox.current.state.fixtures.claimed;
		const { request } = deliveryFor({ event: { session: claimed } });
		const outcome = await triggerWith({ options: { includeSessionData: true } }).deliver(request);
		const data = outcome.started?.[0].session_data as IDataObject;
		expect(data).toMatchObject({
			campaign: 'cam_1001',
			session: claimed,
			action: 'retrieve_all_session_data',
		});
		expect(data.status).toBeUndefined();
		const status = (data.data as IDataObject).status as IDataObject;
		expect(status.claimed).toBe('1');
		expect(status.claim_date_utc).toMatch(ISO_UTC);
		expect(status.validation_date_utc).toBeNull();
		const call = sandbox.current.requests.find((r) => r.path === '/v3/couponsession/data');
		expect(call?.body).toEqual({ couponsession: claimed });
	});

	test('Include Session Data off by default: one call only', async () => {
		const outcome = await triggerWith().deliver(deliveryFor().request);
		expect(outcome.started?.[0]).not.toHaveProperty('session_data');
		expect(sandbox.current.requests.map((r) => r.path)).toEqual(['/v3/webhook/verification']);
	});

	test('a session Coupontools no longer knows is reported on the item; the event still starts', async () => {
		const { event, request } = deliveryFor();
		const session = sandbox.current.state.findSession(event?.session ?? '');
		if (session) sandbox.current.state.removeSession(session);
		const outcome = await triggerWith({ options: { includeSessionData: true } }).deliver(request);
		expect(outcome.started?.[0]).toMatchObject({
			session_data: null,
			session_data_error: expect.stringMatching(/not found/i),
		});
	});

	test('session data unavailable is answered 503, and the event is not remembered', async () => {
		const trigger = triggerWith({ options: { includeSessionData: true } });
		const { request } = deliveryFor();
		sandbox.current.setFaults({ kind: '500', pathPattern: '/v3/couponsession/data' });
		expect((await trigger.deliver(request)).answer.status).toBe(503);
		sandbox.current.clearFaults();
		expect((await trigger.deliver(request)).started).toHaveLength(1);
	});

	test('Verify With Coupontools off: even an unknown ID starts, marked unverified, without any call', async () => {
		const { request } = deliveryFor({ mode: 'forged', forge: 'unknown-id' });
		const outcome = await triggerWith({ options: { verify: false } }).deliver(request);
		expect(outcome.started?.[0]).toMatchObject({ verified: false, event: 'coupon_validated' });
		expect(sandbox.current.requests).toHaveLength(0);
	});
});

describe('Coupontools Trigger: description and lifecycle', () => {
	const description = new CoupontoolsTrigger().description;

	test('is a webhook trigger answering on receipt with its own body, credential required, not a tool', () => {
		expect(description).toMatchObject({
			name: 'coupontoolsTrigger',
			displayName: 'Coupontools Trigger',
			group: ['trigger'],
			inputs: [],
		});
		expect(description.outputs).toEqual(['main']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([{ name: 'coupontoolsApi', required: true }]);
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				responseData: '',
			},
		]);
		expect(description.icon).toEqual({
			light: 'file:../../icons/coupontools.svg',
			dark: 'file:../../icons/coupontools.dark.svg',
		});
	});

	test('tells the user how to connect it in three short lines, with n8n 2.x names and a link to the rest', () => {
		const notices = description.properties.filter((p) => ['notice', 'callout'].includes(p.type));
		expect(notices.map((p) => [p.name, p.type])).toEqual([
			['setupNotice', 'notice'],
			['pollingHint', 'callout'],
		]);
		const setup = notices[0].displayName;
		const text = setup.replace(/<[^>]+>/g, '');
		// About 3 lines of n8n's notice box in a 1440-px wide editor (the e2e editor check measures it).
		expect(text.length).toBeLessThanOrEqual(200);
		expect(text).toMatch(/Production URL \(under Webhook URLs\).*Coupontools dashboard/);
		expect(text).toMatch(/publish the workflow/);
		expect(text).toMatch(/Execute step.*Test URL/);
		expect(text).not.toMatch(/above|Listen for Test Event|Activate|docs/i);
		expect(setup).toContain(
			'<a href="https://github.com/coupontools-community/n8n-nodes-coupontools#trigger-setup" target="_blank">',
		);
		expect(notices[1].displayName).toMatch(/^[^.]*\? The Coupontools Polling Trigger [^.]*\.$/);
	});

	test('offers the documented kind plus the likely ones, without notes about the docs', () => {
		const events = description.properties.find((p) => p.name === 'events');
		const options = events?.options as INodePropertyOptions[];
		expect(options.map((o) => o.value)).toEqual([
			'*',
			'coupon_claimed',
			'coupon_created',
			'coupon_removed',
			'coupon_updated',
			'coupon_validated',
		]);
		for (const o of options) expect(o.description).not.toMatch(/docs|third-party|documented/i);
	});

	test('the lifecycle remembers the URL to paste into Coupontools, and forgets it on delete', async () => {
		const trigger = triggerWith();
		expect((await trigger.lifecycle('checkExists')).value).toBe(false);
		const created = await trigger.lifecycle('create');
		expect(created.value).toBe(true);
		expect(created.logs).toEqual([
			{
				level: 'info',
				message: expect.stringContaining(
					`${RECEIVER}: paste this URL into the Coupontools dashboard`,
				),
			},
		]);
		expect(trigger.staticData().webhookUrl).toBe(RECEIVER);
		expect((await trigger.lifecycle('checkExists')).value).toBe(true);
		expect((await trigger.lifecycle('delete')).value).toBe(true);
		expect((await trigger.lifecycle('checkExists')).value).toBe(false);
	});
});

describe('duplicate window (static data)', () => {
	test('an ID counts as seen for 24 hours', () => {
		const data: IDataObject = {};
		eventClaims(data, 'seen', 'node-window-a').claim('evt_a', 1_000);
		eventClaims(data, 'seen', 'node-window-a').started('evt_a', 1_000);
		// Another process (its own memory) reading the saved static data.
		const elsewhere = () => eventClaims(data, 'seen', `node-window-${Math.random()}`);
		expect(elsewhere().claim('evt_a', 1_000 + SEEN_WINDOW_MS - 1)).toBe(false);
		expect(elsewhere().claim('evt_a', 1_000 + SEEN_WINDOW_MS)).toBe(true);
		expect(elsewhere().claim('evt_b', 1_000)).toBe(true);
	});

	test(`keeps at most ${SEEN_MAX} IDs, dropping the oldest and the expired`, () => {
		const data: IDataObject = {};
		const claims = eventClaims(data, 'seenEvents', 'node-window-b');
		for (let i = 0; i < SEEN_MAX + 5; i++) claims.started(`evt_${i}`, 10_000 + i);
		const kept = Object.keys(data.seenEvents as IDataObject);
		expect(kept).toHaveLength(SEEN_MAX);
		expect(kept).not.toContain('evt_0');
		expect(kept).toContain(`evt_${SEEN_MAX + 4}`);
		claims.started('evt_late', 10_000 + SEEN_WINDOW_MS + SEEN_MAX + 3);
		expect(Object.keys(data.seenEvents as IDataObject)).toEqual([
			`evt_${SEEN_MAX + 4}`,
			'evt_late',
		]);
	});
});
