import type { INodePropertyOptions } from 'n8n-workflow';

export const ALL_EVENTS = '*';

/**
 * The event kinds the trigger offers. Coupontools documents only `coupon_validated` (the `type` in its
 * verification example, https://docs.coupontools.com); the other four are handled by third-party
 * integrations. Which ones are confirmed is the README's business ("Trigger setup"), not the editor's.
 * "All Events" also passes kinds not listed here.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Any event Coupontools sends, including kinds not listed here',
	},
	{
		name: 'Coupon Claimed',
		value: 'coupon_claimed',
		description: 'A consumer claimed a coupon',
	},
	{
		name: 'Coupon Created',
		value: 'coupon_created',
		description: 'A coupon was created',
	},
	{
		name: 'Coupon Removed',
		value: 'coupon_removed',
		description: 'A coupon was removed',
	},
	{
		name: 'Coupon Updated',
		value: 'coupon_updated',
		description: 'A coupon was updated',
	},
	{
		name: 'Coupon Validated',
		value: 'coupon_validated',
		description: 'A coupon was validated (redeemed), e.g. at the till',
	},
];

export function isSelectedEvent(selected: string[], type: string | undefined): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	return type !== undefined && selected.includes(type);
}
