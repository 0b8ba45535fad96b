import type { INodeListSearchItems } from 'n8n-workflow';

/** Case-insensitive match on name or ID, sorted by name: the same behaviour for every picker. */
export function filterAndSort(
	items: INodeListSearchItems[],
	filter?: string,
): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase();
	return items
		.filter(
			(item) =>
				!needle ||
				item.name.toLowerCase().includes(needle) ||
				String(item.value).toLowerCase().includes(needle),
		)
		.sort((a, b) => a.name.localeCompare(b.name));
}
