// @ts-check
'use strict';
/**
 * Coupontools Polling Trigger in a real n8n (the line in N8N_LINE), active, polling every minute against
 * a sandbox whose sessions change in real time. This file starts its own n8n and sandbox (the shared
 * stack's n8n must not be restarted under the other test files): events made in the sandbox start one
 * execution item each; n8n stopped and started again (SIGTERM, same database) replays nothing and
 * delivers the events of the downtime. The "validated coupons → daily report" example runs beside it
 * (polling every minute) and its report is checked. Waits are bounded by the poll schedule: an event is emitted by
 * the first poll after its minute has ended, so by about two minutes at most.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startStack, CREDENTIAL, REPO_ROOT } = require('../../scripts/lib/stack');
const runtimeLib = require('../../scripts/lib/n8n-runtime');
const { applySessionEvents } = require('../sandbox/timeline');
const { waitFor } = require('./lib/context');
const { readWorkflow } = require('./lib/workflows');

const line = process.env.N8N_LINE || '2.8.4';
const WORKFLOW_ID = 'ctE2ePollTrigger';
const TRIGGER = 'Coupontools Polling Trigger';
/** A poll every minute; an event waits at most for its minute to end plus one poll. */
const DELIVERY_TIMEOUT_MS = 170_000;

const workflow = {
	id: WORKFLOW_ID,
	name: 'Polling trigger e2e',
	nodes: [
		{
			id: 'b16c2a40-0d6e-4f3b-8a55-000000000001',
			name: TRIGGER,
			type: 'n8n-nodes-coupontools.coupontoolsPollTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				events: ['coupon_claimed', 'coupon_validated'],
				campaignScope: 'active',
				options: {},
			},
			credentials: { coupontoolsApi: CREDENTIAL },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
	pinData: {},
};

/**
 * The "validated coupons → daily report" example as it ships, except that it polls every minute instead of
 * daily at 18:00: it sees the same events as the workflow above, and its report is checked.
 */
const report = readWorkflow(
	path.join(REPO_ROOT, 'examples', 'validated-coupons-daily-report.json'),
);
const reportTrigger = report.nodes.find(
	(/** @type {any} */ node) => node.type === 'n8n-nodes-coupontools.coupontoolsPollTrigger',
);
reportTrigger.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };

/** @type {Awaited<ReturnType<typeof startStack>>} */
let stack;
/** @type {{ stop: () => Promise<void> }} */
let server;
/** @type {string} */
let scratch;

/** Every trigger output item of every finished execution, oldest execution first. */
async function emittedItems() {
	const executions = await runtimeLib.readExecutions(
		stack.baseUrl,
		stack.owner.apiKey,
		WORKFLOW_ID,
	);
	return executions
		.filter((execution) => execution.finished)
		.sort((a, b) => Number(a.id) - Number(b.id))
		.flatMap((execution) =>
			(execution.data?.resultData?.runData?.[TRIGGER]?.[0]?.data?.main?.[0] ?? []).map(
				(/** @type {{ json: any }} */ item) => item.json,
			),
		);
}

/** @param {any} execution */
function reportRows(execution) {
	return (
		execution.data?.resultData?.runData?.['Report per campaign']?.[0]?.data?.main?.[0] ?? []
	).map((/** @type {{ json: any }} */ item) => item.json);
}

/** `[event, session]` of every item emitted so far. */
async function emittedKeys() {
	return (await emittedItems()).map((item) => `${item.event} ${item.session}`);
}

/** @param {string[]} keys */
async function waitForKeys(keys) {
	return await waitFor(
		async () => {
			const emitted = await emittedKeys();
			return keys.every((key) => emitted.includes(key)) ? emitted : undefined;
		},
		`the trigger to emit ${keys.join(', ')}`,
		{ timeoutMs: DELIVERY_TIMEOUT_MS, intervalMs: 2000 },
	);
}

/** @param {string} campaign @param {'claimed' | 'validated'} event */
function happen(campaign, event) {
	const sandbox = /** @type {NonNullable<typeof stack.sandbox>} */ (stack.sandbox);
	const [session] = applySessionEvents(sandbox.state, { campaign, event }).sessions;
	// A validation claims as well: both are events.
	return event === 'validated'
		? [`coupon_claimed ${session}`, `coupon_validated ${session}`]
		: [`coupon_claimed ${session}`];
}

/** How many usage-data calls the sandbox answered: one per watched source and poll. */
function usageCalls() {
	const sandbox = /** @type {NonNullable<typeof stack.sandbox>} */ (stack.sandbox);
	return sandbox.requests.filter((request) => request.path === '/v3/campaign/validations').length;
}

/** @param {string[]} keys */
function counts(keys) {
	/** @type {Record<string, number>} */
	const byKey = {};
	for (const key of keys) byKey[key] = (byKey[key] ?? 0) + 1;
	return byKey;
}

beforeAll(async () => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-poll-e2e-'));
	const file = path.join(scratch, 'workflow.json');
	fs.writeFileSync(file, JSON.stringify([workflow, report]));
	stack = await startStack({
		version: line,
		workflows: [file],
		activate: [WORKFLOW_ID, report.id],
	});
	server = stack.server;
}, 300_000);

afterAll(async () => {
	await server?.stop();
	await stack?.sandbox?.close();
	if (stack) fs.rmSync(stack.userFolder, { recursive: true, force: true });
	if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe(`Coupontools Polling Trigger on n8n ${line}, active, every minute`, () => {
	/** @type {string[]} */
	const made = [];

	test('activation emits nothing of the history; events made in the sandbox arrive once each', async () => {
		// The sandbox's seeded history (claims and validations of 2024 and 2025) must not arrive.
		made.push(...happen('cam_1001', 'validated'), ...happen('cam_1002', 'claimed'));
		const emitted = await waitForKeys(made);
		expect(emitted.sort()).toEqual([...made].sort());
		const items = await emittedItems();
		const validated = items.find((item) => item.event === 'coupon_validated');
		expect(validated).toMatchObject({
			campaign: 'cam_1001',
			date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
		});

		// The example, polling the same account: one report row for the one validation.
		const rows = await waitFor(
			async () => {
				const executions = await runtimeLib.readExecutions(
					stack.baseUrl,
					stack.owner.apiKey,
					report.id,
				);
				const done = executions.filter((execution) => execution.finished);
				return done.length ? done.flatMap((e) => reportRows(e)) : undefined;
			},
			'the daily report example to run',
			{ timeoutMs: 60_000, intervalMs: 2000 },
		);
		expect(rows).toEqual([
			{
				campaign: 'cam_1001',
				validated: 1,
				amount_spent: 0,
				first_validation: validated.date,
				last_validation: validated.date,
			},
		]);
	}, 300_000);

	test('n8n restarted: no replays, and the events of the downtime arrive once', async () => {
		await server.stop();
		const downtime = [...happen('cam_1004', 'validated'), ...happen('cam_1001', 'claimed')];
		made.push(...downtime);
		server = await runtimeLib.startServer(stack.runtime, stack.env);
		const emitted = await waitForKeys(made);
		expect(counts(emitted)).toEqual(counts(made));

		// One more poll after the delivery: still nothing twice.
		const calls = usageCalls();
		await waitFor(async () => usageCalls() > calls, 'one more poll', {
			timeoutMs: 90_000,
			intervalMs: 1000,
		});
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(counts(await emittedKeys())).toEqual(counts(made));
	}, 420_000);
});
