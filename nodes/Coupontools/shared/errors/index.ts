import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CoupontoolsFailure } from './envelope';
import { answerFault, classified, transportFault } from './faults';
import { describeFailure, describeNetworkFault } from './wording';

/**
 * Every failure of a Coupontools call ends here: a failed answer (envelope.ts) or a transport fault
 * becomes one NodeApiError with words for the user (wording.ts), classified once (faults.ts) for the
 * limiter, which decides on sending it again. This folder knows nothing about operations.
 */

export type { CoupontoolsFailure } from './envelope';
export { parseCoupontoolsFailure } from './envelope';
export { faultClassOf } from './faults';
export { describeFailure } from './wording';

/** The body given to NodeApiError: only the API's words, never the request (headers carry the secret). */
function apiErrorBody(codes: number[], apiMessage: string, details: string[]): JsonObject {
	return {
		error_code: codes.length === 1 ? codes[0] : codes,
		error_message: apiMessage,
		error_message_description: details,
	} as JsonObject;
}

/** A failed answer as the error n8n shows, classified. */
export function answerError(
	node: INode,
	failure: CoupontoolsFailure,
	headers: Record<string, unknown> = {},
	itemIndex?: number,
): NodeApiError {
	const { message, description } = describeFailure(failure);
	return classified(
		new NodeApiError(node, apiErrorBody(failure.codes, failure.apiMessage, failure.details), {
			message,
			description,
			httpCode: String(failure.httpCode),
			itemIndex,
		}),
		answerFault(failure, headers),
	);
}

/**
 * A check of ours that stopped an item before anything was sent. n8n's declarative engine wraps any
 * other error class in a NodeApiError with the HTTP code "none" (n8n-core routing-node.ts), and the
 * editor then shows "From Coupontools · Error code none" for a call that never happened. A NodeApiError
 * with no HTTP code and no API words shows just the message and the fix. Final: repeating cannot help.
 */
export function checkError(
	node: INode,
	message: string,
	{ description, itemIndex }: { description?: string; itemIndex?: number } = {},
): NodeApiError {
	return new NodeApiError(node, {} as JsonObject, { message, description, itemIndex });
}

/**
 * A transport fault as the error n8n shows, classified. n8n-core hands it over wrapped, with the request
 * (and so the secret headers) in its cause: only words that say what happened are kept.
 */
export function transportError(node: INode, caught: unknown, itemIndex?: number): NodeApiError {
	const fault = transportFaultOf(caught);
	const { message, description } = describeNetworkFault(fault.code, fault.message);
	return classified(
		new NodeApiError(node, { fault: fault.code, message } as JsonObject, {
			message,
			description,
			httpCode: fault.status ? String(fault.status) : undefined,
			itemIndex,
		}),
		transportFault(fault.code),
	);
}

interface TransportFault {
	code: string;
	message: string;
	status?: number;
}

/** n8n-core has already replaced the client error by a NodeApiError: the code is in httpCode, the raw words in messages. */
function transportFaultOf(caught: unknown): TransportFault {
	const error = caught as {
		httpCode?: string | null;
		messages?: string[];
		message?: string;
		code?: string;
	};
	const httpCode = String(error?.httpCode ?? error?.code ?? '');
	return {
		code: /^E[A-Z_]+$/.test(httpCode) ? httpCode : '',
		message: String(error?.messages?.[0] ?? error?.message ?? caught),
		status: /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined,
	};
}
