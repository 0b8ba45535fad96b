// The README is the user's manual: its operations table must list exactly the operations the node has.
// Plain JS because it reads files (n8n's lint forbids `fs` in .ts files).
const fs = require('node:fs');
const path = require('node:path');

const { Coupontools } = require('../../nodes/Coupontools/Coupontools.node');

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

function section(name) {
	const start = readme.indexOf(`<!-- ${name}:start -->`);
	const end = readme.indexOf(`<!-- ${name}:end -->`);
	if (start < 0 || end < 0) throw new Error(`README has no ${name} section`);
	return readme.slice(start, end);
}

function nodeOperations() {
	const { properties } = new Coupontools().description;
	const resources = properties.find((p) => p.name === 'resource').options;
	return resources.flatMap((resource) =>
		properties
			.find(
				(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource.value),
			)
			.options.map((operation) => `${resource.name} | ${operation.name}`),
	);
}

function readmeOperations() {
	return section('operations-table')
		.split('\n')
		.filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| Resource'))
		.flatMap((line) => {
			const [resource, operations] = line
				.split('|')
				.slice(1, 3)
				.map((cell) => cell.trim());
			return operations.split(' / ').map((operation) => `${resource} | ${operation}`);
		});
}

test('the operations table lists every operation of the node, and nothing else', () => {
	expect(readmeOperations().sort()).toEqual(nodeOperations().sort());
	expect(nodeOperations().length).toBeGreaterThanOrEqual(50);
});

/**
 * Where an operation's request policy is declared: `requestLoop(policy)` in
 * nodes/Coupontools/resources/<resource>/index.ts, the policy's `unconfirmed: true` marking an endpoint
 * whose path no public page shows. The policy lives in the hook's closure, so the node is loaded once
 * with the factory wrapped to keep each policy next to the hook it made (the real hooks, unchanged).
 */
const REQUEST_POLICY_MODULE = '../../nodes/Coupontools/shared/requestLoop';
const REQUEST_POLICY_FACTORY = 'requestLoop';

/** "Resource → Operation" of every operation, with the request policy it declares (undefined: the node's default). */
function declaredPolicies() {
	let Node;
	jest.isolateModules(() => {
		jest.doMock(REQUEST_POLICY_MODULE, () => {
			const actual = jest.requireActual(REQUEST_POLICY_MODULE);
			const factory = actual[REQUEST_POLICY_FACTORY];
			if (typeof factory !== 'function')
				throw new Error(`${REQUEST_POLICY_MODULE} has no ${REQUEST_POLICY_FACTORY}(policy)`);
			return {
				...actual,
				[REQUEST_POLICY_FACTORY]: (policy) =>
					Object.assign(factory(policy), { declaredPolicy: policy ?? {} }),
			};
		});
		({ Coupontools: Node } = require('../../nodes/Coupontools/Coupontools.node'));
	});
	const { properties } = new Node().description;
	const resources = properties.find((p) => p.name === 'resource').options;
	return resources.flatMap((resource) =>
		properties
			.filter(
				(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource.value),
			)
			.flatMap((p) => p.options)
			.map((operation) => ({
				name: `${resource.name} → ${operation.name}`,
				hook: operation.routing?.operations?.pagination,
			})),
	);
}

/** "Resource → A / B" or "Resource → A and B": one name per operation. */
function operationNames(text) {
	const [resource, operations] = text.split(' → ');
	return operations
		.split(/ \/ | and /)
		.map((operation) => `${resource.trim()} → ${operation.trim()}`);
}

