import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';
import { TestCredentialsHelper } from './credentials';

export const NODE_TYPE = 'n8n-nodes-coupontools.coupontools';
export const NODE_NAME = 'Coupontools';

class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(name: string): INodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[name], version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunOptions {
	/** The node's parameters as the editor would save them. */
	parameters: INodeParameters;
	/** Input items (json only); one empty item by default. */
	items?: IDataObject[];
	/** Decrypted `coupontoolsApi` credential; the sandbox's by default. */
	credentials: ICredentialDataDecryptedObject;
	/** n8n's "On Error" setting: continueRegularOutput is "Continue", continueErrorOutput is "Continue (using error output)". */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	nodeType?: INodeType;
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
 * Runs one Coupontools node through n8n-core's real WorkflowExecute, the same engine path the server
 * uses (WorkflowExecute.runNode → RoutingNode), with the credential applied by the credential type.
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeType = options.nodeType ?? new Coupontools();
	const node: INode = {
		id: 'coupontools-node-1',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { coupontoolsApi: { id: 'cred-1', name: 'Coupontools account' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'Coupontools test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [NODE_TYPE]: nodeType }),
		staticData: {},
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', {
		id: 'wf-test',
		name: 'Coupontools test',
		nodes: [node],
		connections: {},
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

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = taskData?.data?.main ?? [];
	return {
		items: (outputs[0] ?? []) as INodeExecutionData[],
		errorItems: (outputs[1] ?? []) as INodeExecutionData[],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		run,
	};
}
