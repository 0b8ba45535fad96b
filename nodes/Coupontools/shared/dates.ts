import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Every date a user gives the nodes becomes what Coupontools reads, by one rule (README, "Dates and
 * output format"):
 * - a value without a zone (n8n's date picker gives "2026-11-25T10:00:00") is in the workflow's time
 *   zone (Settings → Timezone, `this.getTimezone()`), as n8n's own nodes read it;
 * - a value with a zone (an ISO string with an offset, a Luxon DateTime such as {{ $now }}, a JS Date)
 *   is that moment for the fields Coupontools reads in UTC, and the wall time it shows for the fields
 *   Coupontools reads in the campaign's time zone or as a calendar day. A JS Date has no zone of its
 *   own: it shows the workflow's time zone, as n8n prints it.
 * The API's formats: https://docs.coupontools.com (usage data start_date/end_date: UTC, "yyyy-MM-dd HH:mm";
 * v4 paid access expires_at: UTC; single-use expiry_date and birthdays: no zone).
 */

export type ApiDateFormat = 'yyyy-MM-dd' | 'yyyy-MM-dd HH:mm' | 'yyyy-MM-dd HH:mm:ss';

/** How Coupontools reads one date field. */
export interface DateField {
	/** `utc`: a moment, sent in UTC. `wall`: the time or day as the value shows it (campaign zone, days). */
	reads: 'utc' | 'wall';
	format: ApiDateFormat;
	/** What a date without a time means: the first or the last second (minute) of that day. */
	dayAlone: 'start' | 'end';
}

export const DATE_FIELDS = {
	usageStart: { reads: 'utc', format: 'yyyy-MM-dd HH:mm', dayAlone: 'start' },
	usageEnd: { reads: 'utc', format: 'yyyy-MM-dd HH:mm', dayAlone: 'end' },
	paidAccessExpiry: { reads: 'utc', format: 'yyyy-MM-dd HH:mm:ss', dayAlone: 'end' },
	singleUseExpiry: { reads: 'wall', format: 'yyyy-MM-dd HH:mm:ss', dayAlone: 'end' },
	day: { reads: 'wall', format: 'yyyy-MM-dd', dayAlone: 'start' },
	pollStartFrom: { reads: 'utc', format: 'yyyy-MM-dd HH:mm:ss', dayAlone: 'start' },
} satisfies Record<string, DateField>;

/**
 * The Coupontools node's version from which the rule holds. Versions 1 and 1.1 keep what their
 * workflows were saved with: zone-less values read as UTC, zoned values converted to UTC (legacyApiDate).
 * Versioning: https://docs.n8n.io/integrations/creating-nodes/build/reference/node-versioning/
 */
export const WORKFLOW_ZONE_VERSION = 1.2;

/** A date with its wall time as written and no zone, or a DateTime that carries its own zone. */
type Parsed =
	| { zoned: false; wall: DateTime; dayOnly: boolean }
	| { zoned: true; dateTime: DateTime };

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The API's own form of a date with or without a time: yyyy-MM-dd, then optionally HH:mm or HH:mm:ss. */
const API_DATE = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2})(:\d{2})?)?$/;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED_TIME =
	/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/i;

function isJsDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

