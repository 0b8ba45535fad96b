import type { IDataObject, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import type { WatchedEvent } from './cursor';
import type { EventName } from './events';
import { EVENT_KINDS } from './events';
import { apiRequest, recordsOf } from './request';
import { toApiTime } from './time';

/** One watched source: an event kind in one campaign (cam_…) or one directory (numeric v4 id). */
export interface Unit {
	event: EventName;
	scope: string;
}

export function unitKey(unit: Unit): string {
	return `${unit.event} ${unit.scope}`;
}

type Context = IPollFunctions | ILoadOptionsFunctions;

export interface ReadResult {
	events: WatchedEvent[];
	requests: number;
}

/**
 * Every session of `campaign` whose `kind` date is in [startMinute, endMinute] (UTC, both inclusive),
 * all pages: the API splits results into pages of 5,000 and numbers them from 1
 * (https://docs.coupontools.com, campaign usage data). Without a window, only the first and the last
 * page (manual runs want the newest, not the history).
 */
export async function readCampaignEvents(
	context: Context,
	unit: Unit,
	window?: { startMinute: string; endMinute: string },
): Promise<ReadResult> {
	const kind = EVENT_KINDS[unit.event];
	if (kind.source !== 'campaign') throw new Error(`${unit.event} is not a campaign event`);
	const body: IDataObject = { campaign: unit.scope };
	if (window) Object.assign(body, { start_date: window.startMinute, end_date: window.endMinute });
	const records: IDataObject[] = [];
	let requests = 0;
	let firstLength = 0;
	for (let page = 1; ; page++) {
		const answer = await apiRequest(context, 'POST', kind.path, { ...body, page });
		requests++;
		const data = recordsOf(answer, 'data');
		records.push(...data);
		if (page === 1) firstLength = data.length;
		const total = Number(answer.amount_of_results);
		const complete =
			data.length === 0 ||
			data.length < firstLength ||
			(Number.isFinite(total) && records.length >= total);
		if (complete) break;
		if (!window) {
			// Manual run: jump to the last page, where the newest sessions are.
			if (Number.isFinite(total) && total > firstLength) {
				const last = Math.ceil(total / firstLength);
				const answerLast = await apiRequest(context, 'POST', kind.path, { ...body, page: last });
				requests++;
				records.push(...recordsOf(answerLast, 'data'));
			}
			break;
		}
	}
	const events: WatchedEvent[] = [];
	for (const record of records) {
		const status = (record.status ?? {}) as IDataObject;
		const time = toApiTime(status[kind.dateKey]);
		const id = record.session;
		if (time && typeof id === 'string' && id) events.push({ id, time, record });
	}
	return { events, requests };
}

/**
 * The users of a v4 directory: GET /v4/directory/{id}/users, an array with `id` and `created_at`
 * (https://docs.coupontools.com, v4 Directory). The list takes no date filter, so the window is applied here.
 */
export async function readRegistrations(context: Context, unit: Unit): Promise<ReadResult> {
	const answer = await apiRequest(
		context,
		'GET',
		`/v4/directory/${encodeURIComponent(unit.scope)}/users`,
	);
	const events: WatchedEvent[] = [];
	for (const record of recordsOf(answer, 'users')) {
		const time = toApiTime(record.created_at);
		const id = record.id;
		if (time && (typeof id === 'string' || typeof id === 'number') && String(id))
			events.push({ id: String(id), time, record });
	}
	return { events, requests: 1 };
}

export async function readUnit(
	context: Context,
	unit: Unit,
	window?: { startMinute: string; endMinute: string },
): Promise<ReadResult> {
	if (EVENT_KINDS[unit.event].source === 'directory') {
		const result = await readRegistrations(context, unit);
		if (!window) return result;
		const from = `${window.startMinute}:00`;
		const to = `${window.endMinute}:59`;
		return {
			...result,
			events: result.events.filter((event) => event.time >= from && event.time <= to),
		};
	}
	return await readCampaignEvents(context, unit, window);
}
