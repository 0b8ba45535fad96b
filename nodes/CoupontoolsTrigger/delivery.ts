import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { normalizeRecord } from '../Coupontools/shared/normalize';
import { ALL_EVENTS, isSelectedEvent } from './events';
import { eventItem } from './output';
import type { EventClaim, IncomingRequest } from './payload';
import { claimOf, isEventId, readPayload } from './payload';
import { acknowledge, refuse } from './replies';
import { eventClaims } from './seenEvents';
import type { ConfirmedEvent } from './verification';
import { callCoupontools, verifyEvent } from './verification';

/**
 * One webhook call from Coupontools: read → filter by kind → claim the event ID → verify → enrich → start.
 * Every way a call can fail is answered with a status and a short reason; nothing here throws at n8n.
 */
export async function handleDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as unknown as IncomingRequest;
	if ((request.method ?? 'POST').toUpperCase() !== 'POST')
		return refuse.call(this, 405, 'Only POST is accepted');

	const read = readPayload(request);
	if (!read.ok) return refuse.call(this, 400, read.reason);
	const claim = claimOf(read.payload);

	const events = this.getNodeParameter('events', [ALL_EVENTS]) as string[];
	if (!isSelectedEvent(events, claim.type))
		return acknowledge({ ignored: 'event type not selected in this trigger' });

	const verify = this.getNodeParameter('options.verify', true) as boolean;
	if (claim.eventId !== undefined && !isEventId(claim.eventId)) {
		return refuse.call(
			this,
			400,
			'The event ID must look like evt_ followed by letters and digits',
		);
	}
	if (verify && claim.eventId === undefined) {
		return refuse.call(
			this,
			400,
			'The payload has no event ID (field webhook or id), so it cannot be verified',
		);
	}

	// The workflow-level static data, under a key per trigger node: n8n 2.41 saves static data only
	// when a top-level key changes, and misses updates made inside the per-node object.
	const claims = eventClaims(
		this.getWorkflowStaticData('global'),
		`coupontoolsSeenEvents:${this.getNode().id}`,
		`${this.getWorkflow().id ?? ''}:${this.getNode().id}`,
	);
	const eventId = claim.eventId;
	// Claimed before anything is awaited: a copy arriving while this one is verified is a duplicate.
	if (eventId !== undefined && !claims.claim(eventId, Date.now()))
		return acknowledge({ duplicate: true, eventId });

	let answer: IWebhookResponseData | undefined;
	try {
		answer = await checkAndStart.call(this, claim, read.payload, verify);
		return answer;
	} finally {
		// Only a started event stays taken: a refused or unverifiable one may start when it is sent again.
		if (eventId !== undefined) {
			if (answer?.workflowData) claims.started(eventId, Date.now());
			else claims.release(eventId);
		}
	}
}

/** Verify (when on), enrich (when asked), start: or refuse with the reason, starting nothing. */
async function checkAndStart(
	this: IWebhookFunctions,
	claim: EventClaim,
	payload: IDataObject,
	verify: boolean,
): Promise<IWebhookResponseData> {
	let confirmed: ConfirmedEvent = {};
	if (verify) {
		const outcome = await verifyEvent.call(this, { ...claim, eventId: claim.eventId as string });
		if (outcome.kind === 'refused') {
			this.logger.warn(
				`Coupontools Trigger refused event ${claim.eventId}: ${outcome.reason} (${outcome.detail})`,
			);
			return refuse.call(this, 401, outcome.reason);
		}
		if (outcome.kind === 'unavailable') {
			this.logger.error(
				`Coupontools Trigger could not verify event ${claim.eventId}: ${outcome.detail}`,
			);
			return refuse.call(
				this,
				503,
				'The event could not be verified with Coupontools right now; send it again later',
			);
		}
		confirmed = outcome.value;
	}

	const item = eventItem(claim, confirmed, verify, payload);
	if (this.getNodeParameter('options.includeSessionData', false) as boolean) {
		const enriched = await sessionDataOf.call(this, item.session as string | null);
		if (enriched === undefined) {
			return refuse.call(
				this,
				503,
				'The session data could not be read from Coupontools right now; send the event again later',
			);
		}
		Object.assign(item, enriched);
	}
	return {
		workflowData: [this.helpers.returnJsonArray([item])],
		...acknowledge({ eventId: claim.eventId ?? null }),
	};
}

/**
 * Include Session Data: the documented "All data from one coupon session" call. A session Coupontools does not
 * know is reported on the item; no usable answer at all returns undefined (the caller asks for a retry).
 */
async function sessionDataOf(
	this: IWebhookFunctions,
	session: string | null,
): Promise<IDataObject | undefined> {
	if (!session)
		return { session_data: null, session_data_error: 'The event names no coupon session' };
	const outcome = await callCoupontools.call(this, '/v3/couponsession/data', {
		couponsession: session,
	});
	if (outcome.kind === 'unavailable') {
		this.logger.error(`Coupontools Trigger could not read session ${session}: ${outcome.detail}`);
		return undefined;
	}
	if (outcome.kind === 'refused') return { session_data: null, session_data_error: outcome.detail };
	const data = { ...outcome.value };
	delete data.status;
	return { session_data: normalizeRecord(data) };
}
