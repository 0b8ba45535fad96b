// @ts-check
'use strict';
/**
 * The "harness" workflows of the end-to-end suite: one per resource, each a production Webhook
 * (Respond: last node, all entries) → one Coupontools node with fixed parameters or parameters taken
 * from the webhook body. They are imported into the real n8n together with the examples in examples/.
 */

const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIAL, REPO_ROOT } = require('../../../scripts/lib/stack');

/** The example workflows, by what the tests call them. Ids and paths are read from the files. */
const EXAMPLES = {
	crm: path.join(REPO_ROOT, 'examples', 'crm-event-to-coupon-email.json'),
	batch: path.join(REPO_ROOT, 'examples', 'scheduled-batch-coupons.json'),
	redemption: path.join(REPO_ROOT, 'examples', 'redemption-feed.json'),
};
/** The AI agent example: not in EXAMPLES (imported at setup) because it needs the test's model server. */
const AGENT_EXAMPLE = path.join(REPO_ROOT, 'examples', 'ai-agent-coupon-from-chat.json');

/** @param {string} value  a resource locator typed "By ID" (expressions allowed) */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * One operation per resource. `nodes` is the chain after the webhook: usually one node; Coupon
 * Session updates and then reads the session back, so the change is seen through the API.
 * @type {Record<string, { operation: string, parameters: Record<string, unknown>, then?: { operation: string, parameters: Record<string, unknown> } }>}
 */
const HARNESS = {
	campaign: {
		operation: 'get',
		parameters: { campaign: byId('={{ $json.body.campaign }}'), showUsageStats: true },
	},
	couponSession: {
		operation: 'update',
		parameters: {
			couponsession: '={{ $json.body.session }}',
			sessionAction: 'validated',
			value: '={{ $json.body.value }}',
		},
		then: {
			operation: 'get',
			parameters: { couponsession: "={{ $('Webhook').item.json.body.session }}" },
		},
	},
	distribution: {
		operation: 'sendSms',
		parameters: {
			campaignOrDirectory: byId('cam_1002'),
			phone: '={{ $json.body.phone }}',
			text: 'Your free coffee:',
		},
	},
	singleUse: {
		operation: 'create',
		parameters: {
			campaign: byId('cam_1004'),
			singleUseFields: {
				email: '={{ $json.body.email }}',
				customid: '={{ $json.body.customId }}',
				duplicateCheck: true,
			},
		},
	},
	subaccount: { operation: 'getAll', parameters: { returnAll: true } },
	// The v3 card, then its users through the v4 REST list (x-api-key pair, query-string paging).
	loyaltyCard: {
		operation: 'get',
		parameters: { loyaltyCard: byId('6001') },
		then: {
			operation: 'getManyUsers',
			parameters: { loyaltyCardId: byId('={{ $json.ID }}'), loyaltyCardUsersReturnAll: true },
		},
	},
	directory: {
		operation: 'blockUser',
		parameters: {
			directoryId: byId('={{ $json.body.directory }}'),
			userId: '={{ $json.body.user }}',
		},
	},
	category: { operation: 'getAll', parameters: { returnAll: true } },
	smsGroup: { operation: 'create', parameters: { groupName: '={{ $json.body.name }}' } },
	emailGroup: {
		operation: 'getContacts',
		parameters: { emailGroup: byId('gro_4501'), returnAll: true },
	},
	account: {
		operation: 'teammateSingleSignOn',
		parameters: { teammate: '={{ $json.body.teammate }}' },
	},
	webhookEvent: {
		operation: 'verify',
		parameters: { webhook: '={{ $json.body.event }}', session: '={{ $json.body.session }}' },
	},
};