/** Luxon DateTimes of n8n's copy of Luxon (or an object that behaves like one) are read through ISO. */
function isDateTimeLike(value: unknown): value is { toISO(): string | null } {
	return (
		!!value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/** A wall time as written, kept in UTC only as a carrier of its fields (never shifted). */
function wallOf(parts: string[]): DateTime {
	const [year, month, day, hour = '0', minute = '0', second = '0'] = parts;
	return DateTime.fromObject(
		{
			year: Number(year),
			month: Number(month),
			day: Number(day),
			hour: Number(hour),
			minute: Number(minute),
			second: Number(second),
		},
		{ zone: 'utc' },
	);
}

function parse(value: unknown, workflowZone: string): Parsed | undefined {
	if (isJsDate(value)) {
		const dateTime = DateTime.fromMillis(value.getTime(), { zone: workflowZone });
		return { zoned: true, dateTime };
	}
	if (isDateTimeLike(value)) {
		const iso = value.toISO();
		return iso ? { zoned: true, dateTime: DateTime.fromISO(iso, { setZone: true }) } : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const day = DAY_ONLY.exec(text);
	if (day) return { zoned: false, wall: wallOf(day.slice(1)), dayOnly: true };
	const wall = WALL_TIME.exec(text);
	if (wall) return { zoned: false, wall: wallOf(wall.slice(1)), dayOnly: false };
	const zoned = ZONED_TIME.exec(text);
	if (zoned) {
		const [, date, time, zone] = zoned;
		return {
			zoned: true,
			dateTime: DateTime.fromISO(`${date}T${time}${zone.toUpperCase()}`, { setZone: true }),
		};
	}
	return undefined;
}

/** A day alone means its first second (minute) for a start, its last for an end or an expiry. */
function withDayAlone(wall: DateTime, field: DateField): DateTime {
	return field.dayAlone === 'end' ? wall.endOf('day') : wall.startOf('day');
}

/**
 * A user's date in the form Coupontools reads for `field`, or undefined when the value is not a date
 * (apiDate in validation/checks.ts then names the field and the expected format).
 */
export function toApiDateIn(
	value: unknown,
	field: DateField,
	workflowZone: string,
): string | undefined {
	const parsed = parse(value, workflowZone);
	if (!parsed || !(parsed.zoned ? parsed.dateTime : parsed.wall).isValid) return undefined;
	let shown: DateTime;
	if (parsed.zoned) {
		shown = field.reads === 'utc' ? parsed.dateTime.toUTC() : parsed.dateTime;
	} else {
		const wall = parsed.dayOnly ? withDayAlone(parsed.wall, field) : parsed.wall;
		shown =
			field.reads === 'utc'
				? DateTime.fromObject(wall.toObject(), { zone: workflowZone }).toUTC()
				: wall;
	}
	return shown.isValid ? shown.toFormat(field.format) : undefined;
}

/**
 * Whether `text` is already in a form Coupontools takes for `field`, on a day that exists: a day alone
 * for day fields, and for the others also with HH:mm or HH:mm:ss (what validation checks after preSend).
 */
export function isApiDate(text: string, field: DateField): boolean {
	const form = field.format === 'yyyy-MM-dd' ? DAY_ONLY : API_DATE;
	if (!form.test(text)) return false;
	const [year, month, day] = text.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * preSend of a date field sent in the body (routing.send.preSend): the value of `key` becomes what
 * Coupontools reads. The workflow's time zone reaches it through RoutingNode's IExecuteSingleFunctions
 * (getTimezone), the node version through getNode().
 */
export function dateInBody(key: string, field: DateField) {
	return async function coupontoolsDate(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = requestOptions.body as IDataObject | undefined;
		if (!body || typeof body !== 'object') return requestOptions;
		const value = body[key];
		if (value === undefined || value === null || value === '') return requestOptions;
		const formatted =
			this.getNode().typeVersion >= WORKFLOW_ZONE_VERSION
				? toApiDateIn(value, field, this.getTimezone())
				: legacyApiDate(value, field.format);
		if (formatted !== undefined) body[key] = formatted;
		return requestOptions;
	};
}

/**
 * Versions 1 and 1.1 of the Coupontools node: zone-less values are UTC, values with a zone are converted
 * to UTC (days keep the day as written, a JS Date its UTC day), a day alone is 00:00 for minute fields
 * and 23:59:59 for second fields. Kept as it was, for the workflows saved with those versions.
 */
export function legacyApiDate(value: unknown, format: ApiDateFormat): string | undefined {
	let date: Date | undefined;
	if (isJsDate(value)) date = value;
	else if (isDateTimeLike(value)) {
		// A Luxon DateTime from an expression such as {{ $now.minus(1, 'day') }}.
		const luxon = value as { toISODate?: () => string };
		if (format === 'yyyy-MM-dd' && typeof luxon.toISODate === 'function') return luxon.toISODate();
		date = new Date(String(value.toISO()));
	} else if (typeof value === 'string') {
		const trimmed = value.trim();
		// Already in the API's own wall-time form: only adjust the precision the endpoint wants.
		const wall = API_DATE.exec(trimmed);
		if (wall) return legacyFitWallTime(wall[1], wall[2], wall[3], format);
		if (format === 'yyyy-MM-dd' && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return trimmed.slice(0, 10);
		// ISO without a zone (n8n's date picker) is read as UTC.
		const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)
			? `${trimmed}Z`
			: trimmed;
		if (/^\d{4}-\d{2}-\d{2}T/.test(iso)) date = new Date(iso);
	}
	if (!date || Number.isNaN(date.getTime())) return undefined;
	const iso = date.toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ, always UTC
	if (format === 'yyyy-MM-dd') return iso.slice(0, 10);
	return `${iso.slice(0, 10)} ${iso.slice(11, format.length === 16 ? 16 : 19)}`;
}

function legacyFitWallTime(
	day: string,
	minutes: string | undefined,
	seconds: string | undefined,
	format: ApiDateFormat,
): string {
	if (format === 'yyyy-MM-dd') return day;
	if (format === 'yyyy-MM-dd HH:mm') return `${day} ${minutes ?? '00:00'}`;
	if (!minutes) return `${day} 23:59:59`;
	return `${day} ${minutes}${seconds ?? ':00'}`;
}

/**
 * A date field as nodes of `since` and later show it, and as older versions keep showing it (their
 * label and description say UTC). n8n shows and sends only the one whose version matches (displayOptions
 * with @version), so both keep the same parameter name and saved values.
 */
export function dateFieldByVersion(
	field: INodeProperties,
	before: Pick<INodeProperties, 'displayName' | 'description'>,
	since: number,
): INodeProperties[] {
	return [
		{ ...field, displayOptions: { show: { '@version': [{ _cnd: { gte: since } }] } } },
		{ ...field, ...before, displayOptions: { show: { '@version': [{ _cnd: { lt: since } }] } } },
	];
}
