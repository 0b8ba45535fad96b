import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Cursor, WatchedEvent } from './cursor';
import { advance, isCursor, newEvents } from './cursor';
import { eventItem } from './output';
import { resolveUnits, wasInScope } from './scope';
import type { Settings } from './settings';
import { configOf, readSettings } from './settings';
import type { SourceFailure } from './failures';
import { allFailed, failureError, isFailing, reportFailures, sourceOf } from './failures';
import type { ReadResult, Unit } from './sources';
import { FAILING_SOURCE_CALL, readUnit, unitKey } from './sources';
import { apiTimeOf, lastClosedMinute, minuteAfter, minuteOf } from './time';

/*
 * Static data (https://docs.n8n.io/code/cookbook/builtin/get-workflow-static-data/) is kept per node,
 * under the node's name: renaming the node starts over. n8n saves it after the activation poll and after
 * a poll that returns events; not after a poll that returns null or throws (n8n's
 * WorkflowStaticDataService). So a cursor only moves together with the events it stands for, and a change
 * lost with an unsaved poll is harmless: the next poll reads the same window again. Every value is a
 * top-level key, replaced whole: n8n does not notice changes inside nested objects.
 */
const SINCE = 'since';
const CONFIG = 'config';
const START_FROM = 'startFrom';
const RESUME_AT = 'resumeAt';
const CURSOR_PREFIX = 'cursor ';

interface Pending {
	unit: Unit;
	next: Cursor;
	events: WatchedEvent[];
}

/**
 * Applies an edit of what is watched. First activation: from now (or Start From), nothing emitted.
 * A changed Start From starts over from it. Other edits keep the cursors of sources still watched,
 * sources new to the scope start now, sources dropped from it are forgotten.
 */
function applyConfig(data: IDataObject, settings: Settings, units: Unit[], now: string): void {
	const config = configOf(settings);
	if (data[CONFIG] !== undefined && JSON.stringify(data[CONFIG]) === JSON.stringify(config)) return;
	const previous = data[CONFIG] as Partial<Settings> | undefined;
	const startOver = data[SINCE] === undefined || (data[START_FROM] ?? '') !== settings.startFrom;
	const keep = new Set(units.map((unit) => CURSOR_PREFIX + unitKey(unit)));
	for (const key of Object.keys(data))
		if (key.startsWith(CURSOR_PREFIX) && (startOver || !keep.has(key))) delete data[key];
	if (!startOver) {
		// Sources watched before that never had an event keep their start; only new ones start now.
		for (const unit of units) {
			const key = CURSOR_PREFIX + unitKey(unit);
			if (data[key] === undefined && wasInScope(unit, previous))
				data[key] = { from: String(data[SINCE]), ids: [] };
		}
	}
	data[SINCE] = startOver ? settings.startFrom || now : now;
	data[START_FROM] = settings.startFrom;
	data[CONFIG] = config;
	delete data[RESUME_AT];
}

/**
 * Static data of the polls running now. n8n does not wait for a poll to end before the next cron tick
 * starts another one (n8n-core's ActiveWorkflows), and two polls reading the same cursors would emit the
 * same events twice: a poll that finds one still running leaves the work to it and to the next tick.
 */
const running = new WeakSet<object>();

/** A scheduled or activation poll: the new events of every watched source, oldest first, or null. */
export async function pollEvents(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const data = context.getWorkflowStaticData('node');
	if (running.has(data)) return null;
	running.add(data);
	try {
		return await pollOnce(context, data);
	} finally {
		running.delete(data);
	}
}