/** @param {string} resource */
const harnessId = (resource) => `e2e${resource[0].toUpperCase()}${resource.slice(1)}`;
/** @param {string} resource */
const harnessPath = (resource) => `e2e-${resource.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * @param {string} resource
 * @param {number} n  only to make node ids unique
 */
function harnessWorkflow(resource, n) {
	const spec = HARNESS[resource];
	const uuid = (/** @type {number} */ k) =>
		`e2e00000-0000-4000-8000-${String(n).padStart(6, '0')}${String(k).padStart(6, '0')}`;
	const coupontools = (
		/** @type {string} */ name,
		/** @type {string} */ operation,
		/** @type {Record<string, unknown>} */ parameters,
		/** @type {number} */ k,
	) => ({
		id: uuid(k),
		name,
		type: 'n8n-nodes-coupontools.coupontools',
		typeVersion: 1,
		position: [260 * k, 0],
		parameters: { resource, operation, ...parameters },
		credentials: { coupontoolsApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
	});
	const nodes = [
		{
			id: uuid(0),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: uuid(9),
			parameters: {
				httpMethod: 'POST',
				path: harnessPath(resource),
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		},
		coupontools('Coupontools', spec.operation, spec.parameters, 1),
	];
	/** @type {Record<string, unknown>} */
	const connections = { Webhook: { main: [[{ node: 'Coupontools', type: 'main', index: 0 }]] } };
	if (spec.then) {
		nodes.push(
			coupontools('Coupontools (read back)', spec.then.operation, spec.then.parameters, 2),
		);
		connections.Coupontools = {
			main: [[{ node: 'Coupontools (read back)', type: 'main', index: 0 }]],
		};
	}
	return {
		id: harnessId(resource),
		name: `e2e harness: ${resource}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** @param {string} file */
function readWorkflow(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The AI agent example (examples/ai-agent-coupon-from-chat.json) made callable by a test: its Chat
 * Trigger turned public in "Embedded Chat" mode with the answer sent when the last node finishes, so
 * `POST /webhook/<webhookId>/chat` with `{ action: 'sendMessage', sessionId, chatInput }` runs it and
 * answers with the agent's output (the example ships private: only the editor's chat reaches it, and
 * a public URL anyone can call must not send coupons). Everything else is the example as it ships,
 * apart from the AI Agent's version and the OpenAI credential (pointing at test/e2e/lib/modelServer.js).
 * @param {{ name: string, webhookId: string, agentVersion: number, openAiCredential: { id: string, name: string }, edit?: (workflow: any) => void }} spec
 */
function agentWorkflow({ name, webhookId, agentVersion, openAiCredential, edit }) {
	const workflow = readWorkflow(AGENT_EXAMPLE);
	const node = (/** @type {string} */ type) => {
		const found = workflow.nodes.find((/** @type {{ type: string }} */ n) => n.type === type);
		if (!found) throw new Error(`${AGENT_EXAMPLE} has no ${type} node`);
		return found;
	};
	const trigger = node('@n8n/n8n-nodes-langchain.chatTrigger');
	trigger.webhookId = webhookId;
	trigger.parameters = {
		...trigger.parameters,
		public: true,
		mode: 'webhook',
		options: { ...trigger.parameters.options, responseMode: 'lastNode' },
	};
	node('@n8n/n8n-nodes-langchain.agent').typeVersion = agentVersion;
	node('@n8n/n8n-nodes-langchain.lmChatOpenAi').credentials = { openAiApi: openAiCredential };
	edit?.(workflow);
	// The public API creates workflows from these fields only (it gives the id).
	return {
		name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: workflow.settings,
	};
}

/**
 * The production webhook paths a workflow registers when active: a Webhook node's own path, or
 * `<webhookId>/<path>` for other nodes with a webhookId (the Coupontools Trigger's path is "webhook").
 * @param {{ nodes: Array<{ type: string, webhookId?: string, parameters: Record<string, unknown> }> }} workflow
 */
function webhookPathsOf(workflow) {
	return workflow.nodes
		.filter((node) => node.webhookId)
		.map((node) =>
			node.type === 'n8n-nodes-base.webhook'
				? String(node.parameters.path)
				: `${node.webhookId}/webhook`,
		);
}

/**
 * Writes every workflow of the suite into one import file (one `import:workflow` call: each CLI call
 * is a full n8n boot of ~5 s) and says which ones to activate.
 * @param {string} dir
 */
function writeSuiteWorkflows(dir) {
	const examples = Object.values(EXAMPLES).map(readWorkflow);
	const harness = Object.keys(HARNESS).map((resource, n) => harnessWorkflow(resource, n));
	const file = path.join(dir, 'e2e-workflows.json');
	fs.writeFileSync(file, JSON.stringify([...examples, ...harness]));
	const active = [readWorkflow(EXAMPLES.crm), readWorkflow(EXAMPLES.redemption), ...harness];
	return { file, activate: active.map((w) => w.id), webhookPaths: active.flatMap(webhookPathsOf) };
}

module.exports = {
	EXAMPLES,
	AGENT_EXAMPLE,
	HARNESS,
	harnessId,
	harnessPath,
	readWorkflow,
	agentWorkflow,
	webhookPathsOf,
	writeSuiteWorkflows,
};
