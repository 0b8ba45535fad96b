/**
 * Coupontools Polling Trigger through n8n's own poll path (harness/poll.ts: n8n-core's PollContext and
 * TriggersAndPollers, static data saved exactly when n8n saves it) against the sandbox over HTTP. The
 * clock is jest's fake Date (timers stay real), shared by the node and the in-process sandbox: events are
 * placed at exact seconds, polls run at exact moments.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createPollTrigger, FAKE_DATE_ONLY } from './harness/poll';
import type { Sandbox } from './harness/sandbox';
import { credentialsFor, useSandbox } from './harness/sandbox';
import { applySessionEvents, registerDirectoryUsers } from './sandbox/timeline';

let afterResponse: (entry: { path: string; body: unknown; status?: number }) => void = () => {};
const sandbox = useSandbox({ onRequest: (entry) => afterResponse(entry) });

const DAY = '2026-11-20';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Moves the shared clock to `time` ("HH:mm:ss" on DAY, UTC). */
function at(time: string) {
	jest.setSystemTime(new Date(`${DAY}T${time}Z`));
}

function event(
	campaign: string,
	kind: 'opened' | 'claimed' | 'validated',
	time: string,
	extra: { count?: number; everySeconds?: number; session?: string } = {},
) {
	return applySessionEvents(sandbox.current.state, {
		campaign,
		event: kind,
		at: `${DAY} ${time}`,
		...extra,
	}).sessions;
}

function triggerWith(parameters: INodeParameters, credentials = credentialsFor(sandbox.current)) {
	return createPollTrigger({ parameters, credentials });
}

const validatedIn = (...campaigns: string[]): INodeParameters => ({
	events: ['coupon_validated'],
	campaignScope: 'selected',
	campaigns,
});

function sessionsOf(items: IDataObject[] | undefined) {
	return (items ?? []).map((item) => item.session);
}

function usageCalls(s: Sandbox, since = 0) {
	return s.requests.slice(since).filter((request) => request.path.startsWith('/v3/campaign/'));
}

beforeEach(() => {
	jest.useFakeTimers(FAKE_DATE_ONLY);
	at('10:00:30');
	afterResponse = () => {};
});

afterEach(() => {
	jest.useRealTimers();
});

describe('first activation', () => {
	test('remembers "now" and emits nothing, not even events of the same minute before it', async () => {
		event('cam_1001', 'validated', '09:58:00');
		const [sameMinute] = event('cam_1001', 'validated', '10:00:10');
		const trigger = triggerWith(validatedIn('cam_1001'));

		const activation = await trigger.activate();
		expect(activation).toEqual({});
		// n8n saves the activation poll's static data although it returned null.
		expect(trigger.savedNodeData()).toMatchObject({ since: `${DAY} 10:00:30` });

		at('10:02:05');
		expect(await trigger.poll()).toEqual({});
		const [later] = event('cam_1001', 'validated', '10:02:30');
		at('10:03:05');
		const { emitted } = await trigger.poll();
		expect(sessionsOf(emitted)).toEqual([later]);
		expect(sessionsOf(emitted)).not.toContain(sameMinute);
	});

	test('Start From backfills on purpose: the activation poll emits the history since that date', async () => {
		const trigger = triggerWith({
			...validatedIn('cam_1001'),
			options: { startFrom: '2025-06-01T00:00:00' },
		});
		const { emitted } = await trigger.activate();
		expect(sessionsOf(emitted)).toEqual([sandbox.current.state.fixtures.validated]);
		expect(emitted?.[0]).toMatchObject({ date: '2025-06-04T12:30:00Z' });
		at('10:02:05');
		expect(await trigger.poll()).toEqual({});
	});
});

