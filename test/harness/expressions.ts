import { Expression } from 'n8n-workflow';

/**
 * Runs `fn` and counts the expressions n8n evaluates meanwhile (each `={{ … }}` value resolved, at the point
 * where n8n-workflow builds a WorkflowDataProxy for it). Used to show what one item costs the engine.
 */
export async function countingEvaluations<T>(
	fn: () => Promise<T>,
): Promise<{ result: T; evaluations: number }> {
	const proto = Expression.prototype as unknown as {
		resolveSimpleParameterValue: (value: unknown, ...rest: unknown[]) => unknown;
	};
	const original = proto.resolveSimpleParameterValue;
	let evaluations = 0;
	proto.resolveSimpleParameterValue = function (this: unknown, value: unknown, ...rest: unknown[]) {
		if (typeof value === 'string' && value.startsWith('=')) evaluations++;
		return original.call(this, value, ...rest);
	};
	try {
		return { result: await fn(), evaluations };
	} finally {
		proto.resolveSimpleParameterValue = original;
	}
}
