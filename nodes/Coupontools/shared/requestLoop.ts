import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchPolicy } from './batch';
import { batchItemError, joinBatch } from './batch';
import { checkError, faultClassOf } from './errors';
import type { Limiter } from './limiter';
import { limiterForRun } from './limiter';
import { fetchPages, wantsAllPages } from './pagination';
import type { EntryFailure } from './perEntry';
import { entryError, failedEntriesError } from './perEntry';
import { limiterSettingsOf, RATE_LIMITS } from './rateLimits';
import { argumentsToFix, runsAsTool, toolCallInput, toolFailureItem } from './toolMode';
import { asNodeError, unconfirmedEndpoint } from './itemError';
import type { RequestPolicy } from './requestPolicy';
import { sendRequest } from './transport';
import { readV4List } from './v4Pages';
import { findFieldProblems } from './validation';

export type { RequestPolicy } from './requestPolicy';

type Request = DeclarativeRestApiSettings.ResultOptions;
type RequestLoop = (
	this: IExecutePaginationFunctions,
	requestData: Request,
) => Promise<INodeExecutionData[]>;

/**
 * The retry seam: every Coupontools call of an item runs through its run's limiter (limiter/), shared
 * by all items of the node run: it paces the run, waits out refusals (429, 503, connection refused:
 * Coupontools did nothing) as their Retry-After asks, within the run's time budget, and repeats a call
 * after a fault that may have acted only when the call is repeatable (3 attempts). Everything else fails
 * at once. The class of each fault (and a 429's Retry-After) comes from errors/faults.ts.
 */
export async function sendWithRetries<T>(
	send: () => Promise<T>,
	{ repeatable, limiter }: { repeatable: boolean; limiter: Limiter },
): Promise<T> {
	return await limiter.run(send, {
		repeatable,
		classify: faultClassOf,
	});
}

/**
 * The limiter of this node run (one per run, keyed by its execution data like the credential,
 * credential.ts), made with the node's Rate Limits setting (rateLimits.ts) of the item that asks first,
 * and stopped by the execution's cancel signal.
 */
function limiterOfRun(this: IExecutePaginationFunctions): Limiter {
	return limiterForRun(
		this.getExecuteData() as object | undefined,
		() => limiterSettingsOf(this.getNodeParameter(RATE_LIMITS, {})),
		this.getExecutionCancelSignal(),
	);
}

/** The entries of a per-entry parameter: a list as given, or text split at commas, semicolons and whitespace. */
export function entriesOf(value: unknown): string[] {
	const list: unknown[] = Array.isArray(value) ? value : String(value ?? '').split(/[\s,;]+/);
	return list.map((entry) => String(entry).trim()).filter((entry) => entry);
}

/**
 * The request loop of an operation. n8n's declarative engine (RoutingNode) hands a node its request loop
 * only through `routing.operations.pagination` (per operation) or `requestOperations.pagination` (the
 * node-wide default, Coupontools.node.ts); RoutingNode's mergeOptions lets the selected operation's win.
 * Per item it does what the engine does not:
 * - checks that are certain before calling the API (validation.ts),
 * - paging over the API's `page` parameter (pagination.ts),
 * - one call per entry of a list, when the operation declares it,
 * - pacing the run's calls and repeating a call after a transient fault when that cannot act twice
 *   (sendWithRetries, through the run's limiter),
 * - Continue On Fail: a failed item becomes exactly one output item `{ error, ... }` paired to its
 *   input, with the error attached so n8n's error output can route it;
 * - as an AI agent's tool, a failed item becomes the model's answer `{ error }` (toolMode.ts).
 */
export function requestLoop(policy: RequestPolicy = {}): RequestLoop {
	return async function coupontoolsRequest(this, requestData) {
		const itemIndex = this.getItemIndex();
		try {
			if (policy.perEntry)
				return await sendPerEntry.call(this, requestData, policy, policy.perEntry);
			assertValidFields.call(this, requestData.options, policy);
			if (policy.batch) return await sendInBatch.call(this, requestData, policy, policy.batch);
			if (policy.v4List && isV4ListRequest(requestData.options))
				return await sendV4List.call(this, requestData, policy);
			const where = policy.pages;
			if (where && wantsAllPages(requestData.options, where)) {
				return await fetchPages(
					requestData,
					where,
					async (page) => await sendOnce.call(this, requestData, page.options, policy),
				);
			}
			return await sendOnce.call(this, requestData, requestData.options, policy);
		} catch (caught) {
			const error = unconfirmedEndpoint.call(
				this,
				asNodeError.call(this, caught, itemIndex),
				policy,
			);
			// As an agent's tool, the failure is the model's answer, not the end of the run (toolMode.ts).
			if (runsAsTool(this.getNode())) {
				const text = `${error.message} ${error.description ?? ''}`;
				const args = toolCallInput(this);
				return [toolFailureItem(error, itemIndex, argumentsToFix(text, args))];
			}
			if (!this.continueOnFail()) throw error;
			return [
				{
					json: {
						error: error.message,
						...(error.description ? { errorDescription: error.description } : {}),
						...(error instanceof NodeApiError && error.httpCode
							? { httpCode: error.httpCode }
							: {}),
					},
					error,
					pairedItem: { item: itemIndex },
				},
			];
		}
	};
}

