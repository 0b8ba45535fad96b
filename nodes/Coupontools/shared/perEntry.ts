import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

type NodeError = NodeApiError | NodeOperationError;

/** One entry of a per-entry call (Coupon Session → Update Many: one session code) that failed. */
export interface EntryFailure {
	entry: string;
	error: NodeError;
}

/**
 * A failed entry's error, headed with the entry: n8n keeps only an error item's message (Continue On
 * Fail), so the message itself must say which code failed. Same class as the failure, so n8n shows it
 * the same way.
 */
export function entryError(
	node: INode,
	label: string,
	entry: string,
	error: NodeError,
	itemIndex: number,
	description = error.description ?? undefined,
): NodeError {
	const message = `${label} "${entry}": ${error.message}`;
	if (error instanceof NodeApiError) {
		return new NodeApiError(node, { message } as JsonObject, {
			message,
			description,
			httpCode: error.httpCode ?? undefined,
			itemIndex,
		});
	}
	return new NodeOperationError(node, message, { description, itemIndex });
}

/**
 * The item's error when some of its entries failed and the node stops on errors: the first failure,
 * and what happened to the item's other entries (all were sent: one failure does not stop the others).
 */
export function failedEntriesError(
	node: INode,
	label: string,
	failures: EntryFailure[],
	total: number,
	itemIndex: number,
): NodeError {
	const [first, ...more] = failures;
	const description = [
		first.error.description ?? '',
		othersSentence(total, more, itemIndex),
		'To get one result per code instead, set the node\'s On Error to "Continue".',
	]
		.filter(Boolean)
		.join(' ');
	return entryError(node, label, first.entry, first.error, itemIndex, description);
}

function othersSentence(total: number, more: EntryFailure[], itemIndex: number): string {
	const others = total - 1;
	if (others < 1) return '';
	const updated = others - more.length;
	const parts: string[] = [];
	if (updated > 0) parts.push(`${updated} updated`);
	if (more.length > 0) {
		const shown = more.slice(0, 5).map((failure) => failure.entry);
		const rest = more.length > shown.length ? `, … ${more.length - shown.length} more` : '';
		parts.push(`${more.length} failed too (${shown.join(', ')}${rest})`);
	}
	const codes = others === 1 ? 'code' : 'codes';
	return `The other ${others} ${codes} of item ${itemIndex} ${others === 1 ? 'was' : 'were'} sent: ${parts.join(', ')}.`;
}
