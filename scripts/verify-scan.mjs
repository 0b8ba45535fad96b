// @ts-check
/**
 * The lint leg of n8n's verification scanner (@n8n/scan-community-package), run locally:
 * the same rule sets over the same files, with inline `eslint-disable` comments ignored.
 *  1. the source: package.json and {nodes,credentials}/**\/*.{js,ts,json}
 *  2. the published artifact: `npm pack`, unpacked, then **\/*.js and its package.json
 * The scanner's other legs (npm provenance, source fetch from GitHub) need a published version and are
 * covered by .github/workflows/publish.yml. Counts errors AND warnings: the goal is 0 findings.
 * Usage: node scripts/verify-scan.mjs   (after npm run build)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The plugins are the ones @n8n/node-cli brings, resolved from its folder like `n8n-node lint` does.
const fromCli = createRequire(path.join(root, 'node_modules/@n8n/node-cli/package.json'));
const { ESLint } = fromCli('eslint');
const { n8nCommunityNodesPlugin } = await import(
	fromCli.resolve('@n8n/eslint-plugin-community-nodes')
);
const n8nNodesBase = fromCli('eslint-plugin-n8n-nodes-base');
const tsParser = fromCli('@typescript-eslint/parser');

const scanConfig = [
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];

async function lint(cwd, patterns) {
	const eslint = new ESLint({
		cwd,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: scanConfig,
	});
	const results = await eslint.lintFiles(patterns);
	const formatter = await eslint.loadFormatter('stylish');
	const findings = results.reduce((sum, r) => sum + r.errorCount + r.warningCount, 0);
	return { files: results.length, findings, report: await formatter.format(results) };
}

function packAndUnpack() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-scan-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', dir, '--strip-components=1']);
	fs.rmSync(path.join(dir, filename));
	return dir;
}

if (!fs.existsSync(path.join(root, 'dist'))) {
	console.error('dist/ is missing: run `npm run build` first.');
	process.exit(2);
}
const source = await lint(root, [
	'package.json',
	'nodes/**/*.{js,ts,json}',
	'credentials/**/*.{js,ts,json}',
]);
const packed = packAndUnpack();
const artifact = await lint(packed, ['**/*.js', 'package.json']);
fs.rmSync(packed, { recursive: true, force: true });

for (const [name, result] of [
	['source', source],
	['published artifact', artifact],
]) {
	console.log(`${name}: ${result.files} files, ${result.findings} findings`);
	if (result.findings) console.log(result.report);
}
process.exitCode =
	source.findings + artifact.findings === 0 && source.files > 0 && artifact.files > 0 ? 0 : 1;
