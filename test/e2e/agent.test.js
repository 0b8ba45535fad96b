// @ts-check
'use strict';
/**
 * Coupontools as an AI Agent tool in a real n8n (issue 14), through the AI agent example
 * (examples/ai-agent-coupon-from-chat.json): Chat Trigger → AI Agent with the OpenAI Chat Model and
 * two Coupontools tools ("List Campaigns", "Send Coupon Email" with $fromAI parameters, the campaign
 * as a resource locator in ID mode). The model is test/e2e/lib/modelServer.js, reached through the
 * OpenAI credential's Base URL: it records what n8n offered and sent it, and answers with scripted
 * tool calls. The sandbox says what Coupontools received.
 *
 * The agent runs at the editor's default version (3.1) and at 2.2, whose tool calls take another path
 * through n8n (the limits are in the README's "Use with AI agents").
 */

const { e2eContext, waitFor, http } = require('./lib/context');
const { webhookRegistered } = require('./lib/webhooks');
const { agentWorkflow, AGENT_EXAMPLE, readWorkflow } = require('./lib/workflows');
const { startModelServer } = require('./lib/modelServer');

const ctx = e2eContext();
const example = readWorkflow(AGENT_EXAMPLE);

/** The AI Agent versions under test: the editor's default, and the last of the previous major. */
const ALL_AGENTS = {
	v3: { version: 3.1, webhookId: 'a9e7c0de-0000-4000-8000-000000000031' },
	v2: { version: 2.2, webhookId: 'a9e7c0de-0000-4000-8000-000000000022' },
};
/** n8n 1.x has no AI Agent 3 (activating one fails): there the agent runs at 2.2 only. */
const AGENTS = /** @type {Partial<typeof ALL_AGENTS>} */ (
	ctx.line.startsWith('1.') ? { v2: ALL_AGENTS.v2 } : ALL_AGENTS
);
/** The newest agent this line has, for the tests that run one agent. */
const NEWEST = AGENTS.v3 ? 'v3' : 'v2';
/** n8n's tool names: the canvas node names with every other character replaced by "_". */
const LIST = 'List_Campaigns';
const SEND = 'Send_Coupon_Email';

/** @type {import('./lib/modelServer').ModelServer} */
let model;
/** @type {Record<keyof typeof AGENTS, string>} */
const workflowIds = /** @type {any} */ ({});
/** @type {string | undefined} */
let credentialId;

/** @param {string} method @param {string} route @param {unknown} [body] */
async function api(method, route, body) {
	const res = await http(`${ctx.baseUrl}/api/v1${route}`, {
		method,
		body,
		headers: { 'x-n8n-api-key': ctx.owner.apiKey },
	});
	if (res.status >= 300)
		throw new Error(`${method} ${route}: HTTP ${res.status} ${res.text.slice(0, 400)}`);
	return res.json;
}

/**
 * The chat's production URL answers a CORS preflight with POST once n8n registered it (2.41
 * registers webhooks a moment after the activation call returns).
 * @param {string} webhookId
 */
async function waitForChatUrl(webhookId) {
	await waitFor(
		() => webhookRegistered(ctx.baseUrl, `${webhookId}/chat`),
		`the chat URL of webhook ${webhookId}`,
		{ timeoutMs: 60_000 },
	);
}

/**
 * Sends one chat message as the embedded chat widget does; resolves n8n's answer and the execution.
 * @param {keyof typeof AGENTS} agent
 * @param {string} chatInput
 */
async function chat(agent, chatInput) {
	const before = (await ctx.executions(workflowIds[agent])).length;
	const { webhookId } = /** @type {NonNullable<(typeof AGENTS)[typeof agent]>} */ (AGENTS[agent]);
	const res = await http(`${ctx.baseUrl}/webhook/${webhookId}/chat`, {
		method: 'POST',
		body: { action: 'sendMessage', sessionId: `session-${Date.now()}`, chatInput },
	});
	const executions = await waitFor(async () => {
		const all = await ctx.executions(workflowIds[agent]);
		return all.length > before && all[0].finished !== undefined && all[0].stoppedAt
			? all
			: undefined;
	}, `the execution of "${chatInput}"`);
	return { res, execution: executions[0] };
}

/** Every send the sandbox received, as `{ campaign, email, check_unique[, firstname] }`. */
async function emailSends() {
	return (await ctx.sandbox.requests())
		.filter((r) => r.path === '/v3/send/email')
		.map((r) => ({
			campaign: r.body.campaign,
			email: r.body.email,
			check_unique: r.body.check_unique,
			...('firstname' in r.body ? { firstname: r.body.firstname } : {}),
		}));
}