describe('new events', () => {
	test('exactly the new ones, oldest first, one item per event with ISO dates and snake_case keys', async () => {
		const trigger = triggerWith(validatedIn('cam_1001', 'cam_1002'));
		await trigger.activate();
		const [third] = event('cam_1001', 'validated', '10:01:50');
		const [first] = event('cam_1002', 'validated', '10:01:05');
		const [second] = event('cam_1001', 'validated', '10:01:20');
		event('cam_1001', 'claimed', '10:01:30'); // not a watched kind

		at('10:02:05');
		const { emitted } = await trigger.poll();
		expect(sessionsOf(emitted)).toEqual([first, second, third]);
		const item = emitted![1];
		expect(item).toMatchObject({
			event: 'coupon_validated',
			date: `${DAY}T10:01:20Z`,
			campaign: 'cam_1001',
			session: second,
		});
		const status = item.status as IDataObject;
		expect(status.validation_date_utc).toBe(`${DAY}T10:01:20Z`);
		expect(status.claim_date_utc).toMatch(ISO_UTC);
		expect(Object.keys(item).slice(0, 4)).toEqual(['event', 'date', 'campaign', 'session']);

		at('10:03:05');
		expect(await trigger.poll()).toEqual({});
	});

	test('polls that overlap (n8n does not wait for one to end) emit each event once', async () => {
		const trigger = triggerWith(validatedIn('cam_1001', 'cam_1002'));
		await trigger.activate();
		const made = [
			...event('cam_1001', 'validated', '10:01:10'),
			...event('cam_1002', 'validated', '10:01:20'),
		];
		at('10:02:05');
		const [one, two] = await Promise.all([trigger.poll(), trigger.poll()]);
		expect([...sessionsOf(one.emitted), ...sessionsOf(two.emitted)]).toEqual(made);
		at('10:03:05');
		expect(await trigger.poll()).toEqual({});
	});

	test('an event of the minute that is still running waits for the next poll', async () => {
		const trigger = triggerWith(validatedIn('cam_1001'));
		await trigger.activate();
		at('10:02:30');
		const [session] = event('cam_1001', 'validated', '10:02:20');
		expect(await trigger.poll()).toEqual({});
		at('10:03:01');
		expect(sessionsOf((await trigger.poll()).emitted)).toEqual([session]);
	});

	test('events in the boundary minute are neither lost nor emitted twice', async () => {
		const trigger = triggerWith(validatedIn('cam_1001'));
		await trigger.activate();
		const [a] = event('cam_1001', 'validated', '10:01:10');
		at('10:02:05');
		expect(sessionsOf((await trigger.poll()).emitted)).toEqual([a]);
		expect(trigger.savedNodeData()[`cursor coupon_validated cam_1001`]).toEqual({
			from: `${DAY} 10:01:00`,
			ids: [a],
		});

		// Written into the minute already read (Coupontools' clock behind ours, or a late write), plus one
		// at the same second as the emitted one, plus a new minute.
		const [late] = event('cam_1001', 'validated', '10:01:50');
		const [sameSecond] = event('cam_1001', 'validated', '10:01:10');
		const [next] = event('cam_1001', 'validated', '10:02:30');
		const before = sandbox.current.requests.length;
		at('10:03:05');
		const { emitted } = await trigger.poll();
		expect(sessionsOf(emitted).sort()).toEqual([late, sameSecond, next].sort());
		expect(sessionsOf(emitted)).not.toContain(a);
		expect(emitted?.map((item) => item.date)).toEqual([
			`${DAY}T10:01:10Z`,
			`${DAY}T10:01:50Z`,
			`${DAY}T10:02:30Z`,
		]);
		// Asked from the cursor's minute, inclusive, to the last closed minute.
		expect(usageCalls(sandbox.current, before).map((request) => request.body)).toEqual([
			{
				campaign: 'cam_1001',
				start_date: `${DAY} 10:01`,
				end_date: `${DAY} 10:02`,
				page: 1,
			},
		]);
		at('10:04:05');
		expect(await trigger.poll()).toEqual({});
	});
});

