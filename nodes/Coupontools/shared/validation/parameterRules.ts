import { DATE_FIELDS } from '../dates';
import {
	apiDate,
	integerBetween,
	notEmpty,
	prefixedId,
	sessionCode,
	shorten,
	textOf,
} from './checks';
import type { FieldRule } from './types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Loyalty card IDs: the same advice in the v3 body (here) and the v4 path (operationRules.ts). */
export const EMPTY_LOYALTY_CARD =
	'is empty. Pick a loyalty card from the list, or enter its ID, e.g. 123456.';

/**
 * The checks of each API parameter, keyed by its name in the docs (https://docs.coupontools.com), so
 * one entry covers every operation that sends it. An operation whose rule differs declares its own
 * (operationRules.ts) in its policy.
 */
export const PARAMETER_RULES: Record<string, FieldRule> = {
	campaign: { label: 'Campaign', check: prefixedId(['cam'], 'cam_12345') },
	couponsession: {
		label: 'Coupon Session',
		check: sessionCode(
			'is empty. Enter the session code from the coupon URL (21 characters, or its 6-character short form).',
		),
	},
	email: {
		label: 'Email',
		check: (value) => {
			const email = textOf(value)?.trim();
			if (!email) return "is empty. Map it to the recipient's address, e.g. {{ $json.email }}.";
			if (!EMAIL.test(email))
				return `"${shorten(email)}" is not an email address: it must look like name@example.com.`;
			return undefined;
		},
	},
	// Formats differ by operation: SMS operations declare E164_PHONE.
	phone: { label: 'Phone', check: () => undefined },
	// Create multiple single-use URLs: amount at most 100000, code_length 10 to 25 (docs.coupontools.com/api/coupon).
	amount: { label: 'Amount', check: integerBetween(1, 100000) },
	code_length: { label: 'Code Length', check: integerBetween(10, 25) },
	start_date: {
		label: 'Start Date',
		check: apiDate(DATE_FIELDS.usageStart, 'yyyy-MM-dd or yyyy-MM-dd HH:mm'),
	},
	end_date: {
		label: 'End Date',
		check: apiDate(DATE_FIELDS.usageEnd, 'yyyy-MM-dd or yyyy-MM-dd HH:mm'),
	},
	// Single Use → Create (the campaign's time zone) and Subaccount → Create / Update (a day).
	expiry_date: {
		label: 'Expiry Date',
		check: apiDate(DATE_FIELDS.singleUseExpiry, 'yyyy-MM-dd or yyyy-MM-dd HH:mm:ss'),
	},
	birthday: { label: 'Birthday', check: apiDate(DATE_FIELDS.day, 'yyyy-MM-dd') },
	birth_date: { label: 'Birth Date', check: apiDate(DATE_FIELDS.day, 'yyyy-MM-dd') },
	subaccount: { label: 'Subaccount', check: prefixedId(['sub'], 'sub_12345') },
	package: {
		label: 'Package',
		check: (value, context) =>
			textOf(value)?.trim() ? prefixedId(['pac'], 'pac_123')(value, context) : undefined,
	},
	// Subaccount operations declare ISO_COUNTRY; elsewhere the format is not documented.
	country: { label: 'Country', check: () => undefined },
	directory: { label: 'Directory', check: prefixedId(['dir'], 'dir_12345') },
	// No prefix is documented for loyalty card IDs; 301 is documented for characters other than these.
	loyaltycard: {
		label: 'Loyalty Card',
		check: (value) => {
			const id = textOf(value)?.trim();
			if (!id) return EMPTY_LOYALTY_CARD;
			if (!/^[A-Za-z0-9_]+$/.test(id))
				return `"${shorten(id)}" is not a loyalty card ID: it may contain only letters, digits and _.`;
			return undefined;
		},
	},
	// The format of loyalty user IDs is not documented; directory operations declare REGISTERED_USER_ID.
	user: {
		label: 'User ID',
		check: notEmpty(
			'is empty. Enter the ID of the loyalty card user, e.g. from Get Many Users (V3 API) or Search Users.',
		),
	},
	// Loyalty Card → Search Users declares LOYALTY_USER_SEARCH.
	search: { label: 'Search For', check: () => undefined },
	expires_at: {
		label: 'Expires At',
		check: apiDate(DATE_FIELDS.paidAccessExpiry, 'yyyy-MM-dd HH:mm:ss'),
	},
	smsgroup: { label: 'SMS Group', check: prefixedId(['gro'], 'gro_12345') },
	webhook: { label: 'Event ID', check: prefixedId(['evt'], 'evt_JsOKTu2rlzjZsxPaleUx') },
	// Webhook verification names the coupon session `session` (same code as `couponsession` elsewhere).
	session: {
		label: 'Session Code',
		check: sessionCode(
			'is empty. Copy the session code from the webhook payload (its session field).',
		),
	},
};
