import type { INodeProperties } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';

const displayOptions = { show: { resource: ['loyaltyCard'], operation: ['getManyUsers'] } };

/** A filter on one user field, sent as `filter[<field>]` (README: "Endpoints not confirmed by public documentation"). */
function filterField(displayName: string, name: string, field: string, placeholder: string) {
	return {
		displayName,
		name,
		type: 'string' as const,
		default: '',
		placeholder,
		description: `Only users whose ${displayName.toLowerCase()} contains this text`,
		routing: { send: { type: 'query' as const, property: `filter.${field}` } },
	};
}

export const loyaltyCardGetManyUsersFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'loyaltyCardUsersReturnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions,
		// The list is paged with `pagination[page]` (from 1) and `pagination[per_page]`; the pager in the
		// request hook asks the next page until one comes back short.
		routing: { send: { type: 'query', property: 'pagination.page', value: '={{ 1 }}' } },
	},
	{
		displayName: 'Limit',
		name: 'loyaltyCardUsersLimit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...displayOptions.show, loyaltyCardUsersReturnAll: [false] } },
		routing: { output: { maxResults: '={{ $value }}' } },
	},
	collectionField({
		displayName: 'Filters',
		name: 'loyaltyCardUsersFilters',
		displayOptions,
		options: [
			filterField('City', 'city', 'city', 'e.g. Ghent'),
			filterField('Email', 'email', 'email', 'e.g. @example.com'),
			filterField('First Name', 'firstName', 'first_name', 'e.g. Jane'),
			filterField('Last Name', 'lastName', 'last_name', 'e.g. Doe'),
			filterField('Phone', 'phone', 'phone', 'e.g. +32470'),
			filterField('ZIP Code', 'zip', 'zip', 'e.g. 9000'),
		],
	}),
	collectionField({
		displayName: 'Options',
		name: 'loyaltyCardUsersOptions',
		displayOptions,
		options: [
			{
				displayName: 'Include Voided Users',
				name: 'includeVoided',
				type: 'boolean',
				default: false,
				description: 'Whether to list users who were voided on this card too',
				routing: { send: { type: 'query', property: 'include_voided' } },
			},
		],
	}),
];