test('the README lists as not confirmed exactly the operations whose policy says unconfirmed, and names only real operations', () => {
	const declared = declaredPolicies();
	// Every operation's hook came through the wrapped factory (else the policy module moved: update the constants).
	const withoutPolicy = declared.filter(({ hook }) => hook && !hook.declaredPolicy);
	expect(withoutPolicy.map(({ name }) => name)).toEqual([]);
	const unconfirmed = declared
		.filter(({ hook }) => hook?.declaredPolicy.unconfirmed === true)
		.map(({ name }) => name)
		.sort();
	expect(unconfirmed.length).toBeGreaterThanOrEqual(1);

	const inferred = section('inferred');
	// The section opens with the operations whose path is inferred ("Where the path itself is inferred (…)").
	const pathList = /Where the path itself is inferred \(([^)]*)\)/.exec(inferred);
	expect(pathList).not.toBeNull();
	const listed = pathList[1]
		.split(', ')
		.flatMap((entry) => operationNames(entry))
		.sort();
	expect(listed).toEqual(unconfirmed);

	// The table: each unconfirmed operation has its row, and every operation a row names exists.
	const rowNames = inferred
		.split('\n')
		.filter((line) => line.startsWith('| ') && line.split('|')[1].includes(' → '))
		.flatMap((line) => operationNames(line.split('|')[1].trim()));
	for (const name of unconfirmed)
		expect({ name, hasRow: rowNames.includes(name) }).toEqual({ name, hasRow: true });
	const operations = new Set(declared.map(({ name }) => name));
	for (const name of rowNames)
		expect({ name, isOperation: operations.has(name) }).toEqual({ name, isOperation: true });
});

test('the README gives the two commands and the sections n8n asks for', () => {
	for (const heading of [
		'## Installation',
		'## Operations',
		'## Credentials',
		'## Compatibility',
		'## Usage and examples',
		'## Resources',
		'## Version history',
		'## Trigger setup',
		'## Limits',
	]) {
		expect({ heading, present: readme.includes(heading) }).toEqual({ heading, present: true });
	}
	expect(readme).toMatch(/npm run demo/);
	expect(readme).toMatch(/npm test/);
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors() {
	return new Set(
		readme
			.split('\n')
			.filter((line) => /^#{1,6} /.test(line))
			.map((line) =>
				line
					.replace(/^#+ /, '')
					.trim()
					.toLowerCase()
					.replace(/[^\p{L}\p{N} _-]/gu, '')
					.replace(/ /g, '-'),
			),
	);
}

test('every documentation link of the codex files and the credential resolves to a README heading', () => {
	const { CoupontoolsApi } = require('../../credentials/CoupontoolsApi.credentials');
	const root = path.join(__dirname, '..', '..');
	const links = [new CoupontoolsApi().documentationUrl];
	for (const file of [
		'nodes/Coupontools/Coupontools.node.json',
		'nodes/CoupontoolsTrigger/CoupontoolsTrigger.node.json',
	]) {
		const codex = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
		expect(
			codex.categories.every((c) =>
				[
					'Data & Storage',
					'Finance & Accounting',
					'Marketing & Content',
					'Productivity',
					'Miscellaneous',
					'Sales',
					'Development',
					'Analytics',
					'Communication',
					'Utility',
				].includes(c),
			),
		).toBe(true);
		expect(codex.subcategories).toBeUndefined();
		links.push(
			...codex.resources.primaryDocumentation.map((d) => d.url),
			...codex.resources.credentialDocumentation.map((d) => d.url),
		);
	}
	const homepage = require('../../package.json').homepage.replace(/#.*$/, '');
	for (const link of links) {
		const [base, anchor] = link.split('#');
		expect({ link, base }).toEqual({ link, base: homepage });
		expect({ link, resolves: anchors().has(anchor) }).toEqual({ link, resolves: true });
	}
});

/** Every date field (n8n's dateTime type) of a node description, collections included. */
function dateFieldNames(properties) {
	return properties.flatMap((property) => [
		...(property.type === 'dateTime' ? [property.displayName.replace(/ \(UTC\)$/, '')] : []),
		...(property.type === 'collection' ? dateFieldNames(property.options) : []),
		...(property.type === 'fixedCollection'
			? property.options.flatMap((group) => dateFieldNames(group.values))
			: []),
	]);
}

test('the dates table names every date field of the action node and the polling trigger', () => {
	const {
		CoupontoolsPollTrigger,
	} = require('../../nodes/CoupontoolsPollTrigger/CoupontoolsPollTrigger.node');
	const names = [
		...new Set([
			...dateFieldNames(new Coupontools().description.properties),
			...dateFieldNames(new CoupontoolsPollTrigger().description.properties),
		]),
	].sort();
	expect(names).toEqual([
		'Birth Date',
		'Birthday',
		'End Date',
		'Expires At',
		'Expiry Date',
		'Start Date',
		'Start From',
	]);
	const table = section('dates-table');
	for (const name of names)
		expect({ name, listed: table.includes(`**${name}**`) }).toEqual({ name, listed: true });
});
