// @ts-check
'use strict';
/**
 * Dates as the user means them, in a real n8n (README "Dates and output format"): a workflow whose
 * Settings → Timezone is Europe/Brussels sends Single Use → Create's Expiry Date (read by Coupontools in
 * the campaign's time zone: the wall time the value shows) and Get Usage Data's Start/End Date (read in
 * UTC: the same moment) for a date-picker value, {{ $now }} pinned to a time, a Luxon DateTime and an ISO
 * string with an offset, on both of Brussels' 2026 daylight-saving days. A version 1 node beside them
 * keeps the old reading. The workflow (Webhook → one Coupontools node per case, in a chain) is created
 * through n8n's public API and deleted at the end; what counts is what the sandbox received.
 */

const { randomUUID } = require('node:crypto');

const { CREDENTIAL } = require('../../scripts/lib/stack');
const { e2eContext, http, waitFor } = require('./lib/context');
const { webhookRegistered } = require('./lib/webhooks');

const ctx = e2eContext();
const ZONE = 'Europe/Brussels';
const PATH = 'e2e-dates';

/** @param {string} method @param {string} route @param {unknown} [body] */
async function publicApi(method, route, body) {
	const res = await http(`${ctx.baseUrl}/api/v1${route}`, {
		method,
		body,
		headers: { 'x-n8n-api-key': ctx.owner.apiKey },
	});
	if (res.status >= 300) throw new Error(`${method} ${route}: HTTP ${res.status} ${res.text}`);
	return res.json;
}

/**
 * A Brussels wall time typed four ways, with what the README's table says Coupontools must receive:
 * the Single Use expiry keeps the wall time, the usage dates get the UTC moment.
 */
const MOMENTS = [
	// Daylight saving ends at 03:00: 10:00 is +01:00, 01:30 still +02:00.
	{ day: '2026-10-25', time: '10:00', offset: '+01:00', utc: '2026-10-25 09:00' },
	{ day: '2026-10-25', time: '01:30', offset: '+02:00', utc: '2026-10-24 23:30' },
	// Daylight saving starts at 02:00: 10:00 is +02:00.
	{ day: '2026-03-29', time: '10:00', offset: '+02:00', utc: '2026-03-29 08:00' },
];

/** @param {{ day: string, time: string, offset: string }} moment */
function forms({ day, time, offset }) {
	const [year, month, date] = day.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	return {
		picker: `${day}T${time}:00`,
		now: `={{ $now.set({ year: ${year}, month: ${month}, day: ${date}, hour: ${hour}, minute: ${minute}, second: 0, millisecond: 0 }) }}`,
		dateTime: `={{ DateTime.fromISO('${day}T${time}:00', { zone: '${ZONE}' }) }}`,
		isoOffset: `${day}T${time}:00${offset}`,
	};
}

/**
 * @typedef {{ name: string, typeVersion: number, parameters: Record<string, unknown>,
 *   path: string, expected: Record<string, string> }} Case
 */

/** @returns {Case[]} */
function cases() {
	/** @type {Case[]} */
	const list = [];
	for (const moment of MOMENTS) {
		for (const [form, value] of Object.entries(forms(moment))) {
			const label = `${moment.day} ${moment.time} ${form}`;
			list.push({
				name: `Expiry ${label}`,
				typeVersion: 1.2,
				parameters: {
					resource: 'singleUse',
					operation: 'create',
					campaign: { __rl: true, mode: 'id', value: 'cam_1004' },
					duplicateCheck: false,
					singleUseFields: { expiryDate: value },
				},
				path: '/v3/singleuse/create',
				expected: { expiry_date: `${moment.day} ${moment.time}:00` },
			});
			list.push({
				name: `Usage ${label}`,
				typeVersion: 1.2,
				parameters: {
					resource: 'campaign',
					operation: 'getUsageData',
					campaign: { __rl: true, mode: 'id', value: 'cam_1001' },
					filters: { startDate: value, endDate: value },
				},
				path: '/v3/campaign/data',
				expected: { start_date: moment.utc, end_date: moment.utc },
			});
		}
	}
	// Saved with version 1: the picker value is UTC, a Luxon value is converted to UTC.
	const old = forms(MOMENTS[0]);
	list.push({
		name: 'Version 1 usage picker',
		typeVersion: 1,
		parameters: {
			resource: 'campaign',
			operation: 'getUsageData',
			campaign: { __rl: true, mode: 'id', value: 'cam_1001' },
			filters: { startDate: old.picker, endDate: old.dateTime },
		},
		path: '/v3/campaign/data',
		expected: { start_date: '2026-10-25 10:00', end_date: '2026-10-25 09:00' },
	});
	list.push({
		name: 'Version 1 expiry',
		typeVersion: 1,
		parameters: {
			resource: 'singleUse',
			operation: 'create',
			campaign: { __rl: true, mode: 'id', value: 'cam_1004' },
			singleUseFields: { expiryDate: old.now },
		},
		path: '/v3/singleuse/create',
		expected: { expiry_date: '2026-10-25 09:00:00' },
	});
	return list;
}

/** Webhook → every case's node in a chain; each runs once and passes an item on even when its list is empty. */
function datesWorkflow(/** @type {Case[]} */ list) {
	const nodes = [
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: {
				httpMethod: 'POST',
				path: PATH,
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		},
		...list.map((c, i) => ({
			id: randomUUID(),
			name: c.name,
			type: 'n8n-nodes-coupontools.coupontools',
			typeVersion: c.typeVersion,
			position: [220 * (i + 1), 0],
			executeOnce: true,
			alwaysOutputData: true,
			parameters: c.parameters,
			credentials: { coupontoolsApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		})),
	];
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		name: 'E2E: dates in Europe/Brussels',
		nodes,
		connections,
		settings: { executionOrder: 'v1', timezone: ZONE },
	};
}

describe(`dates on n8n ${ctx.line}: a workflow in ${ZONE}`, () => {
	const list = cases();
	/** @type {string} */
	let workflowId;

	beforeAll(async () => {
		const created = await publicApi('POST', '/workflows', datesWorkflow(list));
		workflowId = created.id;
		await publicApi('POST', `/workflows/${workflowId}/activate`);
		// 2.41 answers the activation before the webhook is registered (lib/webhooks.js).
		await waitFor(() => webhookRegistered(ctx.baseUrl, PATH), `the webhook ${PATH}`);
	});

	afterAll(async () => {
		if (!workflowId) return;
		await publicApi('POST', `/workflows/${workflowId}/deactivate`).catch(() => undefined);
		await publicApi('DELETE', `/workflows/${workflowId}`).catch(() => undefined);
	});

	test('every date field sends what the README table says, for each way of typing it, on both daylight-saving days', async () => {
		await ctx.sandbox.reset();
		const res = await ctx.webhook(PATH, {});
		expect(res.status).toBe(200);

		const [execution] = await waitFor(async () => {
			const all = (await ctx.executions(workflowId)).filter((e) => e.finished);
			return all.length ? all : undefined;
		}, 'the execution of the dates workflow');
		expect(execution.status).toBe('success');

		const requests = (await ctx.sandbox.requests()).filter((r) =>
			['/v3/singleuse/create', '/v3/campaign/data'].includes(r.path),
		);
		// One request per node, in the chain's order: [node, path, the date keys it sent].
		const received = requests.map((request, i) => [
			list[i]?.name,
			request.path,
			Object.fromEntries(
				Object.keys(list[i]?.expected ?? {}).map((key) => [key, request.body?.[key]]),
			),
		]);
		expect(received).toEqual(list.map((c) => [c.name, c.path, c.expected]));
	});
});