describe('paging and failures', () => {
	test('every 5,000-record page is read; a failing page leaves the cursor where it was', async () => {
		const trigger = triggerWith(validatedIn('cam_1005'));
		await trigger.activate();
		const savedAfterActivation = trigger.savedJson();
		const sessions = event('cam_1005', 'validated', '10:01:00', {
			count: 6001,
			everySeconds: 0.005,
		});

		// Page 1 answers; from then on every usage call fails with a 500.
		afterResponse = (entry) => {
			if (entry.path === '/v3/campaign/validations' && (entry.body as IDataObject).page === 1)
				sandbox.current.setFaults({ kind: '500', pathPattern: '^/v3/campaign/validations$' });
		};
		at('10:02:05');
		const failed = await trigger.poll();
		expect(failed.emitted).toBeUndefined();
		// The only source failed: the poll fails as a whole, naming it (pollTriggerFailures.test.ts).
		expect(failed.error?.message).toBe(
			'Could not read campaign cam_1005 from Coupontools: Coupontools is unavailable (HTTP 500, Coupontools code 500)',
		);
		expect(trigger.savedJson()).toBe(savedAfterActivation);
		expect(trigger.liveNodeData()?.['cursor coupon_validated cam_1005']).toBeUndefined();
		expect(
			usageCalls(sandbox.current).some((request) => (request.body as IDataObject).page === 2),
		).toBe(true);

		afterResponse = () => {};
		sandbox.current.clearFaults();
		const before = sandbox.current.requests.length;
		at('10:03:05');
		const { emitted } = await trigger.poll();
		expect(emitted).toHaveLength(6001);
		expect(new Set(sessionsOf(emitted))).toEqual(new Set(sessions));
		const dates = emitted!.map((item) => String(item.date));
		expect([...dates].sort()).toEqual(dates);
		expect(usageCalls(sandbox.current, before).map((r) => (r.body as IDataObject).page)).toEqual([
			1, 2,
		]);

		at('10:04:05');
		expect(await trigger.poll()).toEqual({});
	});

	test('a window with more pages than the poll may read is narrowed; the rest follows, nothing lost or doubled', async () => {
		const trigger = triggerWith({ ...validatedIn('cam_1005'), options: { maxRequestsPerPoll: 1 } });
		await trigger.activate();
		const made = [
			...event('cam_1005', 'validated', '10:01:00', { count: 6001, everySeconds: 0.005 }),
			...event('cam_1005', 'validated', '10:04:10', { count: 3 }),
		];
		const seen: unknown[] = [];
		const emittedPerPoll: number[] = [];
		for (const minute of ['10:05:05', '10:06:05', '10:07:05', '10:08:05', '10:09:05']) {
			at(minute);
			const { emitted, error } = await trigger.poll();
			expect(error).toBeUndefined();
			seen.push(...sessionsOf(emitted));
			emittedPerPoll.push(emitted?.length ?? 0);
		}
		expect(seen).toHaveLength(made.length);
		expect(new Set(seen)).toEqual(new Set(made));
		// The 6,001 of one minute come in one poll, the three later ones in a later poll.
		expect(emittedPerPoll.filter(Boolean)).toEqual([6001, 3]);
		const asked = usageCalls(sandbox.current).map((r) => (r.body as IDataObject).end_date);
		expect(asked).toContain(`${DAY} 10:02`);
	});

	test("a failure in one source moves only the others' cursors; once it recovers, its events arrive once", async () => {
		const trigger = triggerWith({
			events: ['coupon_claimed', 'coupon_validated'],
			campaignScope: 'selected',
			campaigns: ['cam_1004'],
		});
		await trigger.activate();
		const [validated] = event('cam_1004', 'validated', '10:01:10');
		const [claimed] = event('cam_1004', 'claimed', '10:01:20');
		sandbox.current.setFaults({ kind: '502', pathPattern: 'validations' });
		at('10:02:05');
		const failed = await trigger.poll();
		// More in pollTriggerFailures.test.ts: the failure is reported through n8n's __emitError.
		expect(failed.error).toBeUndefined();
		expect(failed.reported?.map((error) => error.message)).toEqual([
			'Could not read campaign cam_1004 from Coupontools: Coupontools is unavailable (HTTP 502)',
		]);
		expect(failed.emitted?.map((item) => [item.event, item.session])).toEqual([
			['coupon_claimed', validated],
			['coupon_claimed', claimed],
		]);
		expect(trigger.liveNodeData()?.['cursor coupon_validated cam_1004']).toBeUndefined();

		sandbox.current.clearFaults();
		at('10:03:05');
		const { emitted } = await trigger.poll();
		expect(emitted?.map((item) => [item.event, item.session])).toEqual([
			['coupon_validated', validated],
		]);
	});

	test('API errors surface with the usual wording: bad credential at activation, campaign gone on a poll', async () => {
		const bad = triggerWith(
			{ events: ['coupon_validated'], campaignScope: 'active' },
			credentialsFor(sandbox.current, { clientSecret: 'wrong' }),
		);
		const activation = await bad.activate();
		expect(activation.error?.message).toMatch(/Client ID or secret/i);

		const gone = triggerWith(validatedIn('cam_9999'));
		await gone.activate();
		at('10:02:05');
		const { error } = await gone.poll();
		expect(error?.message).toBe(
			'Could not read campaign cam_9999 from Coupontools: Campaign or directory not found (Coupontools code 502)',
		);
	});
});

