// @ts-check
/**
 * Webhook delivery: the sandbox plays Coupontools calling a receiver (an n8n Coupontools Trigger, or anything
 * else) at any URL. Each delivery records a genuine event in `state.webhookEvents`, so that
 * POST /v3/webhook/verification (routes/webhook.js) confirms it, then POSTs a payload built from it.
 *
 * The payload shape is not documented (https://www.coupontools.com/en/api-and-webhooks/webhooks): the sandbox sends the fields the verification answer names
 * (`webhook`, `date`, `campaign`, `session`, `type`); `keys: 'id'` sends the variant third-party code reads
 * (`id`, `datetime`). Modes:
 * - genuine: the event as recorded, JSON.
 * - forged: `forge` = 'unknown-id' (an evt_ ID the sandbox never issued), 'type', 'campaign' or 'session'
 *   (a recorded event, but the payload claims another value than the one Coupontools confirms).
 * - duplicate: the same genuine event twice, one after the other (the second after the first answer).
 * - malformed: the genuine event's JSON cut off before its end, still labelled application/json.
 * - form: the genuine event form-encoded (application/x-www-form-urlencoded).
 * `copies: N` sends N copies of the request at once (a sender retrying while the first is still being
 * answered); `eventId` sends an event recorded by an earlier delivery again (a retry later) instead of a
 * new one.
 *
 *   const { deliverWebhook } = require('./test/sandbox/webhook-delivery');
 *   const report = await deliverWebhook(sandbox.state, { url: 'http://127.0.0.1:5678/webhook/<id>/webhook' });
 *   report.status            // HTTP status the receiver answered (null when it could not be reached)
 *
 * `buildDelivery` does everything but the HTTP call, for tests that hand the request to a receiver directly.
 */

const http = require('node:http');
const https = require('node:https');

const { LOWER_ALNUM, UPPER_ALNUM } = require('./random');
const { CAMPAIGN_IDS } = require('./seed-data');

/** @typedef {import('./state').SandboxState} SandboxState */

/**
 * @typedef {object} WebhookEvent
 * @property {string} webhook evt_ followed by 20 letters and digits
 * @property {string} date "yyyy-MM-dd HH:mm:ss" UTC
 * @property {string} campaign cam_…
 * @property {string} session the coupon session code
 * @property {string} type e.g. coupon_validated (the one documented kind)
 */

/** @typedef {'genuine' | 'forged' | 'duplicate' | 'malformed' | 'form'} DeliveryMode */
/** @typedef {'unknown-id' | 'type' | 'campaign' | 'session'} ForgeKind */

/**
 * @typedef {object} DeliverySpec
 * @property {string} url where to POST (any http/https URL)
 * @property {Partial<Pick<WebhookEvent, 'type' | 'campaign' | 'session'>>} [event] defaults: coupon_validated, cam_1001, a session of that campaign
 * @property {DeliveryMode} [mode] default 'genuine'
 * @property {ForgeKind} [forge] for mode 'forged'; default 'unknown-id'
 * @property {'webhook' | 'id'} [keys] which field names carry the ID and the date; default 'webhook'
 * @property {Record<string, unknown>} [extra] more payload fields (kept as they are)
 * @property {string} [method] default POST
 * @property {string} [contentType] overrides the mode's Content-Type
 * @property {Record<string, string>} [headers] extra request headers
 * @property {number} [timeoutMs] default 10000
 * @property {number} [copies] how many copies of the request to send at once; default 1
 * @property {string} [eventId] an evt_ ID recorded earlier: that event is delivered again, not a new one
 */

/**
 * @typedef {object} OutgoingRequest
 * @property {string} method
 * @property {string} url
 * @property {Record<string, string>} headers
 * @property {string} body exactly the bytes sent (UTF-8)
 * @property {Record<string, unknown>} payload what the body encodes (for malformed: what it would have encoded)
 */

/**
 * @typedef {object} DeliveryResult
 * @property {OutgoingRequest} request
 * @property {number | null} status the receiver's HTTP status, null when no answer came
 * @property {unknown} responseBody parsed JSON when possible, else text
 * @property {string} [error] why no answer came
 */

