import { mock } from 'jest-mock-extended';
import { DirectoryLoader, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';
import { TestCredentialsHelper } from './credentials';
import { credentialReference, NodeTypes } from './workflow';

export const NODE_TYPE = 'n8n-nodes-coupontools.coupontools';
export const NODE_NAME = 'Coupontools';
const START_TYPE = 'test.start';
const START_NAME = 'Start';

/** Stands for whatever feeds the node in a workflow (a trigger, a sheet): it outputs the test's input items. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Outputs the input items of the test',
		defaults: { name: START_NAME },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [startItems.get(this.getNode().id) ?? []];
	}
}
let runCounter = 0;
/** Items per Start node id (execute runs with n8n's context as `this`, not the class instance). */
const startItems = new Map<string, INodeExecutionData[]>();

export interface RunOptions {
	/** The node's parameters as the editor would save them. */
	parameters: INodeParameters;
	/** Input items (json only); one empty item by default. */
	items?: IDataObject[];
	/** Decrypted `coupontoolsApi` credential; the sandbox's by default. */
	credentials: ICredentialDataDecryptedObject;
	/** n8n's "On Error" setting: continueRegularOutput is "Continue", continueErrorOutput is "Continue (using error output)". */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** n8n's node setting "Retry On Fail" (with its tries and wait). */
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	nodeType?: INodeType;
	/** The node version the workflow was saved with; 1 unless a test asks (the operation tables are written for 1). */
	typeVersion?: number;
	/** The node's type name; `n8n-nodes-coupontools.coupontoolsTool` runs it as an AI agent's tool. */
	typeName?: string;
	/** The workflow's Settings → Timezone (n8n's default, America/New_York, when not given). */
	timezone?: string;
	/** Called once the execution has started, with what n8n calls when a user cancels it. */
	started?: (cancel: () => void) => void;
}

export interface RunResult {
	/** Items on the main output. */
	items: INodeExecutionData[];
	/** Items on the error output (onError: continueErrorOutput). */
	errorItems: INodeExecutionData[];
	/** The node error when the run stopped. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

/**
 * The Coupontools node as n8n's server runs it: its NodeTypes gives a declarative node an execute() that
 * runs RoutingNode with the node's execution context (n8n's packages/cli/src/node-types.ts), which carries
 * the execution's cancel signal. Without it, WorkflowExecute runs the node through its path for
 * declarative nodes in tests, without that signal.
 */
export function asTheServerRunsIt(nodeType: INodeType = new Coupontools()): INodeType {
	nodeType.execute = async function (this: IExecuteFunctions) {
		const context = this as unknown as ConstructorParameters<typeof RoutingNode>[0];
		return (await new RoutingNode(context, nodeType).runNode()) ?? [];
	};
	return nodeType;
}

/**
 * Runs one Coupontools node through n8n-core's real WorkflowExecute, the same engine path the server
 * uses (WorkflowExecute.runNode → RoutingNode), with the credential applied by the credential type.
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeType = options.nodeType ?? new Coupontools();
	// What n8n's loader does to every declarative node: add the "Request Options" (timeout, batching, proxy).
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	// Like a Code node fed by a trigger: every item is paired to the one trigger item.
	const items = (options.items ?? [{}]).map((json) => ({ json, pairedItem: { item: 0 } }));
	const runId = `start-${++runCounter}`;
	startItems.set(runId, items);
	const start: INode = {
		id: runId,
		name: START_NAME,
		type: START_TYPE,
		typeVersion: 1,
		position: [-200, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'coupontools-node-1',
		name: NODE_NAME,
		type: options.typeName ?? NODE_TYPE,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: credentialReference(),
		...(options.onError ? { onError: options.onError } : {}),
		...(options.retryOnFail ? { retryOnFail: true, ...options.retryOnFail } : {}),
	};
	const connections = {
		[START_NAME]: { main: [[{ node: NODE_NAME, type: 'main' as const, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'Coupontools test',
		nodes: [start, node],
		connections,
		active: false,
		nodeTypes: new NodeTypes({ [node.type]: nodeType, [START_TYPE]: new StartNode() }),
		staticData: {},
		settings: options.timezone ? { timezone: options.timezone } : {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', {
		id: 'wf-test',
		name: 'Coupontools test',
		nodes: [start, node],
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const additionalData = mock<any>({
		hooks,
		credentialsHelper: new TestCredentialsHelper({ coupontoolsApi: options.credentials }),
		currentNodeParameters: undefined,
		executionId: 'exec-test',
		restApiUrl: 'http://127.0.0.1/rest',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		variables: {},
	}) as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	options.started?.(() => execution.cancel());
	const run = await execution;
	startItems.delete(runId);

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = taskData?.data?.main ?? [];
	return {
		items: (outputs[0] ?? []) as INodeExecutionData[],
		errorItems: (outputs[1] ?? []) as INodeExecutionData[],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		run,
	};
}
