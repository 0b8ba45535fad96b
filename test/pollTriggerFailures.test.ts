/**
 * Coupontools Polling Trigger when some of its sources fail, through n8n's own poll path (harness/poll.ts:
 * n8n-core's PollContext with the poll's __emitError, static data saved exactly when n8n saves it)
 * against the sandbox over HTTP. The clock is jest's fake Date, shared by the node and the in-process
 * sandbox, so "an hour later" is a set time, not a wait.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REPORT_EVERY_MS } from '../nodes/CoupontoolsPollTrigger/failures';
import { createPollTrigger, FAKE_DATE_ONLY } from './harness/poll';
import type { Sandbox } from './harness/sandbox';
import { credentialsFor, useSandbox } from './harness/sandbox';
import { applySessionEvents } from './sandbox/timeline';

const sandbox = useSandbox();
const DAY = '2026-11-20';

/** Moves the shared clock to `time` ("HH:mm:ss" on DAY, UTC). */
function at(time: string) {
	jest.setSystemTime(new Date(`${DAY}T${time}Z`));
}

function claim(campaign: string, time: string): string {
	const [session] = applySessionEvents(sandbox.current.state, {
		campaign,
		event: 'claimed',
		at: `${DAY} ${time}`,
	}).sessions;
	return session;
}

/** The campaign as deleted in the dashboard: calls naming it answer code 502; it leaves the list. */
function deleteCampaign(id: string) {
	const campaign = sandbox.current.state.campaigns.get(id);
	sandbox.current.state.campaigns.delete(id);
	return () => {
		if (campaign) sandbox.current.state.campaigns.set(id, campaign);
	};
}

function triggerWith(parameters: INodeParameters, credentials = credentialsFor(sandbox.current)) {
	return createPollTrigger({ parameters, credentials });
}

const claimedIn = (...campaigns: string[]): INodeParameters => ({
	events: ['coupon_claimed'],
	campaignScope: 'selected',
	campaigns,
});

function sessionsOf(items: IDataObject[] | undefined) {
	return (items ?? []).map((item) => item.session);
}

function callsFor(s: Sandbox, path: string, since: number) {
	return s.requests.slice(since).filter((request) => request.path === path);
}

beforeEach(() => {
	jest.useFakeTimers(FAKE_DATE_ONLY);
	at('10:00:30');
});

afterEach(() => {
	jest.useRealTimers();
});

describe('one source failing does not silence the others', () => {
	test('a deleted campaign: the other one keeps emitting, the failure is reported once an hour naming it, and on recovery its events arrive once', async () => {
		const trigger = triggerWith(claimedIn('cam_1001', 'cam_1002'));
		expect(await trigger.activate()).toEqual({});
		const a1 = claim('cam_1001', '10:01:10');
		const b1 = claim('cam_1002', '10:01:20');
		const restore = deleteCampaign('cam_1002');

		at('10:02:05');
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(sessionsOf(first.emitted)).toEqual([a1]);
		expect(first.reported).toHaveLength(1);
		const [report] = first.reported ?? [];
		expect(report.message).toBe(
			'Could not read campaign cam_1002 from Coupontools: Campaign or directory not found (Coupontools code 502)',
		);
		expect(report.description).toMatch(/other campaigns and directories .* are still watched/);
		expect(report.description).toMatch(/at most once an hour/);
		// Saved with the emitted events: the healthy cursor moved, the failing one did not.
		expect(trigger.savedNodeData()['cursor coupon_claimed cam_1001']).toEqual({
			from: `${DAY} 10:01:00`,
			ids: [a1],
		});
		expect(trigger.savedNodeData()['cursor coupon_claimed cam_1002']).toBeUndefined();

		// The next polls: the healthy campaign's events, no second report within the hour.
		const a2 = claim('cam_1001', '10:02:20');
		at('10:03:05');
		expect(await trigger.poll()).toEqual({ emitted: [expect.objectContaining({ session: a2 })] });
		const a3 = claim('cam_1001', '11:01:30');
		at('11:02:04'); // 59 min 59 s after the report
		expect(await trigger.poll()).toEqual({ emitted: [expect.objectContaining({ session: a3 })] });

		// An hour after the report: once more, then quiet again.
		jest.setSystemTime(new Date(`${DAY}T10:02:05Z`).getTime() + REPORT_EVERY_MS);
		const again = await trigger.poll();
		expect(again.emitted).toBeUndefined();
		expect(again.reported?.map((error) => error.message)).toEqual([report.message]);
		at('11:03:05');
		expect(await trigger.poll()).toEqual({});

		// Recovered: what happened before and during the failure arrives, once, and nothing is reported.
		restore();
		const b2 = claim('cam_1002', '11:03:10');
		at('11:04:05');
		const recovered = await trigger.poll();
		expect(recovered).toEqual({ emitted: expect.any(Array) });
		expect(sessionsOf(recovered.emitted)).toEqual([b1, b2]);
		at('11:05:05');
		expect(await trigger.poll()).toEqual({});

		// A new failure after a recovery is reported at once.
		deleteCampaign('cam_1002');
		at('11:06:05');
		expect((await trigger.poll()).reported).toHaveLength(1);
	});

	test('a source that failed is asked once per poll, without repeats, and costs the others nothing', async () => {
		const trigger = triggerWith({
			events: ['coupon_claimed', 'coupon_validated'],
			campaignScope: 'selected',
			campaigns: ['cam_1004'],
		});
		await trigger.activate();
		const claimed = claim('cam_1004', '10:01:20');
		sandbox.current.setFaults({ kind: '500', pathPattern: '^/v3/campaign/validations$' });

		at('10:02:05');
		let since = sandbox.current.requests.length;
		const first = await trigger.poll();
		// Claims of the same campaign could be read: they arrive; the validations are reported.
		expect(sessionsOf(first.emitted)).toEqual([claimed]);
		expect(first.reported?.map((error) => error.message)).toEqual([
			expect.stringMatching(/^Could not read campaign cam_1004 from Coupontools: .*HTTP 500/),
		]);
		// A read may be repeated after a server error (3 attempts) the first time...
		expect(callsFor(sandbox.current, '/v3/campaign/validations', since)).toHaveLength(3);

		// ...but while it keeps failing, once per poll.
		at('10:03:05');
		since = sandbox.current.requests.length;
		expect(await trigger.poll()).toEqual({});
		expect(callsFor(sandbox.current, '/v3/campaign/validations', since)).toHaveLength(1);

		sandbox.current.clearFaults();
		const [validated] = applySessionEvents(sandbox.current.state, {
			campaign: 'cam_1004',
			event: 'validated',
			session: claimed,
			at: `${DAY} 10:03:30`,
		}).sessions;
		at('10:04:05');
		const { emitted, reported } = await trigger.poll();
		expect(reported).toBeUndefined();
		expect(emitted?.map((item) => [item.event, item.session])).toEqual([
			['coupon_validated', validated],
		]);
	});

	test('a campaign that leaves "All Active Campaigns" drops out silently', async () => {
		const trigger = triggerWith({ events: ['coupon_claimed'], campaignScope: 'active' });
		await trigger.activate();
		const a1 = claim('cam_1001', '10:01:10');
		claim('cam_1002', '10:01:20');
		deleteCampaign('cam_1002');
		(sandbox.current.state.campaigns.get('cam_1004') as { status: string }).status = 'inactive';
		at('10:02:05');
		expect(await trigger.poll()).toEqual({ emitted: [expect.objectContaining({ session: a1 })] });
	});
});

