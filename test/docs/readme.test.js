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

test('every operation whose endpoint or fields are inferred (API doc README.md, Endpoints not confirmed by public documentation) is listed as not confirmed', () => {
	const inferred = section('inferred');
	for (const operation of [
		'Update Many',
		'Search',
		'Send Push Notification to All',
		'Single Use → Delete',
		'Loyalty Card → Update User',
		'Directory → Get Campaigns',
		'Update User Payment Status',
		'Subaccount → Update',
		'Account → Create Teammate Login Link',
		'Loyalty Card → Add Many Users',
		'Loyalty Card → Get Many Users',
		'Directory → Get User',
		'Email Group → Get Contacts / Create / Add Contact',
	]) {
		expect({ operation, listed: inferred.includes(operation) }).toEqual({
			operation,
			listed: true,
		});
	}
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
