import { toV4Id } from '../path';
import { notEmpty, numericId, prefixedId, shorten, textOf } from './checks';
import { EMPTY_LOYALTY_CARD } from './parameterRules';
import type { FieldRule } from './types';

/**
 * Rules an operation declares in its policy (`rules`, `pathIds`) where its parameter differs from the
 * rule per API parameter (parameterRules.ts), with the docs that state them
 * (https://docs.coupontools.com).
 */

const E164 = /^\+[1-9]\d{6,14}$/;

/** Send Email / Send SMS: a campaign or a directory (docs.coupontools.com/api/v3/directory). */
export const SEND_TARGET: FieldRule = {
	label: 'Campaign',
	check: prefixedId(['cam', 'dir'], 'cam_12345 or dir_12345'),
};

/** Send SMS and SMS Group → Add Contact: required, E.164 (docs.coupontools.com/api/coupon, /api/others). */
export const E164_PHONE: FieldRule = {
	label: 'Phone',
	check: (value) => {
		const phone = textOf(value)?.trim();
		if (!phone) return 'is empty. Enter a phone number in E.164 format, e.g. +32470123456.';
		if (!E164.test(phone))
			return `"${shorten(phone)}" is not in E.164 format: write + then the country code and the number without its leading 0, no spaces, e.g. +32470123456.`;
		return undefined;
	},
};

/** Subaccount Create / Update: ISO 3166-1 alpha-2 (docs.coupontools.com/api/account). */
export const ISO_COUNTRY: FieldRule = {
	label: 'Country',
	check: (value) => {
		const country = textOf(value)?.trim();
		if (!country || /^[A-Za-z]{2}$/.test(country)) return undefined;
		return `"${shorten(country)}" is not a two-letter ISO 3166-1 country code, e.g. BE or US.`;
	},
};

/** Registered users of a directory (v3) are reg_…. */
export const REGISTERED_USER_ID: FieldRule = {
	label: 'User ID',
	check: prefixedId(['reg'], 'reg_12345'),
};

/**
 * Loyalty Card → Search Users: at least 3 characters, only A–Z a–z 0–9 - _ @; Coupontools refuses others
 * with error 301 (docs.coupontools.com/api/v3/loyalty).
 */
export const LOYALTY_USER_SEARCH: FieldRule = {
	label: 'Search For',
	check: (value) => {
		const search = textOf(value)?.trim() ?? '';
		if (!/^[A-Za-z0-9_@-]{3,}$/.test(search))
			return `"${shorten(search)}" cannot be searched: use at least 3 characters, only letters, digits, -, _ and @ (e.g. jane@example, not jane@example.com).`;
		return undefined;
	},
};

/** The directory of a v4 REST path: a number (dir_… is reduced to it by fillPathIds). */
export const V4_DIRECTORY_ID: FieldRule = {
	label: 'Directory',
	check: (value) => {
		const directory = toV4Id(value);
		if (!directory)
			return 'is empty. Pick a directory from the list, or enter its numeric ID, e.g. 12345.';
		if (!/^\d+$/.test(directory))
			return `"${directory}" is not a directory ID of the v4 API: it is a number, e.g. 12345 (dir_12345 is accepted too).`;
		return undefined;
	},
};

/** The user of a v4 REST path: an empty ID would address another endpoint. */
export const V4_USER_ID: FieldRule = {
	label: 'User ID',
	check: notEmpty("is empty. Enter the registered user's ID, e.g. 12345 or reg_12345."),
};

/** The loyalty card of a v4 REST path: a number (docs.coupontools.com/api/v4/loyalty). */
export const V4_LOYALTY_CARD_ID: FieldRule = {
	label: 'Loyalty Card',
	check: numericId(
		EMPTY_LOYALTY_CARD,
		(card) => `"${card}" is not a loyalty card ID: it is a number, e.g. 123456.`,
	),
};

/** The user of a card in a v4 REST path: a number (an empty ID would address the list). */
export const V4_LOYALTY_USER_ID: FieldRule = {
	label: 'User ID',
	check: numericId(
		'is empty. Enter the ID of the user on the card, e.g. from Get Many Users.',
		(user) => `"${user}" is not a user ID: it is a number, e.g. 123456.`,
	),
};

/** Loyalty Card → Copy: the new name has at most 50 characters (docs.coupontools.com/api/v4/loyalty). */
export const CARD_COPY_NAME: FieldRule = {
	label: 'Name',
	check: (value) => {
		const name = textOf(value) ?? '';
		return name.length > 50
			? `is ${name.length} characters long; Coupontools takes at most 50. Shorten it.`
			: undefined;
	},
};

/** Teammate single sign-on: teammates are numbered (the docs answer 301 to anything else; /api/account). */
export const TEAMMATE_ID: FieldRule = {
	label: 'Teammate ID',
	check: numericId(
		'is empty. Enter the number of the teammate, e.g. 12345.',
		(id) => `"${id}" is not a number: teammate IDs are numbers, e.g. 12345.`,
	),
};