describe('every source failing', () => {
	test('fails the poll as a whole, naming the sources; no cursor moves; the next good poll delivers', async () => {
		const trigger = triggerWith(claimedIn('cam_1001', 'cam_1002'));
		await trigger.activate();
		const a1 = claim('cam_1001', '10:01:10');
		const restore1 = deleteCampaign('cam_1001');
		const restore2 = deleteCampaign('cam_1002');
		at('10:02:05');
		const failed = await trigger.poll();
		expect(failed.emitted).toBeUndefined();
		expect(failed.reported).toBeUndefined();
		expect(failed.error?.message).toBe(
			'Could not read campaign cam_1001 from Coupontools: Campaign or directory not found (Coupontools code 502)',
		);
		expect(failed.error?.description).toMatch(/No watched campaign or directory could be read/);
		expect(failed.error?.description).toMatch(/Also failing: campaign cam_1002\.$/);
		expect(trigger.liveNodeData()?.['cursor coupon_claimed cam_1001']).toBeUndefined();

		restore1();
		restore2();
		at('10:03:05');
		expect(await trigger.poll()).toEqual({ emitted: [expect.objectContaining({ session: a1 })] });
	});

	test('a wrong credential still fails the activation, also when the sources are read at once', async () => {
		const trigger = triggerWith(
			{ ...claimedIn('cam_1001', 'cam_1002'), options: { startFrom: '2026-11-20T09:00:00' } },
			credentialsFor(sandbox.current, { clientSecret: 'not-the-secret' }),
		);
		const activation = await trigger.activate();
		expect(activation.emitted).toBeUndefined();
		expect(activation.error?.message).toMatch(
			/^Could not read campaign cam_1001 .*Client ID or secret/,
		);
		expect(`${activation.error?.message} ${activation.error?.description}`).not.toContain(
			'not-the-secret',
		);
	});
});

describe('Fetch Test Event', () => {
	test('a source that cannot be read fails the manual run, naming it', async () => {
		const trigger = triggerWith(claimedIn('cam_1001', 'cam_1002'));
		claim('cam_1001', '10:00:10');
		deleteCampaign('cam_1002');
		const manual = await trigger.manual();
		expect(manual.error?.message).toBe(
			'Could not read campaign cam_1002 from Coupontools: Campaign or directory not found (Coupontools code 502)',
		);
		expect(manual.error?.description).toMatch(/fix or remove this one/);
	});
});
