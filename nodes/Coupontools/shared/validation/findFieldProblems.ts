import type { IDataObject } from 'n8n-workflow';

import { PARAMETER_RULES } from './parameterRules';
import type { CheckContext, FieldProblem, ValidationPolicy } from './types';

/** Parameters whose API value is legitimately structured. */
const STRUCTURED_PARAMETERS = new Set(['filter', 'pagination', 'users']);

/**
 * Every problem in a request (the IDs of its path, then the parameters the operation requires, then
 * the body), in a stable order. A parameter is checked by the operation's rule for it, else by the rule
 * per API parameter. Values that expressions turned into objects or lists are caught for every field:
 * one call sends one value.
 */
export function findFieldProblems(
	body: IDataObject | undefined,
	policy: ValidationPolicy,
	pathValues: Record<string, unknown>,
	context: CheckContext,
): FieldProblem[] {
	const problems: FieldProblem[] = [];
	for (const [name, rule] of Object.entries(policy.pathIds ?? {})) {
		const problem = rule.check(pathValues[name], context);
		if (problem) problems.push({ label: rule.label, problem });
	}
	const ruleOf = (param: string) => policy.rules?.[param] ?? PARAMETER_RULES[param];
	for (const param of policy.required ?? []) {
		const rule = ruleOf(param);
		const problem = body?.[param] === undefined ? rule?.check('', context) : undefined;
		if (problem) problems.push({ label: rule.label, problem });
	}
	for (const [param, value] of Object.entries(body ?? {})) {
		const rule = ruleOf(param);
		const label = rule?.label ?? param;
		if (value !== null && typeof value === 'object' && !STRUCTURED_PARAMETERS.has(param)) {
			problems.push({
				label,
				problem: `resolved to ${Array.isArray(value) ? 'a list' : 'an object'}, not a single value. Point the expression at one field, e.g. {{ $json.${param} }}.`,
			});
			continue;
		}
		const problem = rule?.check(value, context);
		if (problem) problems.push({ label, problem });
	}
	return problems;
}
