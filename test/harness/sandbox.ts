import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { startSandbox } from '../sandbox/server';
import type { RunOptions, RunResult } from './engine';
import { runNode } from './engine';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Sandbox-only demo values (not secrets): they are what `npm run sandbox` prints. */
export const SANDBOX_CLIENT_ID = 'sandbox-client-id';
export const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';

export function credentialsFor(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		clientId: SANDBOX_CLIENT_ID,
		clientSecret: SANDBOX_CLIENT_SECRET,
		baseUrl: sandbox.url,
		...overrides,
	};
}

/** One sandbox per test file: started before the first test, reset before each, closed at the end. */
export function useSandbox(options: Parameters<typeof startSandbox>[0] = {}): {
	readonly current: Sandbox;
} {
	const ref = { current: undefined as unknown as Sandbox };
	beforeAll(async () => {
		ref.current = await startSandbox(options);
	});
	beforeEach(() => ref.current.reset());
	afterAll(async () => {
		await ref.current.close();
	});
	return ref;
}

/** Runs the node against the sandbox with the sandbox credential (overridable). */
export async function run(
	sandbox: Sandbox,
	options: Omit<RunOptions, 'credentials'> & { credentials?: ICredentialDataDecryptedObject },
): Promise<RunResult> {
	return await runNode({ ...options, credentials: options.credentials ?? credentialsFor(sandbox) });
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/** The subaccount's own key pair as the node's credential: what error 102 is about. */
export function subaccountCredentials(
	sandbox: Sandbox,
	id: string,
): ICredentialDataDecryptedObject {
	const subaccount = sandbox.state.subaccounts.get(id);
	if (!subaccount) throw new Error(`no subaccount ${id}`);
	return credentialsFor(sandbox, {
		clientId: subaccount.api_key,
		clientSecret: subaccount.api_secret,
	});
}

/** v4 REST calls carry both header pairs (credential); the sandbox accepts either. */
export function expectApiKeyPair(sandbox: Sandbox): void {
	const [request] = sandbox.requests;
	expect(request.headers['x-api-key']).toBe(SANDBOX_CLIENT_ID);
	expect(request.headers['x-api-secret']).toBe(SANDBOX_CLIENT_SECRET);
}

/** A resource locator value as the editor saves it. */
/**
 * The node's parameters for one operation of a resource, as the editor saves them:
 * `const card = operationOf('loyaltyCard'); card('copy', { loyaltyCardId: byId('9001') })`.
 */
export function operationOf(resource: string) {
	return (operation: string, extra: INodeParameters = {}): INodeParameters => ({
		resource,
		operation,
		...extra,
	});
}

export function byId(value: string): INodeParameters {
	return { __rl: true, mode: 'id', value };
}

export function fromList(value: string): INodeParameters {
	return { __rl: true, mode: 'list', value };
}

/** One row of an operation table: what the user sets, what Coupontools must receive, what n8n must output. */
export interface OperationCase {
	title: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	request: { method: string; path: string; body?: IDataObject; query?: IDataObject };
	/** Assertions on the output items (json), with the sandbox to compare against its state. */
	output(items: IDataObject[], sandbox: Sandbox): void;
	/** Prepare the sandbox state before the run. */
	before?(sandbox: Sandbox): void | Promise<void>;
}

/**
 * The operation table runner: every row runs through n8n's engine against the sandbox over HTTP, then
 * checks the first request the sandbox received (method, path, both auth headers, body) and the output.
 */
export function describeOperations(title: string, rows: OperationCase[]): void {
	describe(title, () => {
		const sandbox = useSandbox();
		for (const row of rows) defineCase(sandbox, row);
	});
}

function defineCase(sandbox: { readonly current: Sandbox }, row: OperationCase): void {
	test(row.title, async () => {
		await row.before?.(sandbox.current);
		const result = await run(sandbox.current, { parameters: row.parameters, items: row.items });
		expect(result.error?.message).toBeUndefined();

		const [request] = sandbox.current.requests;
		expect(request).toBeDefined();
		expect({ method: request.method, path: request.path }).toEqual({
			method: row.request.method,
			path: row.request.path,
		});
		expect(request.headers['x-client-id']).toBe(SANDBOX_CLIENT_ID);
		expect(request.headers['x-client-secret']).toBe(SANDBOX_CLIENT_SECRET);
		if (row.request.body) expect(request.body).toEqual(row.request.body);
		if (row.request.query) expect(request.query).toEqual(row.request.query);

		row.output(jsonOf(result.items), sandbox.current);
	});
}

/**
 * A call straight to the sandbox with the sandbox credential, for API answers the node's own checks
 * never let through (the error-code tables of the resources).
 */
export async function postToSandbox(
	sandbox: Sandbox,
	path: string,
	body: Record<string, unknown>,
): Promise<{ status: number; json: unknown }> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-client-id': SANDBOX_CLIENT_ID,
			'x-client-secret': SANDBOX_CLIENT_SECRET,
		},
		body: JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}
