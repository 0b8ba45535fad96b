import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * What the trigger watches. Session events come from the campaign usage-data calls, which filter by the
 * date of the state they list (https://docs.coupontools.com, "All usage data from a campaign"); a
 * session is the same event key the webhook trigger reports. Registrations come from the v4 list of a
 * directory's users, whose `created_at` is the registration time (https://docs.coupontools.com, v4
 * Directory). Keys are the `event` values of the output, in the webhook trigger's words.
 */
export interface SessionEventKind {
	source: 'campaign';
	path: string;
	/** The date in the session's `status` that the call filters and sorts by. */
	dateKey: string;
}

export interface RegistrationEventKind {
	source: 'directory';
}

export const EVENT_KINDS = {
	coupon_opened: {
		source: 'campaign',
		path: '/v3/campaign/opens',
		dateKey: 'open_date_utc',
	},
	coupon_claimed: {
		source: 'campaign',
		path: '/v3/campaign/claims',
		dateKey: 'claim_date_utc',
	},
	coupon_validated: {
		source: 'campaign',
		path: '/v3/campaign/validations',
		dateKey: 'validation_date_utc',
	},
	directory_user_registered: { source: 'directory' },
} satisfies Record<string, SessionEventKind | RegistrationEventKind>;

export type EventName = keyof typeof EVENT_KINDS;

export const CAMPAIGN_EVENTS = (Object.keys(EVENT_KINDS) as EventName[]).filter(
	(name) => EVENT_KINDS[name].source === 'campaign',
);

/**
 * `action` is the entry's name in n8n's node panel ("On {name}" without it): these events are found by
 * asking Coupontools on a schedule, unlike the Coupontools Trigger's events of the same names.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Coupon Claimed',
		value: 'coupon_claimed',
		action: 'On coupon claimed (checked on a schedule)',
		description: 'A consumer claimed a coupon (e.g. pressed the claim button)',
	},
	{
		name: 'Coupon Opened',
		value: 'coupon_opened',
		action: 'On coupon opened (checked on a schedule)',
		description: 'A consumer opened a coupon for the first time',
	},
	{
		name: 'Coupon Validated',
		value: 'coupon_validated',
		action: 'On coupon validated (checked on a schedule)',
		description: 'A coupon was validated (redeemed), e.g. at the till',
	},
	{
		name: 'Directory User Registered',
		value: 'directory_user_registered',
		action: 'On directory user registered (checked on a schedule)',
		description: 'Someone registered in a directory',
	},
];

export function isEventName(value: unknown): value is EventName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_KINDS, value);
}
