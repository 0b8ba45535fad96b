import type { INodePropertyOptions } from 'n8n-workflow';

export const ALL_EVENTS = '*';

/**
 * The event kinds the trigger offers. Coupontools documents only `coupon_validated` (the `type` in its
 * verification example, https://docs.coupontools.com); the other four are handled by third-party
 * integrations. Which ones are confirmed is the README's business ("Trigger setup"), not the editor's.
 * "All Events" also passes kinds not listed here.
 *
 * `action` is the entry's name in n8n's node panel ("On {name}" without it). It says how this trigger
 * differs from the Coupontools Polling Trigger, which lists events of the same names, so a user can
 * choose in the list: these arrive the moment Coupontools sends them, at a URL it must reach.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		action: 'On any event (instant, needs a public URL)',
		description: 'Any event Coupontools sends, including kinds not listed here',
	},
	{
		name: 'Coupon Claimed',
		value: 'coupon_claimed',
		action: 'On coupon claimed (instant, needs a public URL)',
		description: 'A consumer claimed a coupon',
	},
	{
		name: 'Coupon Created',
		value: 'coupon_created',
		action: 'On coupon created (instant, needs a public URL)',
		description: 'A coupon was created',
	},
	{
		name: 'Coupon Removed',
		value: 'coupon_removed',
		action: 'On coupon removed (instant, needs a public URL)',
		description: 'A coupon was removed',
	},
	{
		name: 'Coupon Updated',
		value: 'coupon_updated',
		action: 'On coupon updated (instant, needs a public URL)',
		description: 'A coupon was updated',
	},
	{
		name: 'Coupon Validated',
		value: 'coupon_validated',
		action: 'On coupon validated (instant, needs a public URL)',
		description: 'A coupon was validated (redeemed), e.g. at the till',
	},
];

export function isSelectedEvent(selected: string[], type: string | undefined): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	return type !== undefined && selected.includes(type);
}
