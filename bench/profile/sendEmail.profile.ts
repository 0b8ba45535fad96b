/**
 * Where the time of Send Email goes, in-process: n8n-core's WorkflowExecute → RoutingNode → our transport
 * and output code, against the in-process sandbox (test/harness). A profiling aid, not a test: it lives
 * outside test/, never runs in `npm test`, and only runs through bench/jest.profile.config.js
 * (`npm run bench` calls it; add --cpu-prof to node for a profile).
 *
 * Three descriptions of the same node run the same items:
 * - shipped: the node as published;
 * - unique names: the same, but the other operations' namesakes of Send Email's fields renamed;
 * - minimal: only the properties Send Email shows.
 * For each: ms per item, and how many expressions n8n evaluated per item (each builds a WorkflowDataProxy).
 * RoutingNode resolves `node.parameters[property.name]` once per property *per item*, displayed or not,
 * so every property that shares a name with a filled-in expression field repeats that evaluation.
 *
 * Settings and output through bench/profile/setup.js (PROFILE_ITEMS, PROFILE_RUNS, PROFILE_VARIANT, PROFILE_OUT).
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';
import { startSandbox } from '../../test/sandbox/server';
import { byId, credentialsFor } from '../../test/harness/sandbox';
import { runNode } from '../../test/harness/engine';
import { countingEvaluations } from '../../test/harness/expressions';

declare const profileSettings: { items: number; runs: number; variant: string };
declare function profileLog(line: string): void;
declare function profileReport(results: unknown): void;

const ITEMS = profileSettings.items;
const RUNS = profileSettings.runs;

const parameters = {
	resource: 'distribution',
	operation: 'sendEmail',
	campaignOrDirectory: byId('cam_1005'),
	email: '={{ $json.email }}',
	checkUnique: false,
	additionalFields: { firstname: '={{ $json.firstname }}' },
};

const FILLED = new Set(
	Object.keys(parameters).filter((name) => name !== 'resource' && name !== 'operation'),
);

function shownForSendEmail(property: INodeProperties): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	const resources = show.resource as string[] | undefined;
	const operations = show.operation as string[] | undefined;
	return (
		(!resources || resources.includes('distribution')) &&
		(!operations || operations.includes('sendEmail'))
	);
}

function variant(transform: (properties: INodeProperties[]) => INodeProperties[]): INodeType {
	const node = new Coupontools();
	node.description = { ...node.description, properties: transform(node.description.properties) };
	return node;
}

const VARIANTS: Record<string, () => INodeType> = {
	shipped: () => new Coupontools(),
	// Only the names Send Email fills in: the hidden namesakes of its fields get their own names.
	uniqueNames: () =>
		variant((properties) =>
			properties.map((p, i) =>
				shownForSendEmail(p) || !FILLED.has(p.name) ? p : { ...p, name: `${p.name}__${i}` },
			),
		),
	minimal: () => variant((properties) => properties.filter(shownForSendEmail)),
};

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

it(`Send Email over ${ITEMS} items, three descriptions (profile)`, async () => {
	const sandbox = await startSandbox();
	const results: Record<
		string,
		{ msPerItem: number; runsMs: number[]; expressionsPerItem: number; properties: number }
	> = {};
	try {
		const items = Array.from({ length: ITEMS }, (_, i) => ({
			email: `profile-${i}@example.com`,
			firstname: 'Profile',
		}));
		const only = profileSettings.variant;
		for (const [name, make] of Object.entries(VARIANTS).filter(
			([variantName]) => !only || variantName === only,
		)) {
			const nodeType = make();
			await runNode({
				parameters,
				items: items.slice(0, 20),
				credentials: credentialsFor(sandbox),
				nodeType,
			});
			const runsMs: number[] = [];
			let expressionsPerItem = 0;
			for (let run = 0; run < RUNS; run++) {
				sandbox.reset();
				const t0 = performance.now();
				const { result, evaluations } = await countingEvaluations(
					async () =>
						await runNode({ parameters, items, credentials: credentialsFor(sandbox), nodeType }),
				);
				runsMs.push(performance.now() - t0);
				expressionsPerItem = evaluations / ITEMS;
				expect(result.items.filter((item) => item.json.sent === true)).toHaveLength(ITEMS);
				expect(sandbox.requests).toHaveLength(ITEMS);
			}
			results[name] = {
				msPerItem: median(runsMs) / ITEMS,
				runsMs,
				expressionsPerItem,
				properties: nodeType.description.properties.length,
			};
			profileLog(
				`${name}: ${(median(runsMs) / ITEMS).toFixed(2)} ms/item, ${expressionsPerItem} expressions/item, ${nodeType.description.properties.length} properties`,
			);
		}
	} finally {
		await sandbox.close();
	}
	profileReport({ items: ITEMS, runs: RUNS, results });
}, 1_800_000);
