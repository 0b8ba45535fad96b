/**
 * Coupontools Polling Trigger → Options → Start From, read by the dates rule (README "Dates and output
 * format"): from trigger version 1.1 a value without a zone is in the workflow's time zone, a value with
 * a zone is that moment; Coupontools gets it in UTC (the usage-data start_date, "yyyy-MM-dd HH:mm").
 * Version 1 keeps reading a zone-less value as UTC. Through n8n's own poll path (harness/poll.ts)
 * against the sandbox, on Europe/Brussels' daylight-saving days.
 */
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CoupontoolsPollTrigger } from '../nodes/CoupontoolsPollTrigger/CoupontoolsPollTrigger.node';
import { createPollTrigger, POLL_TRIGGER_TYPE } from './harness/poll';
import { credentialsFor, useSandbox } from './harness/sandbox';

const sandbox = useSandbox();
const ZONE = 'Europe/Brussels';

beforeEach(() => {
	// Only Date is faked (HTTP and timers stay real): "now" is after every Start From below.
	jest.useFakeTimers({
		advanceTimers: true,
		doNotFake: [
			'nextTick',
			'setImmediate',
			'setTimeout',
			'clearTimeout',
			'setInterval',
			'clearInterval',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
	jest.setSystemTime(new Date('2026-11-20T10:00:30Z'));
});

afterEach(() => {
	jest.useRealTimers();
});

/** The start_date of the activation poll's first usage-data call, for a Start From value. */
async function startDateSent(startFrom: string, typeVersion = 1.1, timezone = ZONE) {
	const trigger = createPollTrigger({
		typeVersion,
		timezone,
		credentials: credentialsFor(sandbox.current),
		parameters: {
			events: ['coupon_validated'],
			campaignScope: 'selected',
			campaigns: ['cam_1001'],
			options: { startFrom },
		},
	});
	const { error } = await trigger.activate();
	expect(error?.message).toBeUndefined();
	const [call] = sandbox.current.requests.filter((r) => r.path.startsWith('/v3/campaign/'));
	return (call.body as IDataObject).start_date;
}

describe(`version 1.1 in ${ZONE}: Start From is the moment the user means`, () => {
	test.each([
		['the date picker (no zone)', '2026-10-25T10:00:00', '2026-10-25 09:00'],
		[
			'a Luxon DateTime in Brussels',
			"={{ DateTime.fromISO('2026-10-25T10:00:00', { zone: 'Europe/Brussels' }) }}",
			'2026-10-25 09:00',
		],
		[
			'{{ $now }} set to that time',
			'={{ $now.set({ year: 2026, month: 10, day: 25, hour: 10, minute: 0, second: 0, millisecond: 0 }) }}',
			'2026-10-25 09:00',
		],
		['an ISO string with its offset', '2026-10-25T10:00:00+01:00', '2026-10-25 09:00'],
		// The night daylight saving ends, 01:30 is still +02:00.
		['the picker, 01:30 on 2026-10-25', '2026-10-25T01:30:00', '2026-10-24 23:30'],
		// Daylight saving starts: 10:00 is +02:00.
		['the picker, 10:00 on 2026-03-29', '2026-03-29T10:00:00', '2026-03-29 08:00'],
		[
			'{{ $now }} at 10:00 on 2026-03-29',
			'={{ $now.set({ year: 2026, month: 3, day: 29, hour: 10, minute: 0, second: 0, millisecond: 0 }) }}',
			'2026-03-29 08:00',
		],
		['an ISO string, 10:00+02:00 on 2026-03-29', '2026-03-29T10:00:00+02:00', '2026-03-29 08:00'],
		['a day alone (its first minute in Brussels)', '2026-10-25', '2026-10-24 22:00'],
	])('from %s', async (_, startFrom, sent) => {
		expect(await startDateSent(startFrom)).toBe(sent);
	});

	test('a Start From that is not a date names the workflow time zone in its advice', async () => {
		const trigger = createPollTrigger({
			typeVersion: 1.1,
			timezone: ZONE,
			credentials: credentialsFor(sandbox.current),
			parameters: {
				events: ['coupon_validated'],
				campaignScope: 'selected',
				campaigns: ['cam_1001'],
				options: { startFrom: 'last tuesday' },
			},
		});
		const { error } = await trigger.activate();
		expect(error?.message).toBe('Start From is not a date: last tuesday');
		expect(error?.description).toBe(
			"Use a date such as 2026-11-01 or 2026-11-01T08:00:00, in the workflow's time zone (Europe/Brussels), or one with its own offset such as 2026-11-01T08:00:00+01:00",
		);
	});
});

describe('version 1 keeps reading Start From as it did', () => {
	test('the picker value is UTC', async () => {
		expect(await startDateSent('2026-10-25T10:00:00', 1)).toBe('2026-10-25 10:00');
	});

	test('an ISO string with an offset is that moment', async () => {
		expect(await startDateSent('2026-10-25T10:00:00+01:00', 1)).toBe('2026-10-25 09:00');
	});
});

describe('the editor', () => {
	const description = new CoupontoolsPollTrigger().description;

	/** The Start From option a saved trigger of this version shows. */
	function startFromOf(typeVersion: number): INodeProperties[] {
		const node = { type: POLL_TRIGGER_TYPE, typeVersion, parameters: {} } as unknown as INode;
		const options = description.properties.find((p) => p.name === 'options');
		return ((options?.options ?? []) as INodeProperties[]).filter(
			(option) =>
				option.name === 'startFrom' &&
				NodeHelpers.displayParameter({}, option, node, description, {}),
		);
	}

	test('new triggers are version 1.1, and their Start From names the workflow time zone', () => {
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		const [field, ...others] = startFromOf(1.1);
		expect(others).toEqual([]);
		expect(field.description).toMatch(/in the workflow's time zone/);
	});

	test('version 1 keeps its UTC description', () => {
		const [field, ...others] = startFromOf(1);
		expect(others).toEqual([]);
		expect(field.description).toMatch(/^Also emit the events since this date \(UTC\)/);
	});
});
