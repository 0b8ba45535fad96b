import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Coupontools } from '../nodes/Coupontools/Coupontools.node';

const description = new Coupontools().description;
const properties = description.properties;
const resourceProperty = properties.find((p) => p.name === 'resource') as INodeProperties;
const resources = (resourceProperty.options as INodePropertyOptions[]).map((o) => String(o.value));

function operationPropertyOf(resource: string): INodeProperties {
	const found = properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	if (!found) throw new Error(`resource ${resource} has no Operation field`);
	return found;
}

const operations = resources.flatMap((resource) =>
	(operationPropertyOf(resource).options as INodePropertyOptions[]).map((option) => ({
		resource,
		option,
	})),
);

/** Every property, nested ones included, with the path that leads to it. */
function walk(
	list: Array<INodeProperties | INodePropertyCollection | INodePropertyOptions>,
	path: string[] = [],
): Array<{ path: string; property: INodeProperties }> {
	const out: Array<{ path: string; property: INodeProperties }> = [];
	for (const entry of list) {
		if ('type' in entry && 'displayName' in entry) {
			const property = entry as INodeProperties;
			const here = [...path, property.name];
			out.push({ path: here.join('.'), property });
			if (property.type === 'collection' && property.options)
				out.push(...walk(property.options as INodeProperties[], here));
			if (property.type === 'fixedCollection' && property.options) {
				for (const group of property.options as INodePropertyCollection[])
					out.push(...walk(group.values, [...here, group.name]));
			}
		}
	}
	return out;
}

const allFields = walk(properties);

describe('Coupontools node description', () => {
	test('has the metadata n8n and its linter require', () => {
		expect(description.name).toBe('coupontools');
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter');
		expect(description.icon).toEqual({
			light: expect.stringMatching(/\.svg$/),
			dark: expect.stringMatching(/\.dark\.svg$/),
		});
		expect(description.credentials).toEqual([{ name: 'coupontoolsApi', required: true }]);
		expect(description.requestDefaults?.ignoreHttpStatusErrors).toBe(true);
		expect(typeof description.requestOperations?.pagination).toBe('function');
	});

	test.each(
		operations.map(({ resource, option }) => [`${resource}.${String(option.value)}`, option]),
	)(
		'%s has an action, a POST/GET/DELETE request and the shared response check first',
		(_name, option) => {
			const operation = option as INodePropertyOptions;
			expect(operation.action).toMatch(/^[A-Z][a-z]/);
			expect(operation.action).toBe(
				operation.action![0] +
					operation
						.action!.slice(1)
						.replace(/\b(Get|Many|Send|Create|Update|Delete)\b/g, (w) => w.toLowerCase()),
			);
			expect(operation.description).toBeTruthy();
			expect(['POST', 'GET', 'DELETE']).toContain(operation.routing?.request?.method);
			expect(operation.routing?.request?.url).toMatch(/\/v[34]\//);
			const [first] = operation.routing?.output?.postReceive ?? [];
			expect(typeof first === 'function' && first.name).toBe('coupontoolsResponse');
		},
	);

	test('options of every options field are sorted by name', () => {
		for (const { path, property } of allFields) {
			if (
				(property.type === 'options' || property.type === 'multiOptions') &&
				Array.isArray(property.options)
			) {
				const names = (property.options as INodePropertyOptions[]).map((o) => o.name);
				expect({ path, names }).toEqual({
					path,
					names: [...names].sort((a, b) => a.localeCompare(b)),
				});
			}
			if (property.type === 'collection' && Array.isArray(property.options)) {
				const names = (property.options as INodeProperties[]).map((o) => o.displayName);
				expect({ path, names }).toEqual({
					path,
					names: [...names].sort((a, b) => a.localeCompare(b)),
				});
			}
		}
	});

	test('every field has a default, and booleans are described with "Whether"', () => {
		for (const { path, property } of allFields) {
			expect({ path, hasDefault: property.default !== undefined }).toEqual({
				path,
				hasDefault: true,
			});
			if (property.type === 'boolean')
				expect({ path, description: property.description }).toEqual({
					path,
					description: expect.stringMatching(/^Whether /),
				});
		}
	});

	test('displayOptions only name real resources and operations of that resource', () => {
		for (const { path, property } of allFields) {
			const show = property.displayOptions?.show;
			if (!show || property.name === 'operation') continue;
			for (const resource of show.resource ?? [])
				expect({ path, resource, known: resources.includes(String(resource)) }).toEqual({
					path,
					resource,
					known: true,
				});
			for (const operation of show.operation ?? []) {
				const owners = (show.resource ?? resources).filter((resource) =>
					(operationPropertyOf(String(resource)).options as INodePropertyOptions[]).some(
						(o) => o.value === operation,
					),
				);
				expect({ path, operation, owners: owners.length > 0 }).toEqual({
					path,
					operation,
					owners: true,
				});
			}
		}
	});

	test('every API parameter is mapped by exactly one field per operation', () => {
		for (const { resource, option } of operations) {
			const seen = new Map<string, string>();
			for (const { path, property } of allFields) {
				const show = property.displayOptions?.show;
				if (
					show &&
					(!show.resource?.includes(resource) ||
						(show.operation && !show.operation.includes(option.value)))
				)
					continue;
				if (!show && !path.includes('.')) continue;
				const target = property.routing?.send?.property;
				if (typeof target !== 'string' || path.includes('.')) continue;
				const key = `${target}@${JSON.stringify(show?.[Object.keys(show ?? {}).find((k) => !['resource', 'operation'].includes(k)) ?? ''] ?? '')}`;
				expect({
					op: `${resource}.${String(option.value)}`,
					target,
					duplicateOf: seen.get(key),
				}).toEqual({ op: `${resource}.${String(option.value)}`, target, duplicateOf: undefined });
				seen.set(key, path);
			}
		}
	});
});
