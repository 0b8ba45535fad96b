import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { answerError } from './errors';

type Options = DeclarativeRestApiSettings.ResultOptions['options'];

/**
 * Input items become bulk calls: each item's body is one record of the list `param`, sent `size` records
 * per call (an operation's policy `batch`, see requestLoop.ts).
 */
export interface BatchPolicy {
	/** The body key holding the list of records, e.g. `users`. */
	param: string;
	/** Records per call. */
	size: number;
}

/** Sends one bulk call (with the operation's retries) and returns its answer as output items, in order. */
export type ChunkSender = (options: Options) => Promise<INodeExecutionData[]>;

interface Member {
	itemIndex: number;
	record: IDataObject;
	resolve(item: INodeExecutionData): void;
	reject(error: unknown): void;
}

interface OpenChunk {
	members: Member[];
	options: Options;
	send: ChunkSender;
	/** Members joined since the last idle check; the chunk is sent when a check finds none. */
	joinedSinceCheck: number;
}

/**
 * The chunks still being filled, per node run (keyed by the run's execute data, which all its items share,
 * as the credential of the run in credential.ts) and per call target (method and URL: items that name other
 * cards go to other calls).
 */
const openChunksOfRun = new WeakMap<object, Map<string, OpenChunk>>();

/**
 * One item's share of a bulk call; resolves with that item's own result.
 *
 * Why this works in a declarative node: RoutingNode (n8n-core routing-node.js, runNode) prepares the items
 * one after the other and starts each item's request hook without waiting for the previous one's answer,
 * so every item reaches this point before any call is answered. Each item adds its record to the open
 * chunk of the run and waits. A chunk is sent as soon as it holds `size` records, or when no record joined
 * it for one turn of the event loop (all items are in, or n8n's Batching option spaces them out). Then
 * every item takes the entry of the answer at its own position: the created record, or its own error. Only
 * the number of calls depends on timing, never which result an item gets.
 */
export async function joinBatch(
	this: IExecutePaginationFunctions,
	options: Options,
	policy: BatchPolicy,
	send: ChunkSender,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const record = (options.body ?? {}) as IDataObject;
	const key = `${options.method ?? 'GET'} ${options.url ?? ''}`;
	const run = (this.getExecuteData() as object | undefined) ?? {};
	let chunks = openChunksOfRun.get(run);
	if (!chunks) openChunksOfRun.set(run, (chunks = new Map()));

	const item = await new Promise<INodeExecutionData>((resolve, reject) => {
		let chunk = chunks.get(key);
		if (!chunk) {
			chunk = { members: [], options, send, joinedSinceCheck: 0 };
			chunks.set(key, chunk);
			void flushWhenIdle(chunks, key, chunk, policy);
		}
		chunk.members.push({ itemIndex, record, resolve, reject });
		chunk.joinedSinceCheck += 1;
		if (chunk.members.length >= policy.size) {
			chunks.delete(key);
			void flush(chunk, policy);
		}
	});
	return [item];
}

/** Sends a chunk that stopped growing before it was full. */
async function flushWhenIdle(
	chunks: Map<string, OpenChunk>,
	key: string,
	chunk: OpenChunk,
	policy: BatchPolicy,
): Promise<void> {
	do {
		chunk.joinedSinceCheck = 0;
		await sleep(0);
	} while (chunk.joinedSinceCheck > 0 && chunks.get(key) === chunk);
	if (chunks.get(key) !== chunk) return; // sent when it filled up
	chunks.delete(key);
	await flush(chunk, policy);
}

/** One bulk call for the chunk; every member settles with its own entry of the answer. */
async function flush(chunk: OpenChunk, policy: BatchPolicy): Promise<void> {
	const { members } = chunk;
	let results: INodeExecutionData[];
	try {
		results = await chunk.send({
			...chunk.options,
			body: { [policy.param]: members.map((member) => member.record) },
		});
	} catch (error) {
		for (const member of members) member.reject(error);
		return;
	}
	members.forEach((member, position) => {
		const entry = results.length === members.length ? results[position] : undefined;
		if (!entry) {
			member.reject(
				new Error(
					`Coupontools answered ${results.length} results for ${members.length} records: this item's result is unknown`,
				),
			);
			return;
		}
		const failure = entry.json.error;
		if (failure !== undefined && failure !== null && failure !== false) {
			member.reject({ entryError: failure });
			return;
		}
		member.resolve({ ...entry, pairedItem: { item: member.itemIndex } });
	});
}

/**
 * The error of one item of a bulk call, worded for that item: an entry's own refusal (with the API's code,
 * through the same hints as any answer), a mismatched answer, or the failure of the whole call.
 */
export function batchItemError(
	this: IExecutePaginationFunctions,
	caught: unknown,
): NodeApiError | NodeOperationError {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	if (caught && typeof caught === 'object' && 'entryError' in caught) {
		const failure = (caught as { entryError: unknown }).entryError;
		const described: IDataObject =
			failure && typeof failure === 'object'
				? (failure as IDataObject)
				: { error_message: String(failure) };
		const code = Number(described.error_code);
		return answerError(
			node,
			{
				httpCode: 200,
				codes: Number.isFinite(code) ? [code] : [],
				apiMessage: '',
				details: [String(described.error_message ?? described.message ?? '')].filter(Boolean),
				unreadable: false,
			},
			{},
			itemIndex,
		);
	}
	if (caught instanceof NodeApiError) {
		return new NodeApiError(node, { message: caught.message } as JsonObject, {
			message: caught.message,
			description: caught.description ?? undefined,
			httpCode: caught.httpCode ?? undefined,
			itemIndex,
		});
	}
	const message = caught instanceof Error ? caught.message : String(caught);
	return new NodeOperationError(node, message, {
		itemIndex,
		description:
			caught instanceof NodeOperationError
				? (caught.description ?? undefined)
				: 'Some records of this bulk call may have been added: check them in Coupontools before running the items again.',
	});
}
