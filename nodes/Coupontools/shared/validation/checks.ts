import type { DateField } from '../dates';
import { isApiDate, WORKFLOW_ZONE_VERSION } from '../dates';
import type { FieldRule } from './types';

/**
 * The shapes of check the rules are made of. Every message starts after the field's label
 * ("Email" + ` "x" is not an email address…`) and says how to fix the value.
 */
type Check = FieldRule['check'];

/** A value as the text Coupontools receives; undefined for what is neither text nor a number. */
export function textOf(value: unknown): string | undefined {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A value quoted in an error, cut to a readable length. */
export function shorten(value: string): string {
	return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/** Anything but empty; the docs give no format. */
export function notEmpty(whenEmpty: string): Check {
	return (value) => (textOf(value)?.trim() ? undefined : whenEmpty);
}

/** Coupontools' own IDs: a prefix, "_", then letters or digits (cam_12345, dir_12345, …). */
export function prefixedId(prefixes: string[], example: string): Check {
	const pattern = new RegExp(`^(${prefixes.join('|')})_[A-Za-z0-9]+$`);
	return (value) => {
		const id = textOf(value)?.trim();
		if (!id) return `is empty. Pick one from the list, or enter an ID such as ${example}.`;
		if (!pattern.test(id))
			return `"${shorten(id)}" is not a valid ID. It must start with ${prefixes.map((p) => `${p}_`).join(' or ')} followed by letters or digits, e.g. ${example}.`;
		return undefined;
	};
}

/** IDs that are plain numbers (v4 paths, teammates). */
export function numericId(whenEmpty: string, notANumber: (id: string) => string): Check {
	return (value) => {
		const id = textOf(value)?.trim();
		if (!id) return whenEmpty;
		if (!/^\d+$/.test(id)) return notANumber(shorten(id));
		return undefined;
	};
}

/** A coupon session code: 21 characters (or a 6-character short form), letters and digits only. */
export function sessionCode(whenEmpty: string): Check {
	return (value) => {
		const code = textOf(value)?.trim();
		if (!code) return whenEmpty;
		if (!/^[A-Za-z0-9]+$/.test(code))
			return `"${shorten(code)}" is not a session code: it may contain only letters and digits (e.g. ac6s7u3g8a25ja7x9qg87).`;
		return undefined;
	};
}

export function integerBetween(min: number, max: number): Check {
	return (value) => {
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max)
			return `must be a whole number from ${min} to ${max} (got ${shorten(String(value))}).`;
		return undefined;
	};
}

/**
 * A date in the form Coupontools takes for `field` (its preSend, dateInBody, has already turned every
 * date it could read into that form), `format` being how the error spells that form. The fields
 * Coupontools reads in UTC also name the zone a value without one is in: the workflow's from
 * WORKFLOW_ZONE_VERSION on, UTC before (README, "Dates and output format").
 */
export function apiDate(field: DateField, format: string): Check {
	return (value, { nodeVersion, timezone }) => {
		const date = textOf(value)?.trim();
		if (!date || isApiDate(date, field)) return undefined;
		const notADate = `"${shorten(date)}" is not a date in the format ${format}`;
		if (field.reads !== 'utc') return `${notADate}.`;
		return nodeVersion >= WORKFLOW_ZONE_VERSION
			? `${notADate}, in the workflow's time zone (${timezone}), or one with its own offset such as 2026-11-01T08:00:00+01:00.`
			: `${notADate} (UTC).`;
	};
}
