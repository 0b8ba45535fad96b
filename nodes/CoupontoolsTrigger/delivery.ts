import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { normalizeRecord } from '../Coupontools/shared/normalize';
import { ALL_EVENTS, isSelectedEvent } from './events';
import { eventItem } from './output';
import type { IncomingRequest } from './payload';
import { claimOf, isEventId, readPayload } from './payload';
import { acknowledge, refuse } from './replies';
import { seenEvents } from './seenEvents';
import type { ConfirmedEvent } from './verification';
import { callCoupontools, verifyEvent } from './verification';

/**
 * One webhook call from Coupontools: read → filter by kind → deduplicate → verify → enrich → start.
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
	const seen = seenEvents(
		this.getWorkflowStaticData('global'),
		`coupontoolsSeenEvents:${this.getNode().id}`,
		`${this.getWorkflow().id ?? ''}:${this.getNode().id}`,
	);
	const now = Date.now();
	if (claim.eventId !== undefined && seen.has(claim.eventId, now)) {
		return acknowledge({ duplicate: true, eventId: claim.eventId });
	}

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

	const item = eventItem(claim, confirmed, verify, read.payload);
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

	// Remembered only once the workflow is about to start: a refused or retried-later event must start when it comes back.
	if (claim.eventId !== undefined) seen.remember(claim.eventId, now);
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
