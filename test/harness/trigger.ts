import { mock } from 'jest-mock-extended';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CoupontoolsTrigger } from '../../nodes/CoupontoolsTrigger/CoupontoolsTrigger.node';
import { TestCredentialsHelper } from './credentials';
import { credentialReference, singleNodeWorkflow } from './workflow';

export const TRIGGER_TYPE = 'n8n-nodes-coupontools.coupontoolsTrigger';
const TRIGGER_NAME = 'Coupontools Trigger';
export const WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

/** The request as n8n hands it to webhook(): express's request after n8n's body parsing. */
export interface FakeRequest {
	method: string;
	headers: Record<string, string>;
	body?: unknown;
	rawBody?: Buffer;
	query: IDataObject;
	params: IDataObject;
}

/**
 * Builds the request object the way n8n 2.8.4 prepares it for a version-1 trigger (webhook-helpers
 * `parseRequestBody` → middlewares `parseBody`): the raw bytes are read, then JSON and form bodies are
 * parsed by Content-Type, text/plain stays a string, anything else leaves `body` unset.
 * One difference, on purpose: for a broken body labelled application/json n8n itself answers 422 before the
 * trigger runs; here `body` stays unset so the trigger's own check of the raw bytes is exercised.
 */
export function requestAsN8nParses(
	raw: string,
	contentType?: string,
	method = 'POST',
	extraHeaders: Record<string, string> = {},
): FakeRequest {
	const rawBody = Buffer.from(raw, 'utf8');
	const headers: Record<string, string> = {
		...extraHeaders,
		'content-length': String(rawBody.length),
	};
	if (contentType) headers['content-type'] = contentType;
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	let body: unknown;
	if (rawBody.length && type === 'application/json') {
		try {
			body = JSON.parse(raw);
		} catch {
			body = undefined;
		}
	} else if (rawBody.length && type === 'application/x-www-form-urlencoded') {
		body = Object.fromEntries(new URLSearchParams(raw));
	} else if (rawBody.length && type === 'text/plain') {
		body = raw;
	}
	return { method, headers, body, rawBody, query: {}, params: {} };
}

/** Records what the trigger wrote to n8n's (express) response object. */
export class FakeResponse {
	statusCode = 200;

	headers: Record<string, string> = {};

	body: unknown = undefined;

	headersSent = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: unknown): this {
		this.body = body;
		this.headersSent = true;
		return this;
	}

	send(body: unknown): this {
		return this.json(body);
	}

	end(): this {
		this.headersSent = true;
		return this;
	}
}

/** What the sender gets back and whether a workflow run starts. */
export interface DeliveryOutcome {
	result: IWebhookResponseData;
	/** HTTP status and body the sender receives. */
	answer: { status: number; body: unknown; headers: Record<string, string> };
	/** The items the workflow starts with; undefined when nothing starts. */
	started?: IDataObject[];
	/** What the node wrote to n8n's log (captured, not printed). */
	logs: Array<{ level: LogLevel; message: string }>;
}

type LogLevel = 'error' | 'warn' | 'info';