/** One call (with its retries), its answer through the operation's output steps (output.ts). */
async function sendOnce(
	this: IExecutePaginationFunctions,
	requestData: Request,
	options: Request['options'],
	policy: RequestPolicy,
): Promise<INodeExecutionData[]> {
	const body = (options.body ?? {}) as IDataObject;
	const repeatable =
		typeof policy.repeatable === 'function' ? policy.repeatable(body) : !!policy.repeatable;
	// RoutingNode's request options: the url is always set by the operation's routing.
	const response = await sendWithRetries(
		async () => await sendRequest.call(this, options as IHttpRequestOptions),
		{ repeatable, limiter: limiterOfRun.call(this) },
	);
	return await outputOf.call(this, requestData, response);
}

/** The operation's output steps (output.ts) over one answer. */
async function outputOf(
	this: IExecutePaginationFunctions,
	requestData: Request,
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const step of requestData.postReceive) {
		for (const action of step.actions) {
			// Every operation's output steps are functions (output.ts); a declarative step here is a mistake of ours.
			if (typeof action !== 'function') {
				throw new NodeOperationError(this.getNode(), `Unsupported output step "${action.type}"`, {
					itemIndex: this.getItemIndex(),
				});
			}
			items = await action.call(this, items, response);
		}
	}
	return items;
}

function isV4ListRequest(options: Request['options']): boolean {
	return (options.method ?? 'GET') === 'GET' && String(options.url ?? '').startsWith('/v4/');
}

/** A v4 list, every page (v4Pages.ts, until Limit), through the output steps as one answer. */
async function sendV4List(
	this: IExecutePaginationFunctions,
	requestData: Request,
	policy: RequestPolicy,
): Promise<INodeExecutionData[]> {
	const repeatable = policy.repeatable === true;
	const limiter = limiterOfRun.call(this);
	let last: IN8nHttpFullResponse | undefined;
	const limit = Number(requestData.maxResults) > 0 ? Number(requestData.maxResults) : undefined;
	const { records } = await readV4List(
		String(requestData.options.url),
		async (url) => {
			const options = { ...requestData.options, url } as IHttpRequestOptions;
			last = await sendWithRetries(async () => await sendRequest.call(this, options), {
				repeatable,
				limiter,
			});
			return last.body;
		},
		{ limit },
	);
	return await outputOf.call(this, requestData, {
		...(last as IN8nHttpFullResponse),
		body: records,
	});
}

/** This item's record joins a bulk call; what comes back is this item's own result or error. */
async function sendInBatch(
	this: IExecutePaginationFunctions,
	requestData: Request,
	policy: RequestPolicy,
	batch: BatchPolicy,
): Promise<INodeExecutionData[]> {
	try {
		return await joinBatch.call(
			this,
			requestData.options,
			batch,
			async (options) => await sendOnce.call(this, requestData, options, policy),
		);
	} catch (caught) {
		throw batchItemError.call(this, caught);
	}
}

/** Before any request: a clear error naming the field and the fix, for rules that are certain. */
function assertValidFields(
	this: IExecutePaginationFunctions,
	options: Request['options'],
	policy: RequestPolicy,
): void {
	const pathValues: Record<string, unknown> = {};
	for (const name of Object.keys(policy.pathIds ?? {}))
		pathValues[name] = this.getNodeParameter(name, '', { extractValue: true });
	const problems = findFieldProblems(options.body as IDataObject | undefined, policy, pathValues, {
		nodeVersion: this.getNode().typeVersion,
		timezone: this.getTimezone(),
	});
	if (!problems.length) return;
	const [first, ...others] = problems;
	const itemIndex = this.getItemIndex();
	throw checkError(this.getNode(), `${first.label} ${first.problem}`, {
		itemIndex,
		description: others.length
			? `Also: ${others.map(({ label, problem }) => `${label} ${problem}`).join(' ')}`
			: `Fix the ${first.label} field for item ${itemIndex}; nothing was sent to Coupontools.`,
	});
}

/**
 * One call per entry; every entry gets its own result ({ <param>, success, ... }). A failed entry fails
 * its item (perEntry.ts) unless On Error continues, then its result carries the error.
 */
async function sendPerEntry(
	this: IExecutePaginationFunctions,
	requestData: Request,
	policy: RequestPolicy,
	{ param, label, whenEmpty }: NonNullable<RequestPolicy['perEntry']>,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const entries = entriesOf((requestData.options.body as IDataObject | undefined)?.[param]);
	if (!entries.length) {
		throw checkError(this.getNode(), `${label} is empty`, { itemIndex, description: whenEmpty });
	}
	const results: INodeExecutionData[] = [];
	const failures: EntryFailure[] = [];
	// Continue On Fail: the failed entry's item carries its error, so n8n's error output routes it (n8n
	// then keeps only the error's message as the item's json, which names the entry).
	const keepsGoing = this.continueOnFail() && !runsAsTool(this.getNode());
	for (const entry of entries) {
		const options = {
			...requestData.options,
			body: { ...(requestData.options.body as IDataObject), [param]: entry },
		};
		try {
			assertValidFields.call(this, options, policy);
			const items = await sendOnce.call(this, requestData, options, policy);
			for (const item of items)
				results.push({ ...item, json: { [param]: entry, success: true, ...item.json } });
		} catch (caught) {
			const failure = asNodeError.call(this, caught, itemIndex);
			failures.push({ entry, error: failure });
			const error = entryError(this.getNode(), label, entry, failure, itemIndex);
			results.push({
				json: {
					[param]: entry,
					success: false,
					error: error.message,
					errorDescription: error.description ?? undefined,
				},
				...(keepsGoing ? { error } : {}),
				pairedItem: { item: itemIndex },
			});
		}
	}
	// Stopping on errors, a failed entry fails its item like any operation's failure (every entry was sent).
	if (failures.length && !this.continueOnFail() && !runsAsTool(this.getNode()))
		throw failedEntriesError(this.getNode(), label, failures, entries.length, itemIndex);
	return results;
}
