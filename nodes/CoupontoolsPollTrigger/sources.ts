import type { IDataObject, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import type { WatchedEvent } from './cursor';
import type { EventName } from './events';
import { EVENT_KINDS } from './events';
import type { CallOptions } from './request';
import { apiRequest, recordsOf, v4ListRecords } from './request';
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

/**
 * The calls of a source that failed on an earlier poll: one attempt with a short timeout, so a source
 * that keeps failing costs the others at most this long per poll.
 */
export const FAILING_SOURCE_CALL: CallOptions = { timeout: 10_000, repeatable: false };

export interface Window {
	/** "yyyy-MM-dd HH:mm", UTC, inclusive */
	startMinute: string;
	/** "yyyy-MM-dd HH:mm", UTC, inclusive */
	endMinute: string;
}

export interface ReadResult {
	events: WatchedEvent[];
	requests: number;
	/** The end of the window actually read (earlier than asked when it was narrowed to fit the budget). */
	endMinute?: string;
}

/** The minute halfway between two minutes (rounded down, so never past `end`). */
function midMinute(start: string, end: string): string {
	const ms = (minute: string) => Date.parse(`${minute.replace(' ', 'T')}:00Z`);
	const mid = Math.floor((ms(start) + ms(end)) / 2 / 60_000) * 60_000;
	return new Date(mid).toISOString().slice(0, 16).replace('T', ' ');
}

function sessionEvents(records: IDataObject[], dateKey: string): WatchedEvent[] {
	const events: WatchedEvent[] = [];
	for (const record of records) {
		const status = (record.status ?? {}) as IDataObject;
		const time = toApiTime(status[dateKey]);
		const id = record.session;
		if (time && typeof id === 'string' && id) events.push({ id, time, record });
	}
	return events;
}

/**
 * Every session of the unit's campaign whose event date is in the window (UTC, whole minutes, both ends
 * inclusive), all pages: the API splits results into pages of 5,000, numbered from 1
 * (https://docs.coupontools.com, campaign usage data). When the window holds more pages than
 * `extraPages` allows, its end moves back (halving the window) until it fits or is one minute long: the
 * rest is read by the next poll, from the cursor.
 */
export async function readCampaignEvents(
	context: Context,
	unit: Unit,
	window: Window,
	extraPages = Number.POSITIVE_INFINITY,
	call?: CallOptions,
): Promise<ReadResult> {
	const kind = EVENT_KINDS[unit.event];
	if (kind.source !== 'campaign') throw new Error(`${unit.event} is not a campaign event`);
	const ask = async (endMinute: string, page: number) =>
		await apiRequest(
			context,
			'POST',
			kind.path,
			{ campaign: unit.scope, start_date: window.startMinute, end_date: endMinute, page },
			call,
		);
	let requests = 0;
	let endMinute = window.endMinute;
	let first: IDataObject;
	for (;;) {
		first = await ask(endMinute, 1);
		requests++;
		const length = recordsOf(first, 'data').length;
		const total = Number(first.amount_of_results);
		const pages = length && Number.isFinite(total) ? Math.ceil(total / length) : 1;
		if (pages - 1 <= extraPages || endMinute <= window.startMinute) break;
		endMinute = midMinute(window.startMinute, endMinute);
	}
	const records = recordsOf(first, 'data');
	const firstLength = records.length;
	const total = Number(first.amount_of_results);
	for (let page = 2; ; page++) {
		if (!firstLength || (Number.isFinite(total) && records.length >= total)) break;
		const data = recordsOf(await ask(endMinute, page), 'data');
		requests++;
		records.push(...data);
		if (data.length < firstLength) break;
	}
	return { events: sessionEvents(records, kind.dateKey), requests, endMinute };
}

/**
 * A manual run wants the newest sessions, not the history: without a date filter, the first page and,
 * when there are more, the last one (sessions are listed in the order they were created).
 */
export async function readNewestCampaignEvents(context: Context, unit: Unit): Promise<ReadResult> {
	const kind = EVENT_KINDS[unit.event];
	if (kind.source !== 'campaign') throw new Error(`${unit.event} is not a campaign event`);
	const ask = async (page: number) =>
		await apiRequest(context, 'POST', kind.path, { campaign: unit.scope, page });
	const first = await ask(1);
	const records = recordsOf(first, 'data');
	const total = Number(first.amount_of_results);
	let requests = 1;
	if (records.length && Number.isFinite(total) && total > records.length) {
		records.push(...recordsOf(await ask(Math.ceil(total / records.length)), 'data'));
		requests++;
	}
	return { events: sessionEvents(records, kind.dateKey), requests };
}

/**
 * The users of a v4 directory: GET /v4/directory/{id}/users, an array with `id` and `created_at`
 * (https://docs.coupontools.com, v4 Directory), every page when the answer is paged (shared/v4Pages.ts).
 * The list takes no date filter, so the window is applied here.
 */
export async function readRegistrations(
	context: Context,
	unit: Unit,
	call?: CallOptions,
): Promise<ReadResult> {
	const { records, calls } = await v4ListRecords(
		context,
		`/v4/directory/${encodeURIComponent(unit.scope)}/users`,
		'users',
		call,
	);
	const events: WatchedEvent[] = [];
	for (const record of records) {
		const time = toApiTime(record.created_at);
		const id = record.id;
		if (time && (typeof id === 'string' || typeof id === 'number') && String(id))
			events.push({ id: String(id), time, record });
	}
	return { events, requests: calls };
}

/** One source's events in the window (scheduled polls), or its newest events (manual runs: no window). */
export async function readUnit(
	context: Context,
	unit: Unit,
	window?: Window,
	extraPages?: number,
	call?: CallOptions,
): Promise<ReadResult> {
	if (EVENT_KINDS[unit.event].source === 'directory') {
		const result = await readRegistrations(context, unit, call);
		if (!window) return result;
		const from = `${window.startMinute}:00`;
		const to = `${window.endMinute}:59`;
		return {
			...result,
			endMinute: window.endMinute,
			events: result.events.filter((event) => event.time >= from && event.time <= to),
		};
	}
	if (!window) return await readNewestCampaignEvents(context, unit);
	return await readCampaignEvents(context, unit, window, extraPages, call);
}
