import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { LimiterSettings } from './limiter';
import { DEFAULT_BUDGET_MS, DEFAULT_CEILING, START_WINDOW } from './limiter';

/** The node setting's name: unique in the node, so RoutingNode resolves it once per item (test/expressionCost.test.ts). */
export const RATE_LIMITS = 'rateLimits';

const DEFAULT_WAIT_MINUTES = DEFAULT_BUDGET_MS / 60_000;

/**
 * The node's own pacing, for users who know their Coupontools quota. It sits on the node's Settings tab,
 * next to the "Request Options" (Batching, Timeout) n8n adds to every declarative node
 * (https://docs.n8n.io/integrations/creating-nodes/build/reference/node-base-files/standard-parameters/),
 * because it is about how the node sends, not what. Without it the node still paces itself: limiter/.
 * The first item's values count for the whole run (one limiter per run); README.md, "Big batches and
 * rate limits".
 */
export const rateLimitsProperty: INodeProperties = {
	displayName: 'Rate Limits',
	name: RATE_LIMITS,
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Rate Limit',
	default: {},
	description:
		'How fast the node sends to Coupontools. Without these it learns what Coupontools accepts and waits out "too many requests" answers.',
	options: [
		{
			displayName: 'Max Requests in Flight',
			name: 'maxInFlight',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: `Most requests waiting for Coupontools' answer at once. 0: the node's own limit: ${START_WINDOW} at first, more while Coupontools accepts them, up to ${DEFAULT_CEILING}.`,
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description:
				'Your Coupontools quota, if you know it: requests start evenly spaced at this rate. 0: the node learns the rate Coupontools accepts from its first refusals.',
		},
		{
			displayName: 'Max Wait When Throttled (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: DEFAULT_WAIT_MINUTES,
			description:
				'How long a request may wait because Coupontools refuses requests ("too many requests", "unavailable"), later tries and batches of the same run included, before the node stops waiting. The items not sent by then get an error saying so.',
		},
	],
};

function positive(value: unknown): number | undefined {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : undefined;
}

/** The limiter settings the node setting's value asks for; absent or invalid values keep the defaults. */
export function limiterSettingsOf(value: unknown): LimiterSettings {
	const options = (value && typeof value === 'object' ? value : {}) as IDataObject;
	const wait = Number(options.maxWaitMinutes);
	return {
		maxInFlight: positive(options.maxInFlight),
		maxPerSecond: positive(options.maxPerSecond),
		budgetMs: Number.isFinite(wait) && wait >= 0 ? Math.round(wait * 60_000) : DEFAULT_BUDGET_MS,
	};
}
