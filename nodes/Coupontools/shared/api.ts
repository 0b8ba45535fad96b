import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHookFunctions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeFailure, parseCoupontoolsFailure } from './errors';
import { apiErrorBody } from './output';
import { describeNetworkFault, transportFaultOf } from './transport';

export const CREDENTIAL_TYPE = 'coupontoolsApi';
export const DEFAULT_BASE_URL = 'https://api.coupontools.com';

type CallingContext =
	| ILoadOptionsFunctions
	| IWebhookFunctions
	| IHookFunctions
	| IExecuteFunctions;

/**
 * A credential already read, in the form n8n-core's httpRequestWithAuthentication accepts it: handed over
 * like this, n8n applies the credential's authenticate without reading and decrypting it from its database
 * again (it otherwise does on every call).
 */
export function decryptedCredential(
	node: INode,
	data: ICredentialDataDecryptedObject,
): ICredentialsDecrypted {
	const reference = node.credentials?.[CREDENTIAL_TYPE];
	return { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data };
}

/**
 * For code that calls Coupontools outside the declarative operations (pickers, the trigger's
 * verification): the same credential, the same envelope check, the same error words.
 */
export async function coupontoolsApiRequest(
	this: CallingContext,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject = {},
	options: { timeout?: number } = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const baseURL = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	let response: { statusCode: number; body: unknown };
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			{
				method,
				baseURL,
				url: path,
				body: method === 'GET' ? undefined : body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// The trigger answers a waiting webhook sender, so it asks for less than the default.
				timeout: options.timeout ?? 30_000,
			},
			{ credentialsDecrypted: decryptedCredential(this.getNode(), credentials) },
		)) as { statusCode: number; body: unknown };
	} catch (caught) {
		const fault = transportFaultOf(caught);
		const { message, description } = describeNetworkFault(fault.code, fault.message);
		throw new NodeApiError(this.getNode(), { fault: fault.code, message } as JsonObject, {
			message,
			description,
		});
	}
	const failure = parseCoupontoolsFailure(response.statusCode, response.body);
	if (failure) {
		const { message, description } = describeFailure(failure);
		throw new NodeApiError(
			this.getNode(),
			apiErrorBody(failure.codes, failure.apiMessage, failure.details),
			{
				message,
				description,
				httpCode: String(failure.httpCode),
			},
		);
	}
	return (Array.isArray(response.body) ? { data: response.body } : response.body) as IDataObject;
}
