import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { fetchPages, pageParameterOf } from './pagination';
import { isResponseError } from './output';
import { sendCoupontoolsRequest } from './request';
import { withRetries } from './retry';
import { findFieldProblems } from './validation';

type Request = DeclarativeRestApiSettings.ResultOptions;

/** A list in this body parameter means "one call per entry" (Coupon Session → Update Many). */
const LIST_PARAMETER = 'couponsession';

/**
 * Every Coupontools request of the action node passes through here.
 *
 * n8n's declarative engine (RoutingNode) hands a node the request loop only through
 * `requestOperations.pagination`; the node description sets it to this function for all operations
 * (see Coupontools.node.ts). That gives one place for what the engine does not do per item:
 * - checks that are certain before calling the API (validation.ts),
 * - paging over the API's `page` parameter (pagination.ts),
 * - repeating a request after a transient fault when that cannot act twice (retry.ts),
 * - sending it with the credential read once per node run, not once per request (request.ts),
 * - Continue On Fail: a failed item becomes exactly one output item `{ error, ... }` paired to its
 *   input, with the error attached so n8n's error output can route it.
 */
export async function runCoupontoolsRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	try {
		const { options } = requestData;
		const codes = (options.body as IDataObject | undefined)?.[LIST_PARAMETER];
		if (Array.isArray(codes)) return await updateEach.call(this, requestData, codes.map(String));

		assertValidFields.call(this, options);

		if (pageParameterOf(options)) {
			return await fetchPages(
				requestData,
				async (page) =>
					await withRetries(
						page.options,
						async () => await sendCoupontoolsRequest.call(this, requestData, page.options),
					),
			);
		}
		return await withRetries(
			options,
			async () => await sendCoupontoolsRequest.call(this, requestData),
		);
	} catch (caught) {
		const error = asNodeError.call(this, caught, itemIndex);
		if (!this.continueOnFail()) throw error;
		return [
			{
				json: {
					error: error.message,
					...(error.description ? { errorDescription: error.description } : {}),
					...(error instanceof NodeApiError && error.httpCode ? { httpCode: error.httpCode } : {}),
				},
				error,
				pairedItem: { item: itemIndex },
			},
		];
	}
}

/** Before any request: a clear error naming the field and the fix, for rules that are certain. */
function assertValidFields(this: IExecutePaginationFunctions, options: Request['options']): void {
	const problems = findFieldProblems(options.body as IDataObject | undefined, options.url ?? '');
	if (!problems.length) return;
	const [first, ...others] = problems;
	const itemIndex = this.getItemIndex();
	throw new NodeOperationError(this.getNode(), `${first.label} ${first.problem}`, {
		itemIndex,
		description: others.length
			? `Also: ${others.map(({ label, problem }) => `${label} ${problem}`).join(' ')}`
			: `Fix the ${first.label} field for item ${itemIndex}; nothing was sent to Coupontools.`,
	});
}

/**
 * Update Many: the API updates one session per call, so a list of codes becomes one call per code.
 * Every code gets its own result ({ couponsession, success, ... }); one failure does not stop the others.
 */
async function updateEach(
	this: IExecutePaginationFunctions,
	requestData: Request,
	codes: string[],
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	if (!codes.length) {
		throw new NodeOperationError(this.getNode(), 'Session Codes is empty', {
			itemIndex,
			description:
				'Enter at least one coupon session code, separated by commas or new lines, or map a list with an expression.',
		});
	}
	const results: INodeExecutionData[] = [];
	for (const code of codes) {
		const options = {
			...requestData.options,
			body: { ...(requestData.options.body as IDataObject), [LIST_PARAMETER]: code },
		};
		try {
			assertValidFields.call(this, options);
			const items = await withRetries(
				options,
				async () => await sendCoupontoolsRequest.call(this, requestData, options),
			);
			for (const item of items)
				results.push({ ...item, json: { couponsession: code, success: true, ...item.json } });
		} catch (caught) {
			const error = asNodeError.call(this, caught, itemIndex);
			results.push({
				json: {
					couponsession: code,
					success: false,
					error: error.message,
					errorDescription: error.description ?? undefined,
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return results;
}

/**
 * Errors of our own checks pass through. Transport faults reach us as n8n's generic wrapper around the
 * HTTP client's error, which carries the request (and so the secret headers) in its cause: keep only
 * words that say what happened.
 */
function asNodeError(
	this: IExecutePaginationFunctions,
	caught: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (caught instanceof NodeOperationError) return caught;
	if (caught instanceof NodeApiError && isResponseError(caught)) return caught;
	const fault = transportFaultOf(caught);
	const { message, description } = describeNetworkFault(fault.code, fault.message);
	return new NodeApiError(this.getNode(), { fault: fault.code, message } as JsonObject, {
		message,
		description,
		httpCode: fault.status ? String(fault.status) : undefined,
		itemIndex,
	});
}

interface TransportFault {
	code: string;
	message: string;
	status?: number;
}

/** n8n-core has already replaced the client error by a NodeApiError: the code is in httpCode, the raw words in messages. */
export function transportFaultOf(caught: unknown): TransportFault {
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

export function describeNetworkFault(
	code: string,
	rawMessage: string,
): { message: string; description: string } {
	const retry = 'Enable Retry On Fail in the node settings to try again automatically.';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(rawMessage)) {
		return {
			message: 'Coupontools did not answer in time',
			description: `The request timed out. Coupontools may still have processed it: check before resending. ${retry} The limit is set under Options → Timeout.`,
		};
	}
	if (code === 'ECONNRESET' || /socket hang up/i.test(rawMessage)) {
		return {
			message: 'The connection to Coupontools was closed before it answered',
			description: `Coupontools (or a proxy) dropped the connection mid-request. It may have processed the request: check before resending. ${retry}`,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			message: 'Coupontools refused the connection',
			description: `Nothing answered at the Base URL of the credential. Check the Base URL; if it is right, Coupontools may be down. ${retry}`,
		};
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: 'The Coupontools host could not be found',
			description:
				'Check the Base URL of the credential (https://api.coupontools.com) and the network of this n8n instance.',
		};
	}
	return {
		message: `The request to Coupontools failed${code ? ` (${code})` : ''}`,
		description: `${rawMessage.replace(/[\r\n]+/g, ' ').slice(0, 200)}. ${retry}`,
	};
}