const EVENT_ID_ALPHABET = LOWER_ALNUM + UPPER_ALNUM.slice(0, 26);
const DEFAULT_TYPE = 'coupon_validated';
const OTHER_TYPE = { coupon_validated: 'coupon_claimed' };
const MODES = ['genuine', 'forged', 'duplicate', 'malformed', 'form'];
const FORGE_KINDS = ['unknown-id', 'type', 'campaign', 'session'];
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** @param {SandboxState} state */
function newEventId(state) {
	for (;;) {
		const id = `evt_${state.random.code(20, EVENT_ID_ALPHABET)}`;
		if (!state.webhookEvents.has(id)) return id;
	}
}

/**
 * Records a genuine event, as Coupontools would when something happens to a coupon.
 * @param {SandboxState} state
 * @param {Partial<Pick<WebhookEvent, 'type' | 'campaign' | 'session'>>} [init]
 * @returns {WebhookEvent}
 */
function recordEvent(state, init = {}) {
	const campaign = init.campaign ?? CAMPAIGN_IDS.summer;
	if (!state.campaigns.has(campaign)) throw new Error(`unknown campaign ${campaign}`);
	const session =
		init.session ?? (state.sessionsOf(campaign)[0] ?? state.createSession(campaign)).session;
	/** @type {WebhookEvent} */
	const event = {
		webhook: newEventId(state),
		date: state.now(),
		campaign,
		session,
		type: init.type ?? DEFAULT_TYPE,
	};
	state.webhookEvents.set(event.webhook, { ...event });
	return event;
}

/**
 * @param {SandboxState} state
 * @param {WebhookEvent} event
 * @param {ForgeKind} forge
 * @returns {WebhookEvent} what the forged payload claims
 */
function forgedClaim(state, event, forge) {
	switch (forge) {
		case 'unknown-id':
			return { ...event, webhook: newEventId(state) };
		case 'type':
			return {
				...event,
				type: /** @type {Record<string, string>} */ (OTHER_TYPE)[event.type] ?? DEFAULT_TYPE,
			};
		case 'campaign':
			return {
				...event,
				campaign:
					event.campaign === CAMPAIGN_IDS.coffee ? CAMPAIGN_IDS.summer : CAMPAIGN_IDS.coffee,
			};
		case 'session':
			return { ...event, session: state.random.code(21) };
		default:
			throw new Error(`forge must be one of ${FORGE_KINDS.join(', ')}`);
	}
}

/**
 * @param {WebhookEvent} claim
 * @param {'webhook' | 'id'} keys
 * @param {Record<string, unknown>} extra
 * @returns {Record<string, unknown>}
 */
function payloadOf(claim, keys, extra) {
	const base =
		keys === 'id'
			? {
					id: claim.webhook,
					type: claim.type,
					datetime: claim.date,
					campaign: claim.campaign,
					session: claim.session,
				}
			: {
					webhook: claim.webhook,
					type: claim.type,
					date: claim.date,
					campaign: claim.campaign,
					session: claim.session,
				};
	return { ...base, ...extra };
}

/** @param {Record<string, unknown>} payload */
function formEncode(payload) {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(payload)) {
		form.append(
			key,
			value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? ''),
		);
	}
	return form.toString();
}

/**
 * Records the event (except for an unknown-id forgery, whose point is that Coupontools never issued it)
 * and builds the request(s) to send. No network.
 * @param {SandboxState} state
 * @param {DeliverySpec} spec
 * @returns {{ mode: DeliveryMode, event: WebhookEvent | null, requests: OutgoingRequest[], copies: number }}
 */