async function pollOnce(
	context: IPollFunctions,
	data: IDataObject,
): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(context);
	const now = new Date();
	const endMinute = lastClosedMinute(now);
	const { units, requests: scopeRequests } = await resolveUnits(context, settings);
	applyConfig(data, settings, units, apiTimeOf(now));

	// Bounded work: at most maxRequests per poll (a source's window shrinks to fit what is left; one minute
	// is always read whole), starting where the previous poll stopped, so every campaign gets its turn.
	let requests = scopeRequests;
	const resumeKey = data[RESUME_AT];
	const start = Math.max(
		0,
		units.findIndex((unit) => unitKey(unit) === resumeKey),
	);
	const pending: Pending[] = [];
	const failures = new Map<string, SourceFailure>();
	const readOk = new Set<string>();
	let resumeAt: string | undefined;
	for (let step = 0; step < units.length; step++) {
		const unit = units[(start + step) % units.length];
		if (step > 0 && requests >= settings.maxRequests) {
			resumeAt = unitKey(unit);
			break;
		}
		const stored = data[CURSOR_PREFIX + unitKey(unit)];
		const cursor: Cursor = isCursor(stored) ? stored : { from: String(data[SINCE]), ids: [] };
		const startMinute = minuteOf(cursor.from);
		if (endMinute < startMinute) continue;
		// The first call of a source is always allowed; its further pages count against what is left.
		const extraPages = Math.max(0, settings.maxRequests - requests - 1);
		const source = sourceOf(unit);
		let read: ReadResult;
		try {
			// A source that failed before is asked once, without repeats: it must not hold up the others.
			const call = isFailing(data, source) ? FAILING_SOURCE_CALL : undefined;
			read = await readUnit(context, unit, { startMinute, endMinute }, extraPages, call);
		} catch (error) {
			// This source's cursor stays: its events are read again, from there, once it recovers.
			requests++;
			if (!failures.has(source)) failures.set(source, { source, error });
			continue;
		}
		readOk.add(source);
		requests += read.requests;
		const readUntil = read.endMinute ?? endMinute;
		const fresh = newEvents(
			cursor,
			read.events.filter((event) => minuteOf(event.time) <= readUntil),
		);
		if (fresh.length) pending.push({ unit, next: advance(cursor, fresh), events: fresh });
		else if (readUntil < endMinute)
			// A narrowed window without new events: the next poll starts after it, or it would read it again.
			pending.push({ unit, next: { from: minuteAfter(readUntil), ids: [] }, events: [] });
	}

	// Nothing could be read: the poll fails as a whole (n8n fails the activation, or records an error
	// execution for a later poll), typically a wrong credential or Coupontools unavailable.
	const nowMs = now.getTime();
	if (failures.size && !readOk.size) throw allFailed(context, data, [...failures.values()], nowMs);

	// Only the cursors of sources read without error move, together with the events they stand for.
	for (const { unit, next } of pending) data[CURSOR_PREFIX + unitKey(unit)] = next;
	if (resumeAt) data[RESUME_AT] = resumeAt;
	else if (data[RESUME_AT] !== undefined) delete data[RESUME_AT];
	reportFailures(context, data, {
		failures: [...failures.values()],
		healthy: new Set([...readOk].filter((source) => !failures.has(source))),
		watched: new Set(units.map(sourceOf)),
		now: nowMs,
	});

	const items = pending
		.flatMap(({ unit, events }) => events.map((event) => ({ unit, event })))
		.sort((a, b) => (a.event.time < b.event.time ? -1 : a.event.time > b.event.time ? 1 : 0))
		.map(({ unit, event }) => ({ json: eventItem(unit, event) }));
	return items.length ? [items] : null;
}

/**
 * "Fetch Test Event" in the editor: the newest event of each chosen kind, read without a window and
 * without touching the cursors (n8n neither loads nor saves static data for manual runs).
 */
export async function sampleEvents(context: IPollFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(context);
	const { units, requests: scopeRequests } = await resolveUnits(context, settings);
	let requests = scopeRequests;
	const newest = new Map<string, { unit: Unit; event: WatchedEvent }>();
	for (const unit of units) {
		if (requests >= settings.maxRequests) break;
		let read: ReadResult;
		try {
			read = await readUnit(context, unit);
		} catch (error) {
			throw failureError(context.getNode(), { source: sourceOf(unit), error }, 'manual');
		}
		requests += read.requests;
		for (const event of read.events) {
			const best = newest.get(unit.event);
			if (!best || event.time > best.event.time) newest.set(unit.event, { unit, event });
		}
	}
	if (!newest.size) {
		const watched = settings.events.map((event) => event.replace(/_/g, ' ')).join(', ');
		throw new NodeOperationError(
			context.getNode(),
			`No event to show: Coupontools lists no ${watched} in what this trigger watches`,
			{
				description:
					'Make one happen (e.g. claim or validate a coupon of a watched campaign), then fetch again. Once the workflow is active, events that happen from then on start it.',
			},
		);
	}
	const items = [...newest.values()]
		.sort((a, b) => (a.event.time < b.event.time ? -1 : 1))
		.map(({ unit, event }) => ({ json: eventItem(unit, event) }));
	return [items];
}