describe('scope', () => {
	test('all active campaigns: every active one, inactive ones left out, oldest first across campaigns', async () => {
		const trigger = triggerWith({ events: ['coupon_validated'], campaignScope: 'active' });
		await trigger.activate();
		const [c] = event('cam_1004', 'validated', '10:01:40');
		const [a] = event('cam_1001', 'validated', '10:01:10');
		event('cam_1003', 'validated', '10:01:15'); // inactive campaign
		const [b] = event('cam_1002', 'validated', '10:01:20');
		at('10:02:05');
		const { emitted } = await trigger.poll();
		expect(sessionsOf(emitted)).toEqual([a, b, c]);
		expect(emitted?.map((item) => item.campaign)).toEqual(['cam_1001', 'cam_1002', 'cam_1004']);
	});

	test('all campaigns includes inactive ones', async () => {
		const trigger = triggerWith({ events: ['coupon_validated'], campaignScope: 'all' });
		await trigger.activate();
		const [inactive] = event('cam_1003', 'validated', '10:01:15');
		at('10:02:05');
		expect(sessionsOf((await trigger.poll()).emitted)).toEqual([inactive]);
	});

	test('work per poll is bounded; what does not fit is picked up by the next polls, nothing lost or doubled', async () => {
		const trigger = triggerWith({
			events: ['coupon_validated'],
			campaignScope: 'active',
			options: { maxRequestsPerPoll: 2 },
		});
		await trigger.activate();
		const made = ['cam_1001', 'cam_1002', 'cam_1004', 'cam_1005'].map(
			(campaign, index) => event(campaign, 'validated', `10:01:1${index}`)[0],
		);
		const seen: unknown[] = [];
		const minutes = ['10:02:05', '10:03:05', '10:04:05', '10:05:05', '10:06:05'];
		for (const minute of minutes) {
			at(minute);
			const before = sandbox.current.requests.length;
			const { emitted, error } = await trigger.poll();
			expect(error).toBeUndefined();
			expect(sandbox.current.requests.length - before).toBeLessThanOrEqual(2);
			seen.push(...sessionsOf(emitted));
		}
		expect([...seen].sort()).toEqual([...made].sort());
	});

	test('directory registrations: one or all directories, from the v4 users list (created_at)', async () => {
		const trigger = triggerWith({ events: ['directory_user_registered'], directoryScope: 'all' });
		await trigger.activate();
		const state = sandbox.current.state;
		registerDirectoryUsers(state, { directory: 'dir_2001', at: `${DAY} 10:00:10` }); // before activation
		const [first] = registerDirectoryUsers(state, {
			directory: '2002',
			at: `${DAY} 10:01:05`,
			email: 'ana@example.com',
		}).users;
		const [second] = registerDirectoryUsers(state, {
			directory: 'dir_2001',
			at: `${DAY} 10:01:30`,
		}).users;
		at('10:02:05');
		const { emitted } = await trigger.poll();
		expect(emitted?.map((item) => [item.directory, item.id])).toEqual([
			['2002', first],
			['2001', second],
		]);
		expect(emitted?.[0]).toMatchObject({
			event: 'directory_user_registered',
			date: `${DAY}T10:01:05Z`,
			created_at: `${DAY}T10:01:05Z`,
			email: 'ana@example.com',
		});
		at('10:03:05');
		expect(await trigger.poll()).toEqual({});
	});
});

