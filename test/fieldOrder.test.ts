/**
 * n8n's UX guidelines: on every operation's panel the fields a user sets directly come first, the
 * optional collections (Additional Fields, Update Fields, Filters, Options) last. A switch after a
 * collection is easy to miss (Subaccount → Include API Credentials was).
 * https://docs.n8n.io/integrations/creating-nodes/build/reference/ux-guidelines/
 */
import type { INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { NODE_TYPE } from './harness/engine';

const description = new Coupontools().description;
const version = description.defaultVersion ?? 1;
const COLLECTIONS = ['collection', 'fixedCollection'];
/** Texts, not fields. */
const TEXTS = ['notice', 'callout'];

function panels(): Array<[string, string, INodeProperties[]]> {
	const resources = description.properties.find((p) => p.name === 'resource')
		?.options as INodePropertyOptions[];
	return resources.flatMap(({ value: resource }) => {
		const operation = description.properties.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource)),
		);
		return ((operation?.options ?? []) as INodePropertyOptions[]).map(({ value }) => {
			const parameters = { resource, operation: value };
			const node = { type: NODE_TYPE, typeVersion: version, parameters } as unknown as INode;
			const shown = description.properties.filter(
				(p) =>
					!['resource', 'operation'].includes(p.name) &&
					NodeHelpers.displayParameter(parameters, p, node, description, parameters),
			);
			return [String(resource), String(value), shown] as [string, string, INodeProperties[]];
		});
	});
}

describe('field order on every operation panel', () => {
	test.each(panels())('%s → %s: no field after an optional collection', (_r, _o, shown) => {
		const firstCollection = shown.findIndex((p) => COLLECTIONS.includes(p.type));
		const after = firstCollection < 0 ? [] : shown.slice(firstCollection);
		expect(
			after.filter((p) => ![...COLLECTIONS, ...TEXTS].includes(p.type)).map((p) => p.name),
		).toEqual([]);
	});
});
