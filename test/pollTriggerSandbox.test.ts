/**
 * The sandbox side of the polling trigger: events placed in time through the control endpoints
 * (test/sandbox/timeline.js), and the usage-data calls cutting them by start_date / end_date (UTC, whole
 * minutes, both ends inclusive) and paging them by 5,000, as the Coupontools docs describe
 * (https://docs.coupontools.com, campaign usage data). Plain HTTP, as the e2e tests and the demo use it.
 */
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, useSandbox } from './harness/sandbox';

const sandbox = useSandbox();

async function call(method: string, path: string, body?: IDataObject) {
	const response = await fetch(`${sandbox.current.url}${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			'x-client-id': SANDBOX_CLIENT_ID,
			'x-client-secret': SANDBOX_CLIENT_SECRET,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as IDataObject };
}

const sessionsIn = (answer: IDataObject) =>
	(answer.data as IDataObject[]).map((item) => item.session);

test('a validation placed at a moment is listed by its minute, inclusive at both ends, and claims too', async () => {
	const placed = await call('POST', '/__sandbox/sessions/events', {
		campaign: 'cam_1004',
		event: 'validated',
		at: '2026-11-20T10:01:59Z',
		value: '12.50',
	});
	expect(placed.status).toBe(200);
	expect(placed.json).toMatchObject({ campaign: 'cam_1004', at: '2026-11-20 10:01:59' });
	const [session] = placed.json.sessions as string[];

	const window = (start: string, end: string, path = '/v3/campaign/validations') =>
		call('POST', path, { campaign: 'cam_1004', start_date: start, end_date: end });
	expect(sessionsIn((await window('2026-11-20 10:01', '2026-11-20 10:01')).json)).toEqual([
		session,
	]);
	expect(sessionsIn((await window('2026-11-20 10:02', '2026-11-20 10:05')).json)).toEqual([]);
	expect(sessionsIn((await window('2026-11-20 09:00', '2026-11-20 10:00')).json)).toEqual([]);
	expect(sessionsIn((await window('2026-11-20', '2026-11-20')).json)).toEqual([session]);
	const claims = await window('2026-11-20 10:01', '2026-11-20 10:01', '/v3/campaign/claims');
	expect((claims.json.data as IDataObject[])[0]).toMatchObject({
		session,
		status: expect.objectContaining({
			claim_date_utc: '2026-11-20 10:01:59',
			validation_date_utc: '2026-11-20 10:01:59',
			validation_value: '12.50',
		}),
	});
	// The documented date forms only.
	const badForm = await window('2026-11-20 10-01', '2026-11-20 10:01');
	expect(badForm.json.status).toMatchObject({ status: 'failed' });
});

test('pages of 5,000: page 2 holds the rest, page 3 is empty; amount_of_results counts them all', async () => {
	await call('POST', '/__sandbox/sessions/events', {
		campaign: 'cam_1005',
		event: 'claimed',
		at: '2026-11-20 10:00:00',
		count: 5001,
		everySeconds: 0.01,
	});
	const page = (n: number) =>
		call('POST', '/v3/campaign/claims', {
			campaign: 'cam_1005',
			start_date: '2026-11-20 10:00',
			end_date: '2026-11-20 10:00',
			page: n,
		});
	const [one, two, three] = [(await page(1)).json, (await page(2)).json, (await page(3)).json];
	expect([one, two, three].map((answer) => (answer.data as unknown[]).length)).toEqual([
		5000, 1, 0,
	]);
	expect(one.amount_of_results).toBe(5001);
});

test('a directory registration at a moment shows as created_at in the v4 users list', async () => {
	const placed = await call('POST', '/__sandbox/directory-users', {
		directory: 'dir_2002',
		at: '2026-11-20 10:01:05',
		email: 'ana@example.com',
	});
	expect(placed.status).toBe(200);
	const [id] = placed.json.users as number[];
	const list = await call('GET', '/v4/directory/2002/users');
	expect(list.json).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ id, email: 'ana@example.com', created_at: '2026-11-20 10:01:05' }),
		]),
	);
});

test('bad control input is refused with 400 and a reason', async () => {
	const unknownCampaign = await call('POST', '/__sandbox/sessions/events', {
		campaign: 'cam_9999',
		event: 'validated',
	});
	expect(unknownCampaign).toEqual({ status: 400, json: { error: 'unknown campaign cam_9999' } });
	const badTime = await call('POST', '/__sandbox/directory-users', {
		directory: '2001',
		at: 'yesterday',
	});
	expect(badTime.status).toBe(400);
	expect(String(badTime.json.error)).toMatch(/at must be/);
});