/** What a tool result says, as the model got it (n8n sends JSON text; parsed when it is JSON). */
function parsed(/** @type {string} */ content) {
	try {
		return JSON.parse(content);
	} catch {
		return content;
	}
}

/** @param {import('./lib/modelServer').ModelCall} call */
const lastToolResult = (call) => {
	const results = model.toolResults(call);
	return results[results.length - 1]?.content ?? '';
};

beforeAll(async () => {
	model = await startModelServer();
	const credential = await api('POST', '/credentials', {
		name: 'Scripted model (test)',
		type: 'openAiApi',
		// Not a secret: the model server accepts any key.
		data: { apiKey: 'sk-test-model-server', url: model.url, header: false },
	});
	credentialId = credential.id;
	for (const [agent, { version, webhookId }] of Object.entries(AGENTS)) {
		const created = await api(
			'POST',
			'/workflows',
			agentWorkflow({
				name: `e2e agent ${version}`,
				webhookId,
				agentVersion: version,
				openAiCredential: { id: credential.id, name: credential.name },
			}),
		);
		workflowIds[/** @type {keyof typeof AGENTS} */ (agent)] = created.id;
		await api('POST', `/workflows/${created.id}/activate`);
		await waitForChatUrl(webhookId);
	}
});

afterAll(async () => {
	for (const id of Object.values(workflowIds)) {
		await api('POST', `/workflows/${id}/deactivate`).catch(() => undefined);
		await api('DELETE', `/workflows/${id}`).catch(() => undefined);
	}
	if (credentialId) await api('DELETE', `/credentials/${credentialId}`).catch(() => undefined);
	await model?.close();
});

beforeEach(async () => {
	await ctx.sandbox.reset();
});

