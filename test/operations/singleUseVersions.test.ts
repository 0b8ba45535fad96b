/**
 * Single Use → Create across node versions. From 1.1 Duplicate Check is a visible switch, on by default
 * (a workflow that runs twice for the same person gets the same URL back); workflows saved with version 1
 * keep the field inside Additional Fields, sent only when added, as before.
 */
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';
import { NODE_TYPE } from '../harness/engine';
import { byId, jsonOf, run, useSandbox } from '../harness/sandbox';

const sandbox = useSandbox();
const description = new Coupontools().description;
const CREATE = { resource: 'singleUse', operation: 'create' };

/** The parameters the editor shows on the panel itself (not inside a collection), for a saved node. */
function visibleTopLevel(typeVersion: number, parameters: IDataObject = CREATE): INodeProperties[] {
	const node = { type: NODE_TYPE, typeVersion, parameters } as unknown as INode;
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(node.parameters, property, node, description, node.parameters),
	);
}

/** The options "Add Field" offers in Single Use → Create's Additional Fields, for a saved node. */
function additionalFieldOptions(typeVersion: number): string[] {
	const node = { type: NODE_TYPE, typeVersion, parameters: CREATE } as unknown as INode;
	const collection = visibleTopLevel(typeVersion).find((p) => p.name === 'singleUseFields');
	return ((collection?.options ?? []) as INodeProperties[])
		.filter(
			(option) =>
				option.displayOptions === undefined ||
				NodeHelpers.displayParameter(node.parameters, option, node, description),
		)
		.map((option) => option.name);
}

async function createFor(typeVersion: number, extra: IDataObject = {}) {
	const result = await run(sandbox.current, {
		typeVersion,
		parameters: {
			...CREATE,
			campaign: byId('cam_1001'),
			singleUseFields: { email: 'ann@example.com', firstname: 'Ann' },
			...extra,
		},
	});
	expect(result.error?.message).toBeUndefined();
	return jsonOf(result.items)[0];
}

describe('Single Use → Create: Duplicate Check', () => {
	test('new nodes get version 1.2 (1.1 and later show the switch); versions 1 and 1.1 stay loadable', () => {
		expect(description.version).toEqual([1, 1.1, 1.2]);
		expect(description.defaultVersion).toBe(1.2);
	});

	test('version 1.1 shows it on the panel, on by default, its meaning under it; not in Additional Fields', () => {
		const field = visibleTopLevel(1.1).find((p) => p.name === 'duplicateCheck');
		expect(field).toMatchObject({
			displayName: 'Duplicate Check',
			type: 'boolean',
			default: true,
			hint: expect.stringMatching(/same URL/),
			description: expect.stringMatching(/^Whether /),
		});
		const names = visibleTopLevel(1.1).map((p) => p.name);
		expect(names.indexOf('duplicateCheck')).toBeLessThan(names.indexOf('singleUseFields'));
		expect(additionalFieldOptions(1.1)).not.toContain('duplicateCheck');
		// Only for Create.
		expect(
			visibleTopLevel(1.1, { resource: 'singleUse', operation: 'createMany' }).map((p) => p.name),
		).not.toContain('duplicateCheck');
	});

	test('version 1 keeps it inside Additional Fields, as saved workflows had it', () => {
		expect(visibleTopLevel(1).map((p) => p.name)).not.toContain('duplicateCheck');
		expect(additionalFieldOptions(1)).toContain('duplicateCheck');
	});

	test('version 1.1, left as it is: running again for the same person returns the same URL', async () => {
		const first = await createFor(1.1);
		const second = await createFor(1.1);
		expect(second.single_use_url).toBe(first.single_use_url);
		expect(sandbox.current.requests.map((r) => r.body)).toEqual([
			{ campaign: 'cam_1001', email: 'ann@example.com', firstname: 'Ann', duplicate_check: true },
			{ campaign: 'cam_1001', email: 'ann@example.com', firstname: 'Ann', duplicate_check: true },
		]);
	});

	test('version 1.1 with the switch off: a second URL, as asked', async () => {
		const first = await createFor(1.1, { duplicateCheck: false });
		const second = await createFor(1.1, { duplicateCheck: false });
		expect(second.single_use_url).not.toBe(first.single_use_url);
		expect(sandbox.current.requests[0].body).toMatchObject({ duplicate_check: false });
	});

	test('version 1 without the field: nothing sent, a second URL (the behaviour it was saved with)', async () => {
		const first = await createFor(1);
		const second = await createFor(1);
		expect(second.single_use_url).not.toBe(first.single_use_url);
		expect(sandbox.current.requests[0].body).not.toHaveProperty('duplicate_check');
	});

	test('version 1 with the field added in Additional Fields: the same URL, as before', async () => {
		const fields = { email: 'ann@example.com', firstname: 'Ann', duplicateCheck: true };
		const first = await createFor(1, { singleUseFields: fields });
		const second = await createFor(1, { singleUseFields: fields });
		expect(second.single_use_url).toBe(first.single_use_url);
		expect(sandbox.current.requests[1].body).toMatchObject({ duplicate_check: true });
	});

	test('a version 1.1 node ignores a Duplicate Check left in Additional Fields: the switch decides', async () => {
		await createFor(1.1, {
			duplicateCheck: false,
			singleUseFields: { email: 'ann@example.com', duplicateCheck: true },
		});
		expect(sandbox.current.requests[0].body).toMatchObject({ duplicate_check: false });
	});

	test('no operation of a new node hides a send-once switch (duplicate, unique) inside a collection', () => {
		const node = { type: NODE_TYPE, typeVersion: 1.1, parameters: {} } as unknown as INode;
		const hidden = description.properties
			.filter((p) => p.type === 'collection')
			.flatMap((p) =>
				((p.options ?? []) as INodeProperties[])
					.filter((option) => /duplicate|unique/i.test(`${option.name} ${option.displayName}`))
					.filter(
						(option) =>
							option.displayOptions === undefined ||
							NodeHelpers.displayParameter({}, option, node, description),
					)
					.map((option) => `${p.name}.${option.name}`),
			);
		expect(hidden).toEqual([]);
	});
});
