/** What a check may depend on besides the value: the saved node's version and the workflow's time zone. */
export interface CheckContext {
	/** The node's typeVersion: the rule for dates without a zone depends on it (dates.ts). */
	nodeVersion: number;
	/** The workflow's time zone (Settings → Timezone), named in the errors of dates read in it. */
	timezone: string;
}

/**
 * A check we can make before calling Coupontools because the rule is certain from the docs
 * (https://docs.coupontools.com). It returns what is wrong and how to fix it, or undefined when the
 * value is fine.
 */
export interface FieldRule {
	/** The field's name as the user sees it in the node. */
	label: string;
	check(value: unknown, context: CheckContext): string | undefined;
}

/** What one operation checks beyond the rules per API parameter, declared with it (see requestLoop.ts). */
export interface ValidationPolicy {
	/** Rules that replace the default of a body parameter for this operation. */
	rules?: Record<string, FieldRule>;
	/**
	 * Body parameters the docs mark required on operations whose empty optional fields are dropped before
	 * sending (dropEmptyBodyFields): an expression that resolved to "" must still be reported as empty.
	 */
	required?: string[];
	/** Placeholders of the operation's URL (filled by fillPathIds) and the rule for their value. */
	pathIds?: Record<string, FieldRule>;
}

/** One field's problem: the error reads "<label> <problem>". */
export interface FieldProblem {
	label: string;
	problem: string;
}
