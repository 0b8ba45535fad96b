import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { dayField } from '../../shared/fields';
import { passwordField } from '../../shared/personFields';
import { idLocator } from '../../shared/locator';

/** The list answer's shape is not documented: these keys are tried in order (then the answer's only array). */
export const SUBACCOUNT_LIST_KEYS = ['subaccount', 'subaccounts', 'data'];

/** A two-letter country code as ISO 3166-1 writes it (be → BE); anything else is left for validation. */
export function countryCode(value: unknown): unknown {
	const text = String(value ?? '').trim();
	return /^[a-z]{2}$/i.test(text) ? text.toUpperCase() : value;
}

export async function countryInCapitals(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject | undefined;
	if (body && typeof body === 'object' && body.country !== undefined)
		body.country = countryCode(body.country) as IDataObject[keyof IDataObject];
	return requestOptions;
}

/** Subaccount picker: searchable list (fed by /v4/subaccount/list) or a sub_ ID. */
export function subaccountLocator(displayOptions: IDisplayOptions): INodeProperties {
	return idLocator({
		displayName: 'Subaccount',
		name: 'subaccount',
		description: 'The subaccount to use',
		searchListMethod: 'searchSubaccounts',
		listPlaceholder: 'Select a subaccount…',
		idPlaceholder: 'e.g. sub_12345',
		idRegex: 'sub_[A-Za-z0-9]+',
		idErrorMessage: 'A subaccount ID starts with sub_, e.g. sub_12345',
		property: 'subaccount',
		displayOptions,
	});
}

/** api_key / api_secret of a subaccount let anyone act as it: they stay out of the output unless asked for. */
export function includeApiCredentialsField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Include API Credentials',
		name: 'includeApiCredentials',
		type: 'boolean',
		default: false,
		description:
			"Whether to include the subaccount's API key and API secret in the output. They are secrets: anyone who can read this execution's data could use them to act as the subaccount.",
		displayOptions,
	};
}

/** The optional fields of Create (documented), which Update takes too (inferred: README.md, "Endpoints not confirmed by public documentation"). `withEmail` adds Email, required on Create. */
export function subaccountDetailFields(withEmail: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Company Name',
			name: 'company_name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme Bakery',
			routing: { send: { type: 'body', property: 'company_name' } },
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'e.g. BE',
			description: 'Two-letter ISO 3166-1 country code',
			routing: {
				send: { type: 'body', property: 'country', preSend: [countryInCapitals] },
			},
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'e.g. owner@acme.example',
			description: 'The login email of the subaccount (must not be used by another subaccount)',
			routing: { send: { type: 'body', property: 'email' } },
		},
		dayField({
			displayName: 'Expiry Date',
			name: 'expiry_date',
			description: 'The day the subaccount expires',
		}),
		{
			displayName: 'First Name',
			name: 'first_name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Anna',
			routing: { send: { type: 'body', property: 'first_name' } },
		},
		{
			displayName: 'Last Name',
			name: 'last_name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Peeters',
			routing: { send: { type: 'body', property: 'last_name' } },
		},
		{
			displayName: 'Package ID',
			name: 'package',
			type: 'string',
			default: '',
			placeholder: 'e.g. pac_123',
			description: 'The package (pac_…) that sets what the subaccount may do',
			routing: { send: { type: 'body', property: 'package' } },
		},
		passwordField({
			description:
				'The login password. On Create, leave it out and Coupontools emails the subaccount a link to set one.',
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'trial',
			options: [
				{ name: 'Customer', value: 'customer' },
				{ name: 'Trial', value: 'trial' },
			],
			routing: { send: { type: 'body', property: 'status' } },
		},
	];
	return withEmail ? fields : fields.filter((field) => field.name !== 'email');
}
