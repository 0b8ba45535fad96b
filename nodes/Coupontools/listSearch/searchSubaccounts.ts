import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { SUBACCOUNT_LIST_KEYS } from '../resources/subaccount/shared';
import { coupontoolsApiRequest } from '../shared/transport';
import { listRecords } from '../shared/output';
import { filterAndSort } from './filter';

/** Subaccount picker: every subaccount (the list endpoint is not paged), searchable by name, company, email or ID. */
export async function searchSubaccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await coupontoolsApiRequest.call(this, 'POST', '/v4/subaccount/list', {});
	return {
		results: filterAndSort(
			listRecords(body, SUBACCOUNT_LIST_KEYS)
				.filter((subaccount) => subaccount.ID !== undefined)
				.map((subaccount) => ({
					name: `${subaccountLabel(subaccount)} (${String(subaccount.ID)})`,
					value: String(subaccount.ID),
				})),
			filter,
		),
	};
}

function subaccountLabel(subaccount: IDataObject): string {
	const person = [subaccount.first_name, subaccount.last_name].filter(Boolean).join(' ');
	const who = [subaccount.company_name, person].filter(Boolean).join(', ');
	return [who, subaccount.email].filter(Boolean).join(' – ') || String(subaccount.ID);
}
