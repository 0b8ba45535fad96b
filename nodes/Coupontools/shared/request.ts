import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, decryptedCredential } from './api';

type Request = DeclarativeRestApiSettings.ResultOptions;

/**
 * The decrypted credential of each node run, shared by its items. n8n-core's httpRequestWithAuthentication
 * reads the credential from n8n's database and decrypts it on every call unless it is handed the decrypted
 * credential (RoutingNode does that only in credential tests). On a batch every item paid that read, queued
 * on the database's connection pool: most of the time a 10,000-item Send Email spent after its first request
 * (BENCHMARKS.md). RoutingNode itself decrypts the credential once per run (for `$credentials`); this does
 * the same for the requests. Keyed by the run's execution data, which all its items share, so the entry goes
 * with the run; a failed read is not kept.
 */
const credentialsOfRun = new WeakMap<object, Promise<ICredentialsDecrypted>>();

async function credentialsForThisRun(
	this: IExecutePaginationFunctions,
): Promise<ICredentialsDecrypted> {
	const run = this.getExecuteData() as object | undefined;
	const cached = run && credentialsOfRun.get(run);
	if (cached) return await cached;
	const node = this.getNode();
	const reading = this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE).then(
		(data) => decryptedCredential(node, data),
	);
	if (run) {
		credentialsOfRun.set(run, reading);
		reading.catch(() => credentialsOfRun.delete(run));
	}
	return await reading;
}

/**
 * One Coupontools request of the action node, as RoutingNode's makeRoutingRequest makes it (the credential's
 * authenticate adds the headers; the full response goes through the operation's postReceive steps), but with
 * the credential read once per run.
 */
export async function sendCoupontoolsRequest(
	this: IExecutePaginationFunctions,
	requestData: Request,
	options: Request['options'] = requestData.options,
): Promise<INodeExecutionData[]> {
	const credentialsDecrypted = await credentialsForThisRun.call(this);
	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		// RoutingNode's request options: the url is always set by the operation's routing.
		{ ...options, returnFullResponse: true } as IHttpRequestOptions,
		{ credentialsDecrypted },
	)) as IN8nHttpFullResponse;
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const step of requestData.postReceive) {
		for (const action of step.actions) {
			// Every operation's output steps are functions (shared/output.ts); a declarative step here is a mistake of ours.
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
