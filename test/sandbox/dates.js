// @ts-check
/**
 * The API's date strings: "yyyy-MM-dd HH:mm:ss" in UTC, "" for "never" (https://www.coupontools.com/en/api-and-webhooks/definition).
 * Because that format sorts as text, filters compare strings.
 */

/** @param {Date} date */
function formatUtc(date) {
	const iso = date.toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * @param {string} base "yyyy-MM-dd HH:mm:ss"
 * @param {number} seconds
 */
function addSeconds(base, seconds) {
	return formatUtc(new Date(Date.parse(`${base.replace(' ', 'T')}Z`) + seconds * 1000));
}

/** @param {string} day "yyyy-MM-dd" */
function isRealDay(day) {
	const [year, month, date] = day.split('-').map(Number);
	const parsed = new Date(Date.UTC(year, month - 1, date));
	return (
		parsed.getUTCFullYear() === year &&
		parsed.getUTCMonth() === month - 1 &&
		parsed.getUTCDate() === date
	);
}

/**
 * start_date / end_date of the session lists: "yyyy-MM-dd" or "yyyy-MM-dd HH:mm", UTC, inclusive.
 * Returns the bound as a comparable "yyyy-MM-dd HH:mm:ss" string, or undefined when the format is wrong.
 * An end bound covers its whole day (23:59:59) or whole minute (:59).
 * @param {string} value
 * @param {'start' | 'end'} side
 */
function parseFilterBound(value, side) {
	const match = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value.trim());
	if (!match || !isRealDay(match[1])) return undefined;
	const [, day, hours, minutes] = match;
	if (hours === undefined) return `${day} ${side === 'start' ? '00:00:00' : '23:59:59'}`;
	if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
	return `${day} ${hours}:${minutes}:${side === 'start' ? '00' : '59'}`;
}

/** "yyyy-MM-dd HH:mm:ss" exactly, with a real day and time (expiry_date of single-use create). @param {string} value */
function isDateTimeWithSeconds(value) {
	const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
	return (
		!!match &&
		isRealDay(match[1]) &&
		Number(match[2]) < 24 &&
		Number(match[3]) < 60 &&
		Number(match[4]) < 60
	);
}

module.exports = { formatUtc, addSeconds, parseFilterBound, isDateTimeWithSeconds, isRealDay };
