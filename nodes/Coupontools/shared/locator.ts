import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** What differs between the node's ID pickers: a searchable list, or an ID typed By ID and checked. */
export interface LocatorSpec {
	displayName: string;
	/** Parameter name in the node. */
	name: string;
	description: string;
	/** listSearch method (Coupontools.node.ts). */
	searchListMethod: string;
	listPlaceholder: string;
	idPlaceholder: string;
	/** The regular expression the editor checks a typed ID against, and what it says when it does not match. */
	idRegex: string;
	idErrorMessage: string;
	/** The API's body key; none when the value goes into the path (shared/path.ts). */
	property?: string;
	displayOptions?: IDisplayOptions;
}

/** An ID picker (n8n's resource locator): From List, or By ID with the ID's format checked in the editor. */
export function idLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: spec.idRegex, errorMessage: spec.idErrorMessage },
					},
				],
			},
		],
		...(spec.property ? { routing: { send: { type: 'body', property: spec.property } } } : {}),
	};
}
