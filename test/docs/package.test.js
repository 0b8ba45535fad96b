// The published package carries only what n8n loads: compiled JavaScript, codex and metadata JSON,
// icons, plus index.js, README, LICENSE and package.json. No build caches, source maps or typings.
// Plain JS because it runs npm (n8n's lint forbids child_process in .ts files).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const isBuilt = () =>
	fs.existsSync(path.join(root, 'dist', 'nodes', 'Coupontools', 'Coupontools.node.js'));

function packedFiles() {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return JSON.parse(out)[0].files.map((file) => file.path);
}

describe('npm pack', () => {
	/** @type {string[]} */
	let files = [];
	// A fresh clone has no dist/ yet (npm test runs before any build): build it, so these checks never skip.
	beforeAll(() => {
		if (!isBuilt()) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
		files = packedFiles();
	}, 180_000);

	test('ships no build cache, source map, typing or copy of package.json inside dist', () => {
		const unwanted = files.filter(
			(file) =>
				file.endsWith('.tsbuildinfo') ||
				file.endsWith('.map') ||
				file.endsWith('.d.ts') ||
				file === 'dist/package.json',
		);
		expect(unwanted).toEqual([]);
	});

	test('ships every node and credential that package.json declares, with their icons', () => {
		const { n8n } = require(path.join(root, 'package.json'));
		for (const entry of [...n8n.nodes, ...n8n.credentials]) expect(files).toContain(entry);
		expect(files).toEqual(expect.arrayContaining(['dist/icons/coupontools.svg', 'index.js']));
	});

	test('ships nothing outside dist/ but the entry point and the documents npm always adds', () => {
		const outside = files.filter((file) => !file.startsWith('dist/'));
		expect(outside.sort()).toEqual(['LICENSE.md', 'README.md', 'index.js', 'package.json']);
	});
});
