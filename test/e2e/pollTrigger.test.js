// @ts-check
'use strict';
/**
 * Coupontools Polling Trigger in a real n8n (the line in N8N_LINE), active, polling every minute against
 * a sandbox whose sessions change in real time. This file starts its own n8n and sandbox (the shared
 * stack's n8n must not be restarted under the other test files): events made in the sandbox start one
 * execution item each; n8n stopped and started again (SIGTERM, same database) replays nothing and
 * delivers the events of the downtime. The "validated coupons → daily report" example runs beside it
 * (polling every minute) and its report is checked. A third workflow watches two selected campaigns, one of
 * which is deleted while it runs: the other's claims keep arriving and one error execution names the
 * deleted one. Waits are bounded by the poll schedule: an event is emitted by the first poll after its
 * minute has ended, so by about two minutes at most.
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
 * Claims of two selected campaigns; one of them is deleted in the dashboard while the workflow runs. The
 * other is inactive (a selected campaign is watched all the same), so the first workflow, watching the
 * active ones, never reads it: every claims call for it is this workflow's poll.
 */
const SELECTED_ID = 'ctE2ePollSelected';
const selected = {
	...workflow,
	id: SELECTED_ID,
	name: 'Polling trigger e2e, two selected campaigns',
	nodes: [
		{
			...workflow.nodes[0],
			id: 'b16c2a40-0d6e-4f3b-8a55-000000000002',
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				events: ['coupon_claimed'],
				campaignScope: 'selected',
				campaigns: ['cam_1003', 'cam_1005'],
				options: {},
			},
		},
	],
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
	fs.writeFileSync(file, JSON.stringify([workflow, report, selected]));
	stack = await startStack({
		version: line,
		workflows: [file],
		activate: [WORKFLOW_ID, report.id, SELECTED_ID],
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

	test("one of two selected campaigns deleted: the other's claims keep arriving within two polls, and an error execution names the deleted one", async () => {
		const sandbox = /** @type {NonNullable<typeof stack.sandbox>} */ (stack.sandbox);
		// Deleted in the dashboard: every call naming it answers Coupontools code 502.
		sandbox.state.campaigns.delete('cam_1005');
		const since = new Date().toISOString();
		const claims = [1, 2, 3].map(() => happen('cam_1003', 'claimed')[0]);

		const execution = await waitFor(
			async () => {
				const done = (
					await runtimeLib.readExecutions(stack.baseUrl, stack.owner.apiKey, SELECTED_ID)
				).filter((e) => e.finished);
				return done.find((e) =>
					claims.every((key) =>
						(e.data?.resultData?.runData?.[TRIGGER]?.[0]?.data?.main?.[0] ?? []).some(
							(/** @type {{ json: any }} */ item) => `coupon_claimed ${item.json.session}` === key,
						),
					),
				);
			},
			'the claims of cam_1003 to arrive',
			{ timeoutMs: DELIVERY_TIMEOUT_MS, intervalMs: 2000 },
		);
		// Within two polls of the claims: the polls that read cam_1003 until that execution started.
		const polls = sandbox.requests.filter(
			(r) =>
				r.path === '/v3/campaign/claims' &&
				/** @type {any} */ (r.body).campaign === 'cam_1003' &&
				r.at > since &&
				r.at <= new Date(execution.startedAt).toISOString(),
		);
		expect(polls.length).toBeLessThanOrEqual(2);

		const failures = async () =>
			(await runtimeLib.readExecutions(stack.baseUrl, stack.owner.apiKey, SELECTED_ID)).filter(
				(e) => e.status === 'error',
			);
		const [failure] = await waitFor(
			async () => ((await failures()).length ? await failures() : undefined),
			'an error execution',
			{ timeoutMs: 30_000, intervalMs: 1000 },
		);
		expect(failure.data.resultData.error.message).toBe(
			'Could not read campaign cam_1005 from Coupontools: Campaign or directory not found (Coupontools code 502)',
		);

		// The next poll reads cam_1005 again and reports nothing more (at most once an hour).
		const calls = sandbox.requests.length;
		await waitFor(
			async () =>
				sandbox.requests
					.slice(calls)
					.some((r) => /** @type {any} */ (r.body)?.campaign === 'cam_1005'),
			'one more poll',
			{ timeoutMs: 90_000, intervalMs: 1000 },
		);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(await failures()).toHaveLength(1);
	}, 300_000);
});
