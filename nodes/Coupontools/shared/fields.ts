import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { idLocator } from './locator';

/** Campaign picker: searchable list (fed by /v3/coupon/list) or an ID. */
export function campaignLocator(
	displayOptions: IDisplayOptions,
	overrides: Partial<INodeProperties> & { allowDirectory?: boolean } = {},
): INodeProperties {
	const { allowDirectory, ...rest } = overrides;
	return {
		...idLocator({
			displayName: 'Campaign',
			name: 'campaign',
			description: allowDirectory
				? 'The campaign whose coupon is sent, or a directory (dir_…) to send the whole directory'
				: 'The campaign (coupon) to use',
			searchListMethod: allowDirectory ? 'searchCampaignsAndDirectories' : 'searchCampaigns',
			listPlaceholder: allowDirectory ? 'Select a campaign or directory…' : 'Select a campaign…',
			idPlaceholder: allowDirectory ? 'e.g. cam_12345 or dir_12345' : 'e.g. cam_12345',
			idRegex: allowDirectory ? '(cam|dir)_[A-Za-z0-9]+' : 'cam_[A-Za-z0-9]+',
			idErrorMessage: allowDirectory
				? 'A campaign ID starts with cam_ and a directory ID with dir_, e.g. cam_12345'
				: 'A campaign ID starts with cam_, e.g. cam_12345',
			property: 'campaign',
			displayOptions: Object.keys(displayOptions).length ? displayOptions : undefined,
		}),
		...rest,
	};
}

/** The text of a wallet push notification (coupon sessions and loyalty cards); only the example and the wording differ. */
export function pushMessageField(
	displayOptions: IDisplayOptions,
	{ placeholder, description }: { placeholder: string; description: string },
): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		placeholder,
		description,
		displayOptions,
		routing: { send: { type: 'body', property: 'message' } },
	};
}

/**
 * A calendar day (birthday, expiry date): n8n's date picker, sent as yyyy-MM-dd exactly as written, never
 * shifted to UTC (toApiDate).
 */
export function dayField({
	displayName,
	name,
	property = name,
	description,
}: {
	displayName: string;
	name: string;
	property?: string;
	description: string;
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description,
		routing: {
			send: {
				type: 'body',
				property,
				preSend: [formatDatesInBody([property], 'yyyy-MM-dd')],
			},
		},
	};
}

export interface BodyTextFieldSpec {
	displayName: string;
	/** Parameter name in the node. */
	name: string;
	/** The API's body key, when it is not spelled like `name` (e.g. first_name for firstName). */
	property?: string;
	placeholder?: string;
	description?: string;
}

/**
 * A plain text field the API takes as is under one body key: most optional fields of the create
 * operations. Placeholder and description are left out, not set to undefined, when not given, so the
 * field is the same object a hand-written declaration would be.
 */
export function bodyTextField({
	displayName,
	name,
	property = name,
	placeholder,
	description,
}: BodyTextFieldSpec): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		...(placeholder === undefined ? {} : { placeholder }),
		...(description === undefined ? {} : { description }),
		routing: { send: { type: 'body', property } },
	};
}

/**
 * The optional parameters of an operation, grouped as n8n's UX guidelines name them
 * (https://docs.n8n.io/integrations/creating-nodes/build/reference/ux-guidelines/): the "Add …" button
 * follows from the group's name.
 */
const COLLECTION_PLACEHOLDERS = {
	'Additional Fields': 'Add Field',
	'Update Fields': 'Add Field',
	Filters: 'Add Filter',
	Options: 'Add Option',
};

export function collectionField({
	displayName,
	name,
	displayOptions,
	options,
}: {
	displayName: keyof typeof COLLECTION_PLACEHOLDERS;
	name: string;
	displayOptions?: IDisplayOptions;
	options: INodeProperties[];
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: COLLECTION_PLACEHOLDERS[displayName],
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options,
	};
}

/**
 * Return All + Limit. On paged endpoints Return All also marks the request as paged (page=1, see
 * pagination.ts); `'unpaged'` is for lists the API answers in one piece, where Limit only trims the answer.
 */
export function returnAllAndLimit(
	displayOptions: IDisplayOptions,
	pageIn: 'body' | 'query' | 'unpaged' = 'body',
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
			...(pageIn === 'unpaged'
				? {}
				: { routing: { send: { type: pageIn, property: 'page', value: '={{ 1 }}' } } }),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
			routing: { output: { maxResults: '={{ $value }}' } },
		},
	];
}

/**
 * The API wants UTC wall times such as "2026-11-25 09:30". n8n's date fields give ISO strings without
 * a zone, and expressions may give Luxon DateTimes or JS Dates; all become UTC in the API's format.
 * Values that are not dates are left alone for validation.ts to report.
 */
export function formatDatesInBody(keys: string[], format: ApiDateFormat) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = requestOptions.body as IDataObject | undefined;
		if (!body || typeof body !== 'object') return requestOptions;
		for (const key of keys) {
			if (body[key] === undefined || body[key] === '') continue;
			const formatted = toApiDate(body[key], format);
			if (formatted !== undefined) body[key] = formatted;
		}
		return requestOptions;
	};
}

/** Day-only fields (birthday, subaccount expiry) want the calendar date as written, never shifted to UTC. */
export type ApiDateFormat = 'yyyy-MM-dd' | 'yyyy-MM-dd HH:mm' | 'yyyy-MM-dd HH:mm:ss';

export function toApiDate(value: unknown, format: ApiDateFormat): string | undefined {
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		// A Luxon DateTime from an expression such as {{ $now.minus(1, 'day') }}.
		const luxon = value as { toISODate?: () => string };
		if (format === 'yyyy-MM-dd' && typeof luxon.toISODate === 'function') return luxon.toISODate();
		date = new Date(String((value as { toISO: () => string }).toISO()));
	} else if (typeof value === 'string') {
		const trimmed = value.trim();
		// Already in the API's own wall-time form: only adjust the precision the endpoint wants.
		const wall = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2})(:\d{2})?)?$/.exec(trimmed);
		if (wall) return fitWallTime(wall[1], wall[2], wall[3], format);
		if (format === 'yyyy-MM-dd' && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return trimmed.slice(0, 10);
		// ISO without a zone (n8n's date picker) is read as UTC, as the field label says.
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

/** A day alone means the whole day: 00:00 for a start or list filter, 23:59:59 for an expiry. */
function fitWallTime(
	day: string,
	minutes: string | undefined,
	seconds: string | undefined,
	format: string,
): string {
	if (format === 'yyyy-MM-dd') return day;
	if (format === 'yyyy-MM-dd HH:mm') return `${day} ${minutes ?? '00:00'}`;
	if (!minutes) return `${day} 23:59:59`;
	return `${day} ${minutes}${seconds ?? ':00'}`;
}

/** Drops body fields left empty, so an unset optional field is not sent as "". */
export async function dropEmptyBodyFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject | undefined;
	if (body && typeof body === 'object') {
		for (const key of Object.keys(body))
			if (body[key] === '' || body[key] === undefined) delete body[key];
	}
	return requestOptions;
}