/** Captures n8n's logger (the DI singleton every context hands out) for the duration of one call. */
async function capturingLogs<T>(
	logger: Record<LogLevel, (message: string) => void>,
	run: () => Promise<T>,
) {
	const logs: Array<{ level: LogLevel; message: string }> = [];
	const spies = (['error', 'warn', 'info'] as const).map((level) =>
		jest
			.spyOn(logger, level)
			.mockImplementation((message: string) => void logs.push({ level, message })),
	);
	try {
		return { value: await run(), logs };
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
}

let triggerCount = 0;

/**
 * One Coupontools Trigger in one workflow. `deliver` runs the node's webhook() inside n8n-core's real
 * WebhookContext (parameters, static data, credentials and HTTP helpers are n8n's own). Static data as n8n's
 * LiveWebhooks handles it: every call builds its own Workflow with a copy of the saved static data and saves
 * that copy after the call when it changed (the last writer wins), so concurrent calls never see each
 * other's changes. `saveStaticData: false` plays n8n 2.41, which does not save what webhook() changed.
 */
export function createTrigger(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** The workflow's ID; by default a new one per trigger (a separate workflow). */
	workflowId?: string;
	saveStaticData?: boolean;
}) {
	// Each trigger gets its own workflow ID: the trigger's in-memory duplicate check is kept per workflow
	// and node, so one test's events are not another's duplicates (as in a fresh n8n process).
	triggerCount += 1;
	const nodeType = new CoupontoolsTrigger();
	const node: INode = {
		id: 'trigger-node-1',
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'c0ff33-7e57-4b1d-9d1a-00000000e1e1',
		parameters: options.parameters,
		credentials: credentialReference(),
	};
	const workflowId = options.workflowId ?? `wf-trigger-${triggerCount}`;
	/** The workflow row's staticData column (JSON), as n8n's database holds it. */
	let saved = '{}';
	/** The Workflow n8n builds for one webhook call (LiveWebhooks.executeWebhook), from the saved static data. */
	function workflowOfCall() {
		return singleNodeWorkflow({
			node,
			nodeType,
			id: workflowId,
			name: 'Coupontools trigger test',
			active: true,
			staticData: JSON.parse(saved) as IDataObject,
		});
	}
	/** WorkflowStaticDataService.saveStaticData: writes only when n8n's change flag is set. */
	function saveAfterCall(workflow: ReturnType<typeof workflowOfCall>) {
		if (options.saveStaticData === false || workflow.staticData.__dataChanged !== true) return;
		workflow.staticData.__dataChanged = false;
		saved = JSON.stringify(workflow.staticData);
	}
	const workflow = workflowOfCall();
	const credentialsHelper = new TestCredentialsHelper({ coupontoolsApi: options.credentials });

	function additionalDataFor(
		request?: FakeRequest,
		response?: FakeResponse,
	): IWorkflowExecuteAdditionalData {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const additionalData = mock<any>({
			executionId: undefined,
			webhookBaseUrl: WEBHOOK_BASE_URL,
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			restApiUrl: 'http://127.0.0.1:5678/rest',
			variables: {},
			currentNodeParameters: undefined,
		});
		// Assigned after creation: objects given to mock() come back wrapped in its proxies, and an object
		// shared by every call (the credentials helper) would be wrapped once more on each call.
		additionalData.credentialsHelper = credentialsHelper;
		additionalData.httpRequest = request;
		additionalData.httpResponse = response;
		return additionalData as IWorkflowExecuteAdditionalData;
	}

	function webhookDataFor(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		const [description] = nodeType.description.webhooks ?? [];
		return {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
	}

	async function deliver(request: FakeRequest): Promise<DeliveryOutcome> {
		const response = new FakeResponse();
		const additionalData = additionalDataFor(request, response);
		const workflow = workflowOfCall();
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookDataFor(additionalData),
			[],
			null,
		);
		const { value: result, logs } = await capturingLogs(
			context.logger,
			async () => await nodeType.webhook.call(context),
		);
		saveAfterCall(workflow);
		const started = result.workflowData?.[0]?.map((item) => item.json);
		// n8n's onReceived answer: the node's own response when it set noWebhookResponse; otherwise 200 with
		// webhookResponse, because the description's responseData is empty (webhook-on-received-response-extractor).
		const answer = result.noWebhookResponse
			? { status: response.statusCode, body: response.body, headers: response.headers }
			: {
					status: 200,
					body: result.webhookResponse ?? { message: 'Workflow was started' },
					headers: {},
				};
		return { result, answer, started, logs };
	}

	/** Runs one lifecycle method the way n8n does on activation ('activate') or deactivation. */
	async function lifecycle(method: 'checkExists' | 'create' | 'delete') {
		const additionalData = additionalDataFor();
		const workflow = workflowOfCall();
		const context = new HookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			'activate',
			webhookDataFor(additionalData),
		);
		const outcome = await capturingLogs(
			context.logger,
			async () => await nodeType.webhookMethods.default[method].call(context),
		);
		// n8n saves the static data after (de)activating a workflow's webhooks.
		if (workflow.staticData.__dataChanged === true) {
			workflow.staticData.__dataChanged = false;
			saved = JSON.stringify(workflow.staticData);
		}
		return outcome;
	}

	return {
		deliver,
		lifecycle,
		workflow,
		node,
		/** The node's static data as saved in the database. */
		staticData: () => workflowOfCall().getStaticData('node', node),
		/** The workflow-level static data as saved in the database. */
		globalStaticData: () => workflowOfCall().getStaticData('global'),
	};
}
