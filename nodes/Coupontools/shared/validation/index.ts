/**
 * Checks before sending: what the request loop (requestLoop.ts) asks, and the rules operations declare
 * in their policy. Map of the folder:
 * - findFieldProblems.ts: every problem of one request, by the operation's rules, else the defaults;
 * - parameterRules.ts: the default rule of each API parameter;
 * - operationRules.ts: the rules operations declare where theirs differ;
 * - checks.ts: the shapes of check the rules are made of (IDs, numbers, dates);
 * - types.ts: FieldRule, ValidationPolicy, CheckContext.
 */
export { findFieldProblems } from './findFieldProblems';
export {
	CARD_COPY_NAME,
	E164_PHONE,
	ISO_COUNTRY,
	LOYALTY_USER_SEARCH,
	REGISTERED_USER_ID,
	SEND_TARGET,
	TEAMMATE_ID,
	V4_DIRECTORY_ID,
	V4_LOYALTY_CARD_ID,
	V4_LOYALTY_USER_ID,
	V4_USER_ID,
} from './operationRules';
export type { CheckContext, FieldProblem, FieldRule, ValidationPolicy } from './types';