describe('restarts and edits', () => {
	test('n8n restarted: no replays, and the events of the downtime arrive once', async () => {
		const trigger = triggerWith(validatedIn('cam_1001'));
		await trigger.activate();
		const [before] = event('cam_1001', 'validated', '10:01:10');
		at('10:02:05');
		expect(sessionsOf((await trigger.poll()).emitted)).toEqual([before]);
		at('10:03:05');
		expect(await trigger.poll()).toEqual({}); // null: n8n saves nothing

		const [down1] = event('cam_1001', 'validated', '10:04:00');
		const [down2] = event('cam_1001', 'validated', '10:06:30');
		at('10:08:10');
		const restarted = await trigger.restart();
		expect(sessionsOf(restarted.emitted)).toEqual([down1, down2]);
		at('10:09:05');
		expect(await trigger.poll()).toEqual({});
	});

	test('a new event kind starts when it is added, not at the first activation', async () => {
		const trigger = triggerWith(validatedIn('cam_1001'));
		await trigger.activate();
		event('cam_1001', 'claimed', '10:01:00');
		at('10:05:00');
		trigger.deactivate();
		trigger.setParameters({ events: ['coupon_claimed', 'coupon_validated'] });
		expect(await trigger.activate('update')).toEqual({});
		const [claimed] = event('cam_1001', 'claimed', '10:05:20');
		at('10:06:05');
		expect(sessionsOf((await trigger.poll()).emitted)).toEqual([claimed]);
	});
});

describe('Fetch Test Event (manual run)', () => {
	test('returns the newest event of each kind and does not move the cursor', async () => {
		const trigger = triggerWith({
			events: ['coupon_claimed', 'coupon_validated'],
			campaignScope: 'active',
		});
		await trigger.activate();
		const [validated] = event('cam_1001', 'validated', '10:01:20');
		const [claimed] = event('cam_1002', 'claimed', '10:01:30');
		const saved = trigger.savedJson();
		at('10:01:40');

		const manual = await trigger.manual();
		expect(manual.error).toBeUndefined();
		expect(manual.emitted?.map((item) => [item.event, item.session])).toEqual([
			['coupon_validated', validated],
			['coupon_claimed', claimed],
		]);
		expect(trigger.savedJson()).toBe(saved);

		at('10:02:05');
		const { emitted } = await trigger.poll();
		// A validation claims too (at the same moment): the claim is an event of its own.
		expect(emitted?.map((item) => [item.event, item.session])).toEqual([
			['coupon_claimed', validated],
			['coupon_validated', validated],
			['coupon_claimed', claimed],
		]);
	});

	test('with nothing to show, a clear message says so', async () => {
		const trigger = triggerWith({
			events: ['coupon_opened'],
			campaignScope: 'selected',
			campaigns: ['cam_1004'],
		});
		const manual = await trigger.manual();
		expect(manual.error?.message).toMatch(/^No event to show/);
		expect(manual.error?.description).toMatch(/Make one happen/);
	});
});
