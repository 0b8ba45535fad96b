import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
// Not re-exported by n8n-core's index: the service n8n's ActiveWorkflows polls through.
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { CoupontoolsPollTrigger } from '../../nodes/CoupontoolsPollTrigger/CoupontoolsPollTrigger.node';
import { TestCredentialsHelper } from './credentials';
import { credentialReference, singleNodeWorkflow } from './workflow';

/**
 * jest's fake Date for poll tests (the clock the trigger reads, set with jest.setSystemTime): every other
 * clock function stays real (HTTP, timeouts and the sandbox's timers need them), and the fake Date keeps
 * ticking in real time from wherever a test sets it.
 */
export const FAKE_DATE_ONLY = {
	advanceTimers: true,
	doNotFake: [
		'hrtime',
		'nextTick',
		'performance',
		'queueMicrotask',
		'requestAnimationFrame',
		'cancelAnimationFrame',
		'requestIdleCallback',
		'cancelIdleCallback',
		'setImmediate',
		'clearImmediate',
		'setInterval',
		'clearInterval',
		'setTimeout',
		'clearTimeout',
	] as Array<'hrtime'>,
};

export const POLL_TRIGGER_TYPE = 'n8n-nodes-coupontools.coupontoolsPollTrigger';
const POLL_TRIGGER_NAME = 'Coupontools Polling Trigger';

/** The service (no dependencies) n8n's ActiveWorkflows runs every poll through: it calls the node's poll(). */
const triggersAndPollers = new TriggersAndPollers();

/** What one poll did, as n8n would see it. */
export interface PollOutcome {
	/** The items of the execution the poll started; undefined when it started none (poll returned null). */
	emitted?: IDataObject[];
	/** The error n8n records as an error execution (a later poll) or shows as the activation error. */
	error?: Error & { description?: string | null; httpCode?: string | null };
	/**
	 * Errors the poll reported through `__emitError` while it still returned its items: n8n records each
	 * as an error execution and runs the error workflow (ActiveWorkflowManager.getExecutePollFunctions).
	 */
	reported?: Array<Error & { description?: string | null }>;
}

/**
 * One active workflow with the Coupontools Polling Trigger, run the way n8n 2.8.4 runs it
 * (n8n's ActiveWorkflowManager + n8n-core's ActiveWorkflows, read in the installed dist):
 * - `activate(mode)` builds the workflow from the saved static data (the database row), creates ONE
 *   PollContext for the activation, runs the activation poll through n8n-core's TriggersAndPollers, and
 *   then saves the static data if it changed (ActiveWorkflowManager.add does, even when the poll returned null);
 * - `poll()` is a cron tick on that same context: a non-null result is emitted and the static data saved
 *   (the poll `__emit`), a null result or an error saves nothing (an error becomes an error execution);
 * - `restart()` forgets everything in memory (n8n stopped) and activates again with mode "init";
 * - `manual()` is "Fetch Test Event": WorkflowExecute in manual mode, static data neither loaded nor saved.
 */
