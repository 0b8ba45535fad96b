import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	argumentsToFix,
	runsAsTool,
	toolCallInput,
	toolFailureItem,
} from '../nodes/Coupontools/shared/toolMode';
import { byId, jsonOf, run, useSandbox } from './harness/sandbox';

/**
 * The node as an AI agent's tool (type "…coupontoolsTool", README "Use with AI agents"): a failure comes
 * back as the tool's answer, one item `{ error: "<message>: <description>" }` paired to its input, and
 * the run goes on; the same failure outside tool mode still stops the node. Runs through n8n-core's
 * engine, as the AI Agent node 3.x has n8n run its tools. The e2e proof with real agents is
 * test/e2e/agent.test.js.
 */
const TOOL_TYPE = 'n8n-nodes-coupontools.coupontoolsTool';
const sandbox = useSandbox();

const sendEmail = (campaign: string, email = 'lena@example.com'): INodeParameters => ({
	resource: 'distribution',
	operation: 'sendEmail',
	campaignOrDirectory: byId(campaign),
	email,
	checkUnique: true,
});

describe('tool mode', () => {
	test('only the …Tool variant of the node runs as a tool', () => {
		const node = (type: string) => ({ type }) as Parameters<typeof runsAsTool>[0];
		expect(runsAsTool(node(TOOL_TYPE))).toBe(true);
		expect(runsAsTool(node('n8n-nodes-coupontools.coupontools'))).toBe(false);
		expect(runsAsTool(node('n8n-nodes-coupontools.coupontoolsTrigger'))).toBe(false);
	});

	test("a failure's text joins message and description once", () => {
		expect(
			toolFailureItem({ message: 'Not found', description: 'Campaign ID not found' }, 2),
		).toEqual({ json: { error: 'Not found: Campaign ID not found' }, pairedItem: { item: 2 } });
		expect(
			toolFailureItem({ message: 'Not found: details', description: 'details' }, 0).json,
		).toEqual({ error: 'Not found: details' });
		expect(toolFailureItem({ message: 'Timed out', description: null }, 0).json).toEqual({
			error: 'Timed out',
		});
	});

	test("the arguments to change are the model's arguments whose value the error quotes", () => {
		// What the AI Agent 3.x puts on the tool's input item: its own input, the arguments, the call id.
		const input = {
			chatInput: 'Send Free Coffee to lena@example.com',
			campaign_id: 'Free Coffee',
			email: 'lena@example.com',
			subject: '',
			toolCallId: 'call_1',
		};
		expect(argumentsToFix('Campaign "Free Coffee" is not a valid ID.', input)).toEqual([
			'campaign_id',
		]);
		expect(argumentsToFix('Campaign ID not found', input)).toEqual([]);
		expect(argumentsToFix('Call "call_1" failed', input)).toEqual([]);
	});

	test('the arguments are read from the main input (AI Agent 3.x) or the ai_tool input (2.x)', () => {
		const context = (inputs: Record<string, IDataObject>) => ({
			getInputData: (_index?: number, type = 'main') => {
				if (!(type in inputs)) throw new Error('Value of input with given index was not set');
				return { json: inputs[type] };
			},
		});
		expect(toolCallInput(context({ main: { campaign_id: 'x', toolCallId: 'c' } }))).toEqual({
			campaign_id: 'x',
			toolCallId: 'c',
		});
		expect(toolCallInput(context({ ai_tool: { email: 'a@b.c' } }))).toEqual({ email: 'a@b.c' });
		expect(toolCallInput(context({}))).toEqual({});
	});

	test("Coupontools' refusal (unknown campaign) is the tool's answer, with Coupontools' own words; the run succeeds", async () => {
		const result = await run(sandbox.current, {
			parameters: sendEmail('cam_9999'),
			typeName: TOOL_TYPE,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.json).toEqual({ error: expect.stringMatching(/502.*Campaign ID not found/s) });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.error).toBeUndefined();
		expect(sandbox.current.requests.map((r) => r.path)).toEqual(['/v3/send/email']);
	});

	test('a value refused before sending names the field and the value; nothing is sent', async () => {
		// As a tool, the value comes from the model's arguments (the input item), not typed in the editor.
		const result = await run(sandbox.current, {
			parameters: sendEmail("={{ $fromAI('campaign_id', 'The campaign ID', 'string') }}"),
			items: [{ campaign_id: 'Free Coffee' }],
			typeName: TOOL_TYPE,
		});

		expect(result.error).toBeUndefined();
		const [{ error }] = jsonOf(result.items);
		expect(error).toMatch(/^Campaign "Free Coffee" is not a valid ID\. It must start with cam_/);
		expect(error).toMatch(/nothing was sent to Coupontools/);
		// The model called its argument campaign_id (the $fromAI key): that is the name it is told.
		expect(error).toMatch(/\(argument to change: campaign_id\)$/);
		expect(sandbox.current.requests).toEqual([]);
	});

	test('one answer per call: two items, one failing, give two answers in order', async () => {
		const result = await run(sandbox.current, {
			parameters: { ...sendEmail('cam_1002'), email: '={{ $json.email }}' },
			items: [{ email: 'not-an-address' }, { email: 'max@example.com' }],
			typeName: TOOL_TYPE,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([
			{ error: expect.stringMatching(/^Email "not-an-address" is not an email address/) },
			expect.objectContaining({ sent: true, receiver: 'max@example.com' }),
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a success is answered as outside tool mode', async () => {
		const result = await run(sandbox.current, {
			parameters: sendEmail('cam_1002'),
			typeName: TOOL_TYPE,
		});
		expect(jsonOf(result.items)).toEqual([
			expect.objectContaining({ sent: true, campaign: 'cam_1002', receiver: 'lena@example.com' }),
		]);
	});

	test('outside tool mode the same failure still stops the node', async () => {
		const result = await run(sandbox.current, { parameters: sendEmail('cam_9999') });
		expect(result.error?.message).toBe('Campaign or directory not found (Coupontools code 502)');
		expect(result.items).toEqual([]);
	});
});