function buildDelivery(state, spec) {
	if (!spec || typeof spec.url !== 'string' || !/^https?:\/\//.test(spec.url))
		throw new Error('url must be an http:// or https:// URL');
	const mode = spec.mode ?? 'genuine';
	if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
	const keys = spec.keys ?? 'webhook';
	if (keys !== 'webhook' && keys !== 'id') throw new Error("keys must be 'webhook' or 'id'");
	const forge = spec.forge ?? 'unknown-id';

	const copies = spec.copies ?? 1;
	if (!Number.isInteger(copies) || copies < 1 || copies > 50)
		throw new Error('copies must be a whole number from 1 to 50');
	const earlier = spec.eventId === undefined ? undefined : state.webhookEvents.get(spec.eventId);
	if (spec.eventId !== undefined && mode === 'forged')
		throw new Error('eventId delivers a recorded event again; it cannot be forged');
	if (spec.eventId !== undefined && !earlier)
		throw new Error(`no event ${spec.eventId} was recorded (deliver it once first)`);
	const event = earlier
		? /** @type {WebhookEvent} */ (/** @type {unknown} */ ({ ...earlier }))
		: recordEvent(state, spec.event);
	let claim = event;
	if (mode === 'forged') {
		claim = forgedClaim(state, event, forge);
		if (forge === 'unknown-id') state.webhookEvents.delete(event.webhook);
	}
	const payload = payloadOf(claim, keys, spec.extra ?? {});
	const json = JSON.stringify(payload);
	const body =
		mode === 'form'
			? formEncode(payload)
			: mode === 'malformed'
				? json.slice(0, Math.max(1, json.length - 7))
				: json;
	const contentType =
		spec.contentType ??
		(mode === 'form' ? 'application/x-www-form-urlencoded' : 'application/json');
	/** @type {OutgoingRequest} */
	const request = {
		method: (spec.method ?? 'POST').toUpperCase(),
		url: spec.url,
		headers: {
			'content-type': contentType,
			'user-agent': 'coupontools-sandbox-webhooks',
			...spec.headers,
		},
		body,
		payload,
	};
	const unknown = mode === 'forged' && forge === 'unknown-id';
	return {
		mode,
		event: unknown ? null : event,
		requests: mode === 'duplicate' ? [request, { ...request }] : [request],
		copies,
	};
}

/**
 * @param {OutgoingRequest} request
 * @param {number} timeoutMs
 * @returns {Promise<DeliveryResult>}
 */
function send(request, timeoutMs) {
	return new Promise((resolve) => {
		const target = new URL(request.url);
		const client = target.protocol === 'https:' ? https : http;
		const data = Buffer.from(request.body, 'utf8');
		const req = client.request(
			target,
			{
				method: request.method,
				headers: { ...request.headers, 'content-length': String(data.length) },
				timeout: timeoutMs,
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				let size = 0;
				res.on('data', (/** @type {Buffer} */ chunk) => {
					size += chunk.length;
					if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
				});
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					/** @type {unknown} */
					let responseBody = text;
					try {
						responseBody = text === '' ? '' : JSON.parse(text);
					} catch {
						// not JSON: keep the text
					}
					resolve({ request, status: res.statusCode ?? null, responseBody });
				});
				res.on('error', (error) =>
					resolve({
						request,
						status: res.statusCode ?? null,
						responseBody: null,
						error: error.message,
					}),
				);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (error) =>
			resolve({ request, status: null, responseBody: null, error: error.message }),
		);
		req.end(data);
	});
}

/**
 * Records the event, sends the request(s) one after the other (each `copies` times at once), and reports
 * what was sent and answered. `status` is the last answer's status (for 'duplicate': the second
 * delivery's).
 * @param {SandboxState} state
 * @param {DeliverySpec} spec
 */
async function deliverWebhook(state, spec) {
	const { mode, event, requests, copies } = buildDelivery(state, spec);
	/** @type {DeliveryResult[]} */
	const deliveries = [];
	for (const request of requests) {
		const copiesOf = Array.from({ length: copies }, () => ({ ...request }));
		deliveries.push(
			...(await Promise.all(copiesOf.map((copy) => send(copy, spec.timeoutMs ?? 10_000)))),
		);
	}
	const last = deliveries[deliveries.length - 1];
	return { mode, event, deliveries, status: last.status };
}

module.exports = { deliverWebhook, buildDelivery, recordEvent };