describe(`AI Agent with Coupontools tools on n8n ${ctx.line}`, () => {
	test('the example ships private, with the agent at the editor default and both tools on the agent', () => {
		const byName = Object.fromEntries(example.nodes.map((/** @type {any} */ n) => [n.name, n]));
		expect(byName['When chat message received'].parameters.public ?? false).toBe(false);
		expect(byName['AI Agent'].typeVersion).toBe(3.1);
		expect(byName['List Campaigns'].type).toBe('n8n-nodes-coupontools.coupontoolsTool');
		expect(byName['Send Coupon Email'].parameters.checkUnique).toBe(true);
		expect(example.connections['Send Coupon Email'].ai_tool[0][0].node).toBe('AI Agent');
	});

	test.each(Object.entries(AGENTS))(
		'(1) AI Agent %s lists the campaigns, picks "Free Coffee" by name and sends it once to the address in the message',
		async (agentKey) => {
			model.script([
				{ toolCalls: [{ name: LIST, args: {} }] },
				(call) => {
					// The "model" reads the list it got back and finds the campaign by its name.
					const list = parsed(lastToolResult(call));
					const campaigns = Array.isArray(list) ? list : [list];
					const coffee = campaigns.find((c) => c?.name === 'Free Coffee');
					if (!coffee)
						throw new Error(`no "Free Coffee" in the tool result: ${lastToolResult(call)}`);
					return {
						toolCalls: [
							{
								name: SEND,
								args: { campaign_id: coffee.ID, email: 'lena@example.com', first_name: 'Lena' },
							},
						],
					};
				},
				(call) => ({ content: `Done: ${lastToolResult(call)}` }),
			]);

			const { res, execution } = await chat(
				/** @type {keyof typeof AGENTS} */ (agentKey),
				'Please send the Free Coffee coupon to lena@example.com',
			);

			expect(model.mistakes()).toEqual([]);
			expect(model.remaining()).toBe(0);
			expect(execution.status).toBe('success');
			expect(res.status).toBe(200);
			expect(res.json.output).toMatch(/^Done: /);

			// What n8n offered the model: two tools, described from the operations' action texts, and the
			// $fromAI parameters as a JSON schema (first_name has a default, so it is optional).
			const [first] = model.calls;
			expect(first.messages.find((m) => m.role === 'user')?.content).toContain('lena@example.com');
			const tools = Object.fromEntries(first.tools.map((t) => [t.name, t]));
			expect(Object.keys(tools).sort()).toEqual([LIST, SEND]);
			expect(tools[LIST].description).toBe('Get many campaigns in Coupontools');
			expect(tools[SEND].description).toBe('Send a coupon by email in Coupontools');
			// No $fromAI on List Campaigns: the model calls it without arguments.
			expect(tools[LIST].parameters).toMatchObject({ type: 'object', properties: {} });
			expect(tools[SEND].parameters).toMatchObject({
				type: 'object',
				properties: {
					campaign_id: { type: 'string', description: expect.stringContaining('cam_') },
					email: { type: 'string', description: expect.stringMatching(/email address/i) },
					first_name: { type: 'string', default: '' },
				},
				required: expect.arrayContaining(['campaign_id', 'email']),
			});
			expect(tools[SEND].parameters.required).not.toContain('first_name');

			// The list came back as records the model can read names and IDs from.
			const list = parsed(model.toolResults(model.calls[1])[0].content);
			expect(list).toEqual(
				expect.arrayContaining([expect.objectContaining({ ID: 'cam_1002', name: 'Free Coffee' })]),
			);
			// The send's result reached the model.
			expect(parsed(lastToolResult(model.calls[2]))).toEqual(
				expect.arrayContaining([
					expect.objectContaining({
						sent: true,
						receiver: 'lena@example.com',
						campaign: 'cam_1002',
					}),
				]),
			);

			expect(await emailSends()).toEqual([
				{ campaign: 'cam_1002', email: 'lena@example.com', check_unique: true, firstname: 'Lena' },
			]);
			const { emailsSent } = await ctx.sandbox.state();
			expect(Object.keys(emailsSent)).toEqual(['lena@example.com']);
			expect(emailsSent['lena@example.com']).toHaveLength(1);
		},
	);

	test('(3) the model calls Send Coupon Email twice for the same person: one coupon, the second call reports a skip', async () => {
		const send = { name: SEND, args: { campaign_id: 'cam_1002', email: 'max@example.com' } };
		model.script([
			{ toolCalls: [send] },
			{ toolCalls: [send] },
			(call) => ({ content: `Second answer: ${lastToolResult(call)}` }),
		]);

		const { execution } = await chat(NEWEST, 'Send the Free Coffee coupon to max@example.com');

		expect(model.mistakes()).toEqual([]);
		expect(execution.status).toBe('success');
		expect(parsed(lastToolResult(model.calls[1]))).toEqual([
			expect.objectContaining({ sent: true, receiver: 'max@example.com' }),
		]);
		expect(parsed(lastToolResult(model.calls[2]))).toEqual([
			expect.objectContaining({ sent: false, skipped: true }),
		]);
		// first_name left out by the model: its default ('') is not sent.
		expect(await emailSends()).toEqual([
			{ campaign: 'cam_1002', email: 'max@example.com', check_unique: true },
			{ campaign: 'cam_1002', email: 'max@example.com', check_unique: true },
		]);
		const { emailsSent } = await ctx.sandbox.state();
		expect(emailsSent['max@example.com']).toHaveLength(1);
	});

	describe.each(Object.entries(AGENTS))(
		'(2) errors reach the model as the tool result, agent %s',
		(agentKey, { version }) => {
			const agent = /** @type {keyof typeof AGENTS} */ (agentKey);

			test(`an unknown campaign: the model reads Coupontools' reason and the run ends well (AI Agent ${version})`, async () => {
				model.script([
					{
						toolCalls: [
							{ name: SEND, args: { campaign_id: 'cam_9999', email: 'lena@example.com' } },
						],
					},
					(call) => ({ content: `Sorry, that failed: ${lastToolResult(call)}` }),
				]);

				const { res, execution } = await chat(
					agent,
					'Send the Spring Deal coupon to lena@example.com',
				);

				expect(model.mistakes()).toEqual([]);
				expect(model.calls).toHaveLength(2);
				const toolResult = lastToolResult(model.calls[1]);
				expect(toolResult).toMatch(/Campaign ID not found/);
				expect(toolResult).toMatch(/502/);
				expect(execution.status).toBe('success');
				expect(res.status).toBe(200);
				expect(res.json.output).toMatch(/Campaign ID not found/);
				expect(await emailSends()).toEqual([
					{ campaign: 'cam_9999', email: 'lena@example.com', check_unique: true },
				]);
			});

			test(`a value the node rejects before sending names the parameter to fix (AI Agent ${version})`, async () => {
				model.script([
					{
						toolCalls: [
							{ name: SEND, args: { campaign_id: 'Free Coffee', email: 'lena@example.com' } },
						],
					},
					(call) => ({ content: `Sorry: ${lastToolResult(call)}` }),
				]);

				const { execution } = await chat(agent, 'Send Free Coffee to lena@example.com');

				expect(model.mistakes()).toEqual([]);
				const toolResult = lastToolResult(model.calls[1]);
				expect(toolResult).toMatch(/Campaign/);
				expect(toolResult).toMatch(/Free Coffee/);
				expect(toolResult).toMatch(/cam_/);
				// Named as the model knows it: the $fromAI key of the field.
				expect(toolResult).toMatch(/argument to change: campaign_id/);
				expect(execution.status).toBe('success');
				expect(await emailSends()).toEqual([]);
			});
		},
	);
});
