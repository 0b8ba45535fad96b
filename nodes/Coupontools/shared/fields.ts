import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DATE_FIELDS, dateInBody } from './dates';
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
 * A calendar day (birthday, expiry date): n8n's date picker, sent as yyyy-MM-dd, the day the value shows
 * (dates.ts).
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
				preSend: [dateInBody(property, DATE_FIELDS.day)],
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
