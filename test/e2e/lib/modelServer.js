// @ts-check
'use strict';
/**
 * A scripted stand-in for an OpenAI-compatible chat model, for the AI Agent e2e tests
 * (test/e2e/agent.test.js). n8n's "OpenAI Chat Model" node reaches it through its credential's Base
 * URL; it speaks the Chat Completions API (https://platform.openai.com/docs/api-reference/chat),
 * streamed or not, and `GET /v1/models`. No model, no network: 127.0.0.1 only.
 *
 * A test scripts the turns, one per model call: tool calls (`{ toolCalls: [{ name, args }] }`), a final
 * answer (`{ content }`), or a function of the request that returns one of those (so the "model" can
 * read a tool result, e.g. pick a campaign by name from the list it got back). Every call is
 * recorded: the tools offered (name, description, JSON schema), the messages, and which turn answered.
 * Calling a tool that was not offered, or running out of turns, is recorded as a mistake and answered
 * with a final message, so the workflow still ends and the test can say what went wrong.
 */

const http = require('node:http');

/**
 * @typedef {{ name: string, args: Record<string, unknown> }} ScriptedToolCall
 * @typedef {{ toolCalls: ScriptedToolCall[] } | { content: string }} Turn
 * @typedef {{ name: string, description: string, parameters: any }} OfferedTool
 * @typedef {{ role: string, content?: any, tool_calls?: any[], tool_call_id?: string, name?: string }} ChatMessage
 * @typedef {object} ModelCall
 * @property {number} seq
 * @property {string} model
 * @property {boolean} stream
 * @property {OfferedTool[]} tools
 * @property {ChatMessage[]} messages
 * @property {Turn | undefined} answer
 * @property {string | undefined} mistake
 * @typedef {Turn | ((call: ModelCall) => Turn)} ScriptStep
 */

/** The text of a message, whether the client sent a string or content parts. */
function textOf(/** @type {any} */ content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content.map((part) => (typeof part === 'string' ? part : (part?.text ?? ''))).join('');
	return content == null ? '' : JSON.stringify(content);
}

/**
 * @param {{ port?: number }} [options]
 */
async function startModelServer({ port = 0 } = {}) {
	/** @type {ScriptStep[]} */
	let script = [];
	/** @type {ModelCall[]} */
	const calls = [];
	let toolCallCounter = 0;

	/**
	 * @param {ModelCall} call
	 * @returns {Turn}
	 */
	function nextTurn(call) {
		const step = script.shift();
		if (!step) {
			call.mistake = 'the script ran out of turns';
			return { content: 'No more scripted turns.' };
		}
		const turn = typeof step === 'function' ? step(call) : step;
		if ('toolCalls' in turn) {
			const offered = new Set(call.tools.map((tool) => tool.name));
			const unknown = turn.toolCalls.filter((tc) => !offered.has(tc.name)).map((tc) => tc.name);
			if (unknown.length) {
				call.mistake = `scripted a call to ${unknown.join(', ')}, offered: ${[...offered].join(', ') || 'none'}`;
				return { content: `Tools not offered: ${unknown.join(', ')}` };
			}
		}
		return turn;
	}

	/** @param {Turn} turn @param {string} model */
	function completion(turn, model) {
		const message =
			'toolCalls' in turn
				? {
						role: 'assistant',
						content: null,
						tool_calls: turn.toolCalls.map((tc) => ({
							id: `call_${++toolCallCounter}`,
							type: 'function',
							function: { name: tc.name, arguments: JSON.stringify(tc.args) },
						})),
					}
				: { role: 'assistant', content: turn.content };
		return {
			id: `chatcmpl-${calls.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [
				{
					index: 0,
					message,
					logprobs: null,
					finish_reason: 'toolCalls' in turn ? 'tool_calls' : 'stop',
				},
			],
			usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
		};
	}

	/** The same answer as server-sent events, the way the API streams it. */
	function streamChunks(/** @type {ReturnType<typeof completion>} */ done) {
		const { message, finish_reason } = done.choices[0];
		const base = {
			id: done.id,
			object: 'chat.completion.chunk',
			created: done.created,
			model: done.model,
		};
		const chunk = (/** @type {any} */ delta, /** @type {string | null} */ finish) => ({
			...base,
			choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
		});
		const chunks = [chunk({ role: 'assistant', content: message.content ?? null }, null)];
		(message.tool_calls ?? []).forEach((/** @type {any} */ tc, index) =>
			chunks.push(chunk({ tool_calls: [{ index, ...tc }] }, null)),
		);
		chunks.push(chunk({}, finish_reason));
		chunks.push({ ...base, choices: [], usage: done.usage });
		return chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + 'data: [DONE]\n\n';
	}

	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const send = (/** @type {number} */ status, /** @type {unknown} */ body) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			if (req.method === 'GET' && url.pathname.endsWith('/models')) {
				send(200, {
					object: 'list',
					data: [{ id: 'scripted-model', object: 'model', owned_by: 'tests' }],
				});
				return;
			}
			if (req.method !== 'POST' || !url.pathname.endsWith('/chat/completions')) {
				send(404, {
					error: { message: `no route ${req.method} ${url.pathname}`, type: 'not_found' },
				});
				return;
			}
			/** @type {any} */
			let body;
			try {
				body = JSON.parse(raw);
			} catch {
				send(400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
				return;
			}
			/** @type {ModelCall} */
			const call = {
				seq: calls.length + 1,
				model: String(body.model ?? ''),
				stream: body.stream === true,
				tools: (body.tools ?? []).map((/** @type {any} */ tool) => ({
					name: tool.function?.name,
					description: tool.function?.description,
					parameters: tool.function?.parameters,
				})),
				messages: (body.messages ?? []).map((/** @type {any} */ m) => ({
					...m,
					content: m.content == null ? m.content : textOf(m.content),
				})),
				answer: undefined,
				mistake: undefined,
			};
			calls.push(call);
			let turn;
			try {
				turn = nextTurn(call);
			} catch (error) {
				call.mistake = `the scripted step threw: ${/** @type {Error} */ (error).message}`;
				turn = { content: call.mistake };
			}
			call.answer = turn;
			const done = completion(turn, call.model);
			if (call.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
				res.end(streamChunks(done));
			} else send(200, done);
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());

	return {
		/** The Base URL for n8n's OpenAI credential (`…/v1`, as OpenAI's own). */
		url: `http://127.0.0.1:${address.port}/v1`,
		/** Replaces the script and forgets earlier calls. */
		script(/** @type {ScriptStep[]} */ steps) {
			script = [...steps];
			calls.length = 0;
		},
		/** Every chat completion request so far, oldest first. */
		calls,
		/** Turns not used yet. */
		remaining: () => script.length,
		/** Calls the script could not answer as written (an unknown tool, no turn left). */
		mistakes: () => calls.filter((c) => c.mistake).map((c) => `call ${c.seq}: ${c.mistake}`),
		/**
		 * The tool results the model was sent in one call, in order, `{ name?, toolCallId, content }`
		 * (`name` when the client repeats the tool's name on the message).
		 * @param {ModelCall} call
		 */
		toolResults: (call) =>
			call.messages
				.filter((m) => m.role === 'tool')
				.map((m) => ({ name: m.name, toolCallId: m.tool_call_id, content: textOf(m.content) })),
		close: async () =>
			await new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

/** @typedef {Awaited<ReturnType<typeof startModelServer>>} ModelServer */

module.exports = { startModelServer, textOf };
