import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteSingleFunctions,
	INode,
} from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'coupontoolsApi';
export const DEFAULT_BASE_URL = 'https://api.coupontools.com';

/**
 * The credential's Base URL without trailing slashes, as an n8n expression: for the node's requestDefaults
 * and the credential test, which n8n evaluates with `$credentials`. baseUrlOf is the same rule in code.
 */
export const BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "") }}`;

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

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
 * Rule: the credential is read and decrypted once per node run, not once per request. n8n-core's
 * httpRequestWithAuthentication reads it from n8n's database on every call unless it is handed the decrypted
 * credential, so a batch would queue one database read per item. Keyed by the run's execution data, which all
 * its items share, so the entry goes with the run; a failed read is not kept.
 */
const credentialsOfRun = new WeakMap<object, Promise<ICredentialsDecrypted>>();

export async function credentialOfRun(
	this: IExecuteSingleFunctions,
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
