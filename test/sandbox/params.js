// @ts-check
/**
 * Reading request parameters the way the API reports problems with them (error codes of https://www.coupontools.com/en/api-and-webhooks/errors).
 * JSON bodies carry real types; form bodies (variant seen in third-party client code) carry strings: both are accepted.
 */

const { SandboxApiError, validationFailure, fail } = require('./envelope');

/** @typedef {import('./types').Json} Json */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const ID_CHARACTERS = /^[A-Za-z0-9_]+$/;

/**
 * A scalar parameter as trimmed text; "" when absent. Objects and arrays are a 300.
 * @param {Json} body
 * @param {string} name
 */
function text(body, name) {
	const value = body[name];
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fail(300, `Invalid value for parameter: ${name}`);
}

/**
 * Error 200 for every listed parameter that is absent or empty, all in one answer (parallel arrays).
 * @param {Json} body
 * @param {string[]} names
 */
function requireFields(body, names) {
	const missing = names.filter((name) => text(body, name) === '');
	if (missing.length) {
		throw new SandboxApiError(
			validationFailure(
				missing.map((name) => ({ code: 200, description: `Missing parameter: ${name}` })),
			),
		);
	}
}

/**
 * true/false, "true"/"false", 1/0, "1"/"0", "on"/"off", "yes"/"no"; absent or "" gives the default; else 300.
 * @param {Json} body
 * @param {string} name
 * @param {boolean} fallback
 */
function bool(body, name, fallback) {
	const value = body[name];
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'boolean') return value;
	const word = String(value).trim().toLowerCase();
	if (['true', '1', 'on', 'yes'].includes(word)) return true;
	if (['false', '0', 'off', 'no'].includes(word)) return false;
	return fail(300, `Invalid value for parameter: ${name} (expected true or false)`);
}

/**
 * A whole number written with digits only; "" gives the default. 301 when not numeric, 300 when out of range.
 * @param {Json} body
 * @param {string} name
 * @param {{ min: number, max: number, fallback?: number }} range
 */
function integer(body, name, range) {
	const raw = text(body, name);
	if (raw === '') {
		if (range.fallback !== undefined) return range.fallback;
		return fail(200, `Missing parameter: ${name}`);
	}
	if (!/^\d+$/.test(raw)) return fail(301, `Invalid numeric value for parameter: ${name}`);
	const number = Number(raw);
	if (number < range.min || number > range.max) {
		return fail(
			300,
			`Invalid value for parameter: ${name} (must be from ${range.min} to ${range.max})`,
		);
	}
	return number;
}

/**
 * @param {string} value
 * @param {string} name
 * @param {string[]} allowed
 */
function oneOf(value, name, allowed) {
	if (!allowed.includes(value))
		fail(302, `Invalid value for parameter: ${name}. Allowed: ${allowed.join(', ')}`);
	return value;
}

/**
 * @param {Json} body
 * @param {string} name
 * @param {number} max
 */
function maxLength(body, name, max) {
	const value = text(body, name);
	if (value.length > max) fail(300, `Parameter ${name} is too long (max ${max} characters)`);
	return value;
}

/** 301 for IDs with characters other than letters, digits and "_" (the docs: "Invalid character in parameter: X"). @param {string} value @param {string} name */
function idCharacters(value, name) {
	if (!ID_CHARACTERS.test(value)) fail(301, `Invalid character in parameter: ${name}`);
	return value;
}

/** @param {string} value */
const isEmail = (value) => EMAIL.test(value);
/** @param {string} value */
const isE164 = (value) => E164.test(value);
/** Phone numbers compared by their digits: "+32470123456" equals "32470123456". @param {string} value */
const phoneDigits = (value) => value.replace(/\D/g, '');

module.exports = {
	text,
	requireFields,
	bool,
	integer,
	oneOf,
	maxLength,
	idCharacters,
	isEmail,
	isE164,
	phoneDigits,
};
