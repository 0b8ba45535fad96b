// @ts-check
'use strict';
/**
 * The workflows the benchmarks import into n8n. Each starts from a production webhook so that one
 * running n8n serves every run, and each comparison's two sides differ only in the node measured.
 */

const CREDENTIAL = { coupontoolsApi: { id: 'coupontoolsSandbox1', name: 'Coupontools (sandbox)' } };
const SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'all',
	saveDataErrorExecution: 'all',
};
/** The sandbox's own values (test/sandbox/README.md), never a real account's. */
const SANDBOX_KEYS = { clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret' };
const CAMPAIGN = 'cam_1005';

/** Node names the suites read from the execution data. */
const NAMES = {
	webhook: 'Webhook',
	items: 'Make items',
	send: 'Send',
	list: 'Get sessions',
	trigger: 'Coupontools Trigger',
};

/** @param {string} id @param {string} name @param {any[]} nodes */
function workflow(id, name, nodes) {
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: SETTINGS, pinData: {} };
}

/** @param {string} id @param {string} path @param {Record<string, unknown>} [params] */
function webhookNode(id, path, params = {}) {
	return {
		id: `${id}-hook`,
		name: NAMES.webhook,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuidFor(id),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'noData',
			options: {},
			...params,
		},
	};
}

/** Deterministic UUID-shaped webhook ids (n8n wants one per webhook node). @param {string} seed */
function uuidFor(seed) {
	let h = 0x811c9dc5;
	const hex = [];
	for (let round = 0; round < 4; round++) {
		for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
		hex.push(h.toString(16).padStart(8, '0'));
	}
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/** N distinct recipients, N and a run tag taken from the webhook body: every item really sends. */
const MAKE_ITEMS = `const { n, run } = $('${NAMES.webhook}').first().json.body;
const out = [];
for (let i = 0; i < n; i++) out.push({ json: { email: \`bench-\${run}-\${i}@example.com\`, firstname: 'Bench' } });
return out;`;

/** @param {string} id */
function codeNode(id) {
	return {
		id: `${id}-code`,
		name: NAMES.items,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: { jsCode: MAKE_ITEMS },
	};
}

/** Send Email with our node: same body as the HTTP Request side (check_unique false, so every address sends). */
function sendWithCoupontools() {
	const id = 'benchSendOurs0001';
	return workflow(id, 'Bench: Send Email, Coupontools node', [
		webhookNode(id, 'bench-send-ours'),
		codeNode(id),
		{
			id: `${id}-send`,
			name: NAMES.send,
			type: 'n8n-nodes-coupontools.coupontools',
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				resource: 'distribution',
				operation: 'sendEmail',
				campaignOrDirectory: { __rl: true, mode: 'id', value: CAMPAIGN },
				email: '={{ $json.email }}',
				checkUnique: false,
				additionalFields: { firstname: '={{ $json.firstname }}' },
			},
			credentials: CREDENTIAL,
		},
	]);
}

/**
 * The same calls with n8n's HTTP Request node: POST /v3/send/email, the same JSON body, the two auth headers.
 * `credential`: the headers come from the Coupontools credential ("Predefined Credential Type"), as a user
 * who keeps secrets in credentials would set it up; otherwise they are typed into the node as plain headers.
 * @param {string} sandboxUrl @param {boolean} credential
 */
function sendWithHttpRequest(sandboxUrl, credential) {
	const id = credential ? 'benchSendHttpCred' : 'benchSendHttp0001';
	const headers = [{ name: 'Accept', value: 'application/json' }];
	if (!credential)
		headers.unshift(
			{ name: 'X-Client-Id', value: SANDBOX_KEYS.clientId },
			{ name: 'X-Client-Secret', value: SANDBOX_KEYS.clientSecret },
		);
	const send = {
		id: `${id}-send`,
		name: NAMES.send,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [440, 0],
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/v3/send/email`,
			...(credential
				? { authentication: 'predefinedCredentialType', nodeCredentialType: 'coupontoolsApi' }
				: {}),
			sendHeaders: true,
			headerParameters: { parameters: headers },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={ "campaign": "${CAMPAIGN}", "email": "{{ $json.email }}", "check_unique": false, "firstname": "{{ $json.firstname }}" }`,
			options: {},
		},
		...(credential ? { credentials: CREDENTIAL } : {}),
	};
	return workflow(
		id,
		`Bench: Send Email, HTTP Request node (${credential ? 'credential' : 'plain headers'})`,
		[webhookNode(id, credential ? 'bench-send-http-cred' : 'bench-send-http'), codeNode(id), send],
	);
}

/** Campaign → Get Usage Data → All sessions with Return All (20 pages of 5,000 for 100,000). */
function returnAllSessions() {
	const id = 'benchReturnAll001';
	return workflow(id, 'Bench: Return All coupon sessions', [
		webhookNode(id, 'bench-return-all'),
		{
			id: `${id}-list`,
			name: NAMES.list,
			type: 'n8n-nodes-coupontools.coupontools',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'campaign',
				operation: 'getUsageData',
				campaign: { __rl: true, mode: 'id', value: '={{ $json.body.campaign }}' },
				sessions: 'all',
				returnAll: true,
			},
			credentials: CREDENTIAL,
		},
	]);
}

/** n8n's own Webhook node alone, answering at once (its default). */
function plainWebhook() {
	const id = 'benchHookPlain001';
	return workflow(id, 'Bench: Webhook node', [
		webhookNode(id, 'bench-hook', { responseMode: 'onReceived', responseData: undefined }),
	]);
}

/** Coupontools Trigger alone, verifying each event with the sandbox (or not). @param {boolean} verify */
function coupontoolsTrigger(verify) {
	const id = verify ? 'benchTrigVerify01' : 'benchTrigNoVerif1';
	return workflow(id, `Bench: Coupontools Trigger, verification ${verify ? 'on' : 'off'}`, [
		{
			id: `${id}-trigger`,
			name: NAMES.trigger,
			type: 'n8n-nodes-coupontools.coupontoolsTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: uuidFor(id),
			parameters: { events: ['*'], options: verify ? {} : { verify: false } },
			credentials: CREDENTIAL,
		},
	]);
}

/** @param {any} wf */
const triggerPath = (wf) => `${wf.nodes[0].webhookId}/webhook`;

/** @param {string} sandboxUrl */
function allWorkflows(sandboxUrl) {
	const wfs = {
		sendOurs: sendWithCoupontools(),
		sendHttpCred: sendWithHttpRequest(sandboxUrl, true),
		sendHttp: sendWithHttpRequest(sandboxUrl, false),
		returnAll: returnAllSessions(),
		hook: plainWebhook(),
		triggerVerify: coupontoolsTrigger(true),
		triggerNoVerify: coupontoolsTrigger(false),
	};
	return wfs;
}

module.exports = { allWorkflows, triggerPath, NAMES, CAMPAIGN, SANDBOX_KEYS };
