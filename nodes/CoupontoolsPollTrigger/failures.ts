import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Unit } from './sources';

/**
 * A watched source that cannot be read (a deleted campaign answers Coupontools code 502, for example)
 * must not silence the others: the poll emits what the other sources found, and the failure reaches the
 * user as an n8n error execution through the poll's __emitError (n8n's ActiveWorkflowManager records it
 * and runs the workflow's error workflow; polling goes on). While a source keeps failing, it is reported
 * again at most once per REPORT_EVERY_MS; the time of the last report is kept in static data, one
 * top-level key per source.
 */
export const REPORT_EVERY_MS = 60 * 60 * 1000;
const REPORTED_PREFIX = 'reported ';

/** The campaign or directory a unit reads, in words: what a failure is reported for. */
export function sourceOf(unit: Unit): string {
	return unit.event === 'directory_user_registered'
		? `directory ${unit.scope}`
		: `campaign ${unit.scope}`;
}

/** Whether the source failed on an earlier poll and has not been read successfully since. */
export function isFailing(data: IDataObject, source: string): boolean {
	return typeof data[REPORTED_PREFIX + source] === 'number';
}

export interface SourceFailure {
	source: string;
	error: unknown;
}

function reasonOf(error: unknown): { message: string; description: string } {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return {
		message: typeof message === 'string' && message ? message : String(error),
		description: typeof description === 'string' ? description : '',
	};
}

/** What happens next, for the three ways a source's failure reaches the user. */
const NEXT = {
	alone:
		'The other campaigns and directories of this trigger are still watched. This one is tried again on every poll, and its events arrive, once each, as soon as it can be read; this error is repeated at most once an hour while it lasts. If it was deleted in Coupontools, remove it from the trigger.',
	all: 'No watched campaign or directory could be read, so this poll started nothing. The next poll tries again from where the last successful one stopped; no event is lost.',
	manual:
		'Fetch Test Event reads every watched campaign and directory: fix or remove this one, or try again later.',
};

/** The error the user sees for a failing source: the source, Coupontools' reason, what happens next. */
export function failureError(
	node: INode,
	failure: SourceFailure,
	next: keyof typeof NEXT,
	alsoFailing: string[] = [],
): NodeOperationError {
	const reason = reasonOf(failure.error);
	const also = alsoFailing.length ? ` Also failing: ${alsoFailing.join(', ')}.` : '';
	return new NodeOperationError(
		node,
		`Could not read ${failure.source} from Coupontools: ${reason.message}`,
		{ description: [reason.description, NEXT[next] + also].filter(Boolean).join(' ') },
	);
}

/**
 * After a poll in which some sources were read: reports each failing source through __emitError unless
 * it was reported less than REPORT_EVERY_MS ago, and forgets the failures of sources that were read again
 * or left the scope (a campaign no longer active is dropped silently).
 */
export function reportFailures(
	context: IPollFunctions,
	data: IDataObject,
	poll: { failures: SourceFailure[]; healthy: Set<string>; watched: Set<string>; now: number },
): void {
	for (const key of Object.keys(data)) {
		if (!key.startsWith(REPORTED_PREFIX)) continue;
		const source = key.slice(REPORTED_PREFIX.length);
		if (poll.healthy.has(source) || !poll.watched.has(source)) delete data[key];
	}
	const failing = poll.failures.map((failure) => failure.source);
	for (const failure of poll.failures) {
		const key = REPORTED_PREFIX + failure.source;
		const last = data[key];
		if (typeof last === 'number' && poll.now - last < REPORT_EVERY_MS) continue;
		data[key] = poll.now;
		const alsoFailing = failing.filter((source) => source !== failure.source);
		context.__emitError(failureError(context.getNode(), failure, 'alone', alsoFailing));
	}
}

/** A poll in which no source could be read fails as a whole; its sources count as reported now. */
export function allFailed(
	context: IPollFunctions,
	data: IDataObject,
	failures: SourceFailure[],
	now: number,
): NodeOperationError {
	for (const failure of failures) data[REPORTED_PREFIX + failure.source] = now;
	const [first, ...rest] = failures;
	return failureError(
		context.getNode(),
		first,
		'all',
		rest.map((failure) => failure.source),
	);
}