export function createPollTrigger(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	name?: string;
	/** The node version the workflow was saved with (1 by default). */
	typeVersion?: number;
	/** The workflow's Settings → Timezone (n8n's default, America/New_York, when not given). */
	timezone?: string;
}) {
	const nodeType = new CoupontoolsPollTrigger();
	const nodeName = options.name ?? POLL_TRIGGER_NAME;
	const node: INode = {
		id: 'poll-trigger-node-1',
		name: nodeName,
		type: POLL_TRIGGER_TYPE,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			...options.parameters,
		},
		credentials: credentialReference(),
	};
	const credentialsHelper = new TestCredentialsHelper({ coupontoolsApi: options.credentials });
	/** The workflow row's staticData column (JSON), as n8n's database holds it. */
	let saved = '{}';
	let saves = 0;
	let active: { workflow: Workflow; context: PollContext } | undefined;

	function newWorkflow(staticData: IDataObject, active: boolean): Workflow {
		return singleNodeWorkflow({
			node,
			nodeType,
			id: 'wf-poll',
			name: 'Coupontools polling test',
			active,
			staticData,
			timezone: options.timezone,
		});
	}

	function additionalData(hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return mock<any>({
			hooks,
			credentialsHelper,
			currentNodeParameters: undefined,
			executionId: undefined,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			variables: {},
		}) as IWorkflowExecuteAdditionalData;
	}

	/** WorkflowStaticDataService.saveStaticData: writes only when n8n's change flag is set. */
	function saveStaticData(workflow: Workflow) {
		if (workflow.staticData.__dataChanged === true) {
			saved = JSON.stringify(workflow.staticData);
			saves++;
			workflow.staticData.__dataChanged = false;
		}
	}

	/** What the active poll context's __emitError received, collected per poll. */
	let reported: NonNullable<PollOutcome['reported']> = [];
	const emitError = (error: Error) => void reported.push(error);

	async function runPoll(outcome: PollOutcome): Promise<void> {
		if (!active) throw new Error('the workflow is not active');
		const { workflow, context } = active;
		reported = [];
		let response: INodeExecutionData[][] | null;
		try {
			response = await triggersAndPollers.runPoll(workflow, node, context);
		} finally {
			if (reported.length) outcome.reported = reported;
		}
		if (response !== null) {
			// getExecutePollFunctions' __emit: save (not awaited in n8n), then start the execution.
			saveStaticData(workflow);
			outcome.emitted = (response[0] ?? []).map((item: INodeExecutionData) => item.json);
		}
	}

	async function activate(mode: WorkflowActivateMode = 'activate'): Promise<PollOutcome> {
		const workflow = newWorkflow(JSON.parse(saved) as IDataObject, true);
		const context = new PollContext(
			workflow,
			node,
			additionalData(),
			'trigger',
			mode,
			undefined,
			emitError,
		);
		active = { workflow, context };
		const outcome: PollOutcome = {};
		try {
			await runPoll(outcome);
		} catch (error) {
			// ActiveWorkflows.add: the activation poll's error fails the activation.
			active = undefined;
			outcome.error = error as PollOutcome['error'];
			return outcome;
		}
		saveStaticData(workflow);
		return outcome;
	}

	async function poll(): Promise<PollOutcome> {
		const outcome: PollOutcome = {};
		try {
			await runPoll(outcome);
		} catch (error) {
			// createPollExecuteFn: __emitError, an error execution; polling goes on, nothing is saved.
			outcome.error = error as PollOutcome['error'];
		}
		return outcome;
	}

	async function restart(): Promise<PollOutcome> {
		active = undefined;
		return await activate('init');
	}

	function deactivate() {
		// ActiveWorkflowManager.remove saves the static data of the running workflow.
		if (active) saveStaticData(active.workflow);
		active = undefined;
	}

	async function manual(): Promise<PollOutcome> {
		const workflow = newWorkflow({}, false);
		const hooks = new ExecutionLifecycleHooks('manual', 'exec-poll-manual', {
			id: 'wf-poll',
			name: 'Coupontools polling test',
			nodes: [node],
			connections: {},
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		const run = await new WorkflowExecute(
			additionalData(hooks),
			'manual',
			runExecutionData,
		).processRunExecutionData(workflow);
		const taskData = run.data.resultData.runData[nodeName]?.[0];
		const error = (taskData?.error ?? run.data.resultData.error) as PollOutcome['error'];
		const items = taskData?.data?.main?.[0] as INodeExecutionData[] | undefined;
		return { error, emitted: items?.map((item) => item.json) };
	}

	return {
		activate,
		poll,
		restart,
		deactivate,
		manual,
		node,
		/** The static data as saved in the database (parsed), under n8n's key for the node. */
		savedNodeData: () =>
			((JSON.parse(saved) as IDataObject)[`node:${nodeName}`] ?? {}) as IDataObject,
		savedJson: () => saved,
		saves: () => saves,
		/** The live (in-memory) node static data of the active workflow. */
		liveNodeData: () => active?.workflow.getStaticData('node', node),
		setParameters(parameters: INodeParameters) {
			node.parameters = { ...node.parameters, ...parameters };
		},
	};
}
