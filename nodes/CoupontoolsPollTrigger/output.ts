import type { IDataObject } from 'n8n-workflow';

import { normalizeRecord } from '../Coupontools/shared/normalize';
import type { WatchedEvent } from './cursor';
import type { Unit } from './sources';
import { isoOf } from './time';

/**
 * One output item per event, in the webhook trigger's snake_case words where the data is the same:
 * `event` (its kind), `date` (ISO 8601 UTC), `campaign` and `session` for coupon events, `directory` for
 * registrations; then the record as Coupontools listed it, with every API date as ISO 8601 (as the
 * action node outputs it).
 */
export function eventItem(unit: Unit, event: WatchedEvent): IDataObject {
	const record = normalizeRecord(event.record);
	const head: IDataObject = { event: unit.event, date: isoOf(event.time) };
	if (unit.event === 'directory_user_registered') head.directory = unit.scope;
	else Object.assign(head, { campaign: unit.scope, session: event.id });
	return { ...head, ...record, ...head };
}
