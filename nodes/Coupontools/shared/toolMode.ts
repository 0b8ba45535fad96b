import type {
	IDataObject,
	IExecuteSingleFunctions,
	INode,
	INodeExecutionData,
	NodeConnectionType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The node as an AI agent's tool. n8n adds a "…Tool" variant of every node with `usableAsTool`
 * (type `n8n-nodes-coupontools.coupontoolsTool`) and runs it when the model calls it. The type name is
 * the only sure sign: `isToolExecution()` is false when the AI Agent node 3.x runs its tools.
 * https://docs.n8n.io/integrations/creating-nodes/build/reference/node-base-files/standard-parameters/#usableastool
 */
export function runsAsTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/**
 * The tool call's input: the model's arguments. The AI Agent 3.x has n8n run the tool as a node fed on
 * its main input (the agent's input plus the arguments); 2.x calls it with the arguments on the
 * ai_tool input (n8n-core's makeHandleToolInvocation).
 */
export function toolCallInput(context: Pick<IExecuteSingleFunctions, 'getInputData'>): IDataObject {
	const read = (type: NodeConnectionType): IDataObject => {
		try {
			return context.getInputData(0, type)?.json ?? {};
		} catch {
			return {};
		}
	};
	return { ...read(NodeConnectionTypes.Main), ...read(NodeConnectionTypes.AiTool) };
}

/**
 * The model's arguments whose value the error quotes (validation/ quotes the value it refuses): the
 * names the model gave them (`$fromAI('campaign_id', …)`), so it knows what to change. The arguments
 * are on the tool call's input item, next to what the agent itself passes (its chat input, the call's
 * id), which never matches a quoted value on its own.
 * https://docs.n8n.io/advanced-ai/examples/using-the-fromai-function/
 */
export function argumentsToFix(text: string, args: IDataObject): string[] {
	return Object.entries(args)
		.filter(
			([key, value]) =>
				key !== 'toolCallId' &&
				(typeof value === 'string' || typeof value === 'number') &&
				String(value) !== '' &&
				text.includes(`"${value}"`),
		)
		.map(([key]) => key);
}

/**
 * What the model gets back when a call failed: the failure as the tool's answer, in words it can act
 * on (tell the user, or call again with a better value), instead of an error that ends the run. The
 * AI Agent node 3.x ends the whole execution when a tool throws, and 2.x hands the model an empty
 * answer (README, "Use with AI agents"). No `error` object is attached: n8n would replace the item's
 * text by the error's headline alone.
 */
export function toolFailureItem(
	error: { message: string; description?: string | null },
	itemIndex: number,
	toFix: string[] = [],
): INodeExecutionData {
	const { message, description } = error;
	let text =
		description && !message.includes(description)
			? `${message.replace(/[.:]\s*$/, '')}: ${description}`
			: message;
	if (toFix.length) text += ` (argument to change: ${toFix.join(', ')})`;
	return { json: { error: text }, pairedItem: { item: itemIndex } };
}
