import type { INodePropertyOptions } from 'n8n-workflow';

export const ALL_EVENTS = '*';

/**
 * The event kinds the trigger offers. Coupontools documents only `coupon_validated` (the `type` in its
 * verification example, coupontools-api.md §6); the other four are handled by third-party code and are
 * likely but unconfirmed, so their descriptions say so. "All Events" also passes kinds not listed here.
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
		description:
			'A consumer claimed a coupon (not in the public docs; seen in third-party integrations)',
	},
	{
		name: 'Coupon Created',
		value: 'coupon_created',
		description: 'A coupon was created (not in the public docs; seen in third-party integrations)',
	},
	{
		name: 'Coupon Removed',
		value: 'coupon_removed',
		description: 'A coupon was removed (not in the public docs; seen in third-party integrations)',
	},
	{
		name: 'Coupon Updated',
		value: 'coupon_updated',
		description: 'A coupon was updated (not in the public docs; seen in third-party integrations)',
	},
	{
		name: 'Coupon Validated',
		value: 'coupon_validated',
		description:
			'A coupon was validated (redeemed), e.g. at a POS. The one kind the Coupontools docs show.',
	},
];

export function isSelectedEvent(selected: string[], type: string | undefined): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	return type !== undefined && selected.includes(type);
}
