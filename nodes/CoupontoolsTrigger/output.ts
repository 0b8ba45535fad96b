import type { IDataObject } from 'n8n-workflow';

import { normalizeRecord, toIsoUtc } from '../Coupontools/shared/normalize';
import type { EventClaim } from './payload';
import { CLAIM_KEYS } from './payload';
import type { ConfirmedEvent } from './verification';

/**
 * The keys the trigger writes itself. They use Coupontools' snake_case like every action output
 * (README "Dates and output format"), and a payload field of the same name never overrides them:
 * `verified` in particular must come from the trigger, not from whoever called the URL.
 */
export const EVENT_KEYS = [
	'event',
	'event_id',
	'date',
	'campaign',
	'session',
	'verified',
	'session_data',
	'session_data_error',
] as const;

const CONSUMED = new Set<string>([...EVENT_KEYS, ...Object.values(CLAIM_KEYS).flat()]);
const EPOCH = /^\d{10}(\d{3})?$/;

/** ISO 8601 UTC: the API's "yyyy-MM-dd HH:mm:ss" (UTC without saying so), or Unix seconds/milliseconds. */
export function isoDateOf(raw: string | undefined): string | null {
	if (!raw) return null;
	if (EPOCH.test(raw)) {
		const ms = raw.length === 13 ? Number(raw) : Number(raw) * 1000;
		return new Date(ms).toISOString().replace('.000Z', 'Z');
	}
	return toIsoUtc(raw);
}

/**
 * One output item per event: the event's fields under one name each (what Coupontools confirmed wins
 * over what the payload claims; the date only as ISO 8601), then the payload's other fields as received
 * (dates normalised like the action outputs). The names a value was read from (`webhook`, `id`, `type`,
 * `datetime`, `couponsession`) are not repeated.
 */
export function eventItem(
	claim: EventClaim,
	confirmed: ConfirmedEvent,
	verified: boolean,
	payload: IDataObject,
): IDataObject {
	const rest = Object.fromEntries(Object.entries(payload).filter(([key]) => !CONSUMED.has(key)));
	return {
		event: confirmed.type ?? claim.type ?? null,
		event_id: claim.eventId ?? null,
		date: isoDateOf(confirmed.date ?? claim.date),
		campaign: confirmed.campaign ?? claim.campaign ?? null,
		session: confirmed.session ?? claim.session ?? null,
		verified,
		...normalizeRecord(rest),
	};
}
