import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, baseUrlOf, credentialOfRun, decryptedCredential } from './credential';
import { answerError, faultClassOf, parseCoupontoolsFailure, transportError } from './errors';
import { limiterForRun, WaitBudgetExceededError } from './limiter';

/**
 * Sending one request to Coupontools with the credential's headers, and nothing about operations: the
 * answer comes back only when it is a success; every failure is thrown as the one classified NodeApiError
 * of errors/.
 */

/** A full answer, or the classified error it is. */
function checked(node: INode, response: IN8nHttpFullResponse, itemIndex?: number) {
	const failure = parseCoupontoolsFailure(response.statusCode, response.body);
	if (failure)
		throw answerError(node, failure, response.headers as Record<string, unknown>, itemIndex);
	return response;
}

/**
 * One request of the action node (its options as RoutingNode built them), with the credential read once per
 * node run (credential.ts).
 */
export async function sendRequest(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const credentialsDecrypted = await credentialOfRun.call(this);
	const itemIndex = this.getItemIndex();
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			{ ...options, returnFullResponse: true },
			{ credentialsDecrypted },
		)) as IN8nHttpFullResponse;
	} catch (caught) {
		throw transportError(this.getNode(), caught, itemIndex);
	}
	return checked(this.getNode(), response, itemIndex);
}

type CallingContext =
	| ILoadOptionsFunctions
	| IWebhookFunctions
	| IHookFunctions
	| IPollFunctions
	| IExecuteFunctions;

/**
 * How long a picker's or a trigger's call waits out refusals at most: half its timeout, so a webhook
 * sender waiting on the trigger's verification (10 s) gets an answer (503, try again) in about 5 s.
 */
export const CALL_WAIT_MS = 15_000;

/**
 * One limiter per calling context: a poll context lives as long as its activation, the others per call.
 * A node's execution context also stops it when the execution is cancelled.
 */
function limiterOf(context: CallingContext, maxWaitMs: number) {
	const cancelSignal =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	return limiterForRun(context, () => ({ budgetMs: maxWaitMs }), cancelSignal);
}

/**
 * For code that calls Coupontools outside the declarative operations (pickers, the triggers): the same
 * credential, the same envelope check, the same error words. The stable import for them is this module.
 *
 * Calls go through a limiter (limiter/) keyed by the calling context: a refusal (429, 503, connection
 * refused) is waited out as its Retry-After asks, for at most `maxWaitMs` (default: half the call's
 * timeout, at most CALL_WAIT_MS); then the last refusal is thrown. The polling trigger's context is one
 * object per activation and its polls do not overlap (nodes/CoupontoolsPollTrigger/poll.ts), so each
 * poll's calls share one limiter; a picker's or a webhook's context is new per call. Every caller today
 * reads, so a fault that may have acted is repeated (3 attempts) unless the caller passes
 * `repeatable: false`.
 */
export async function coupontoolsApiRequest(
	this: CallingContext,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject = {},
	options: { timeout?: number; maxWaitMs?: number; repeatable?: boolean } = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	// The trigger answers a waiting webhook sender, so it asks for less than the default.
	const timeout = options.timeout ?? 30_000;
	const maxWaitMs = options.maxWaitMs ?? Math.min(timeout / 2, CALL_WAIT_MS);
	const send = async () => {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{
					method,
					baseURL: baseUrlOf(credentials),
					url: path,
					body: method === 'GET' ? undefined : body,
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout,
				},
				{ credentialsDecrypted: decryptedCredential(this.getNode(), credentials) },
			)) as IN8nHttpFullResponse;
		} catch (caught) {
			throw transportError(this.getNode(), caught);
		}
		return checked(this.getNode(), response);
	};
	let answer: unknown;
	try {
		({ body: answer } = await limiterOf(this, maxWaitMs).run(send, {
			repeatable: options.repeatable ?? true,
			classify: faultClassOf,
		}));
	} catch (caught) {
		// Waited as long as it may: the last refusal says what Coupontools answered.
		const failure = caught instanceof WaitBudgetExceededError ? caught.cause : caught;
		if (failure instanceof NodeApiError) throw failure;
		throw transportError(this.getNode(), failure);
	}
	return (Array.isArray(answer) ? { data: answer } : answer) as IDataObject;
}
