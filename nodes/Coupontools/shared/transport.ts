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

import { CREDENTIAL_TYPE, baseUrlOf, credentialOfRun, decryptedCredential } from './credential';
import { answerError, parseCoupontoolsFailure, transportError } from './errors';

/**
 * Sending one request to Coupontools with the credential's headers, and nothing about operations: the
 * answer comes back only when it is a success; every failure is thrown as the one classified NodeApiError
 * of errors.ts.
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
 * For code that calls Coupontools outside the declarative operations (pickers, the triggers): the same
 * credential, the same envelope check, the same error words. The stable import for them is this module.
 */
export async function coupontoolsApiRequest(
	this: CallingContext,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject = {},
	options: { timeout?: number } = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
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
				// The trigger answers a waiting webhook sender, so it asks for less than the default.
				timeout: options.timeout ?? 30_000,
			},
			{ credentialsDecrypted: decryptedCredential(this.getNode(), credentials) },
		)) as IN8nHttpFullResponse;
	} catch (caught) {
		throw transportError(this.getNode(), caught);
	}
	const { body: answer } = checked(this.getNode(), response);
	return (Array.isArray(answer) ? { data: answer } : answer) as IDataObject;
}
