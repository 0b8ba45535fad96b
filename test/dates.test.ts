/**
 * Dates as the user means them (README "Dates and output format"), through n8n's engine against the
 * sandbox, in a workflow whose Settings → Timezone is Europe/Brussels. One rule for every date field of
 * the action node from version 1.2:
 * - a value without a zone (n8n's date picker, "2026-10-25T10:00:00") is in the workflow's time zone;
 * - a value with a zone (a Luxon DateTime such as {{ $now }}, an ISO string with an offset, a JS Date)
 *   is that moment for the fields Coupontools reads in UTC, and the wall time (or day) it shows for the
 *   fields Coupontools reads in the campaign's time zone or as a calendar day.
 * Versions 1 and 1.1 keep what they did: zone-less values read as UTC, zoned values converted to UTC.
 * The days are Europe/Brussels' daylight-saving changes (2026-03-29: +01:00 → +02:00 at 02:00;
 * 2026-10-25: +02:00 → +01:00 at 03:00) and an ordinary winter day.
 */
import type { IDataObject, INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { NODE_TYPE } from './harness/engine';
import { byId, run, useSandbox } from './harness/sandbox';

const sandbox = useSandbox();
const ZONE = 'Europe/Brussels';
const NEW = 1.2;

/** Where each date field sits in its operation, and the body key Coupontools receives. */
const FIELDS = {
	usageStart: {
		label: 'Campaign → Get Usage Data → Start Date',
		key: 'start_date',
		parameters: (value: string): INodeParameters => ({
			resource: 'campaign',
			operation: 'getUsageData',
			campaign: byId('cam_1001'),
			filters: { startDate: value },
		}),
	},
	usageEnd: {
		label: 'Campaign → Get Usage Data → End Date',
		key: 'end_date',
		parameters: (value: string): INodeParameters => ({
			resource: 'campaign',
			operation: 'getUsageData',
			campaign: byId('cam_1001'),
			filters: { endDate: value },
		}),
	},
	singleUseExpiry: {
		label: 'Single Use → Create → Expiry Date',
		key: 'expiry_date',
		parameters: (value: string): INodeParameters => ({
			resource: 'singleUse',
			operation: 'create',
			campaign: byId('cam_1004'),
			singleUseFields: { email: 'ann@example.com', expiryDate: value },
		}),
	},
	paidAccess: {
		label: 'Directory → Give Paid Access → Expires At',
		key: 'expires_at',
		parameters: (value: string): INodeParameters => ({
			resource: 'directory',
			operation: 'givePaidAccess',
			directoryId: byId('2001'),
			userId: '8002',
			options: { expiresAt: value },
		}),
	},
	subaccountExpiry: {
		label: 'Subaccount → Create → Expiry Date',
		key: 'expiry_date',
		parameters: (value: string): INodeParameters => ({
			resource: 'subaccount',
			operation: 'create',
			subaccountEmail: 'lea@cafe-lumen.example',
			subaccountFields: { expiry_date: value },
		}),
	},
	smsBirthday: {
		label: 'SMS Group → Add Contact → Birthday',
		key: 'birthday',
		parameters: (value: string): INodeParameters => ({
			resource: 'smsGroup',
			operation: 'addContact',
			smsGroup: byId('gro_4002'),
			contactPhone: '+32470555666',
			smsContactFields: { birthday: value },
		}),
	},
	emailBirthday: {
		label: 'Email Group → Add Contact → Birthday',
		key: 'birthday',
		parameters: (value: string): INodeParameters => ({
			resource: 'emailGroup',
			operation: 'addContact',
			emailGroup: byId('gro_4502'),
			contactEmail: 'ann@example.com',
			emailContactFields: { birthday: value },
		}),
	},
	loyaltyBirthday: {
		label: 'Loyalty Card → Create User → Birthday',
		key: 'birthday',
		parameters: (value: string): INodeParameters => ({
			resource: 'loyaltyCard',
			operation: 'createUser',
			cardUserEmail: 'sam@example.com',
			password: 'correct-horse-battery',
			cardUserFields: { birthday: value },
		}),
	},
	directoryBirthDate: {
		label: 'Directory → Create User → Birth Date',
		key: 'birth_date',
		parameters: (value: string): INodeParameters => ({
			resource: 'directory',
			operation: 'createUser',
			directoryId: byId('2001'),
			directoryUserEmail: 'sam@example.com',
			directoryUserFields: { birthDate: value },
		}),
	},
};
type FieldName = keyof typeof FIELDS;

/** What the sandbox received for the field, after one run of the node. */
async function sent(
	field: FieldName,
	value: string,
	typeVersion = NEW,
	timezone = ZONE,
): Promise<unknown> {
	const { key, parameters } = FIELDS[field];
	const before = sandbox.current.requests.length;
	const result = await run(sandbox.current, {
		typeVersion,
		timezone,
		parameters: parameters(value),
	});
	expect(result.error?.message).toBeUndefined();
	const request = sandbox.current.requests[before];
	return (request.body as IDataObject)[key];
}

/** 10:00 (or another time) in Brussels on a day, typed five ways. */
function fiveWays(day: string, time: string, offset: string) {
	const [hour, minute] = time.split(':').map(Number);
	const [year, month, date] = day.split('-').map(Number);
	return [
		['the date picker (no zone)', `${day}T${time}:00`],
		[
			'a Luxon DateTime in Brussels',
			`={{ DateTime.fromISO('${day}T${time}:00', { zone: '${ZONE}' }) }}`,
		],
		[
			'{{ $now }} set to that time (the workflow zone)',
			`={{ $now.set({ year: ${year}, month: ${month}, day: ${date}, hour: ${hour}, minute: ${minute}, second: 0, millisecond: 0 }) }}`,
		],
		['an ISO string with its offset', `${day}T${time}:00${offset}`],
		['a JS Date of that moment', `={{ new Date('${day}T${time}:00${offset}') }}`],
	] as const;
}

/** The days and Brussels times of the tests, with the offset Brussels has then and the UTC time. */
const MOMENTS = [
	{ day: '2026-11-25', time: '10:00', offset: '+01:00', utc: '2026-11-25 09:00' },
	// Daylight saving starts: before 02:00 +01:00, from 03:00 +02:00.
	{ day: '2026-03-29', time: '01:30', offset: '+01:00', utc: '2026-03-29 00:30' },
	{ day: '2026-03-29', time: '10:00', offset: '+02:00', utc: '2026-03-29 08:00' },
	// Daylight saving ends: before 02:00 +02:00, from 03:00 +01:00.
	{ day: '2026-10-25', time: '01:30', offset: '+02:00', utc: '2026-10-24 23:30' },
	{ day: '2026-10-25', time: '10:00', offset: '+01:00', utc: '2026-10-25 09:00' },
];

describe(`version ${NEW}, workflow in ${ZONE}: fields Coupontools reads in UTC get the same moment`, () => {
	for (const { day, time, offset, utc } of MOMENTS) {
		describe(`${day} ${time} in Brussels (${offset}) = ${utc} UTC`, () => {
			test.each(fiveWays(day, time, offset))('Start Date from %s', async (_, value) => {
				expect(await sent('usageStart', value)).toBe(utc);
			});
			test.each(fiveWays(day, time, offset))('End Date from %s', async (_, value) => {
				expect(await sent('usageEnd', value)).toBe(utc);
			});
			test.each(fiveWays(day, time, offset))('Expires At from %s', async (_, value) => {
				expect(await sent('paidAccess', value)).toBe(`${utc}:00`);
			});
		});
	}

	test('an ISO string in another zone is still that moment', async () => {
		expect(await sent('usageStart', '2026-10-25T04:00:00-05:00')).toBe('2026-10-25 09:00');
		expect(await sent('paidAccess', '2026-10-25T09:00:00Z')).toBe('2026-10-25 09:00:00');
	});

	test('a day alone is the start of that day in the workflow zone for a start, its end for an end or expiry', async () => {
		expect(await sent('usageStart', '2026-10-25')).toBe('2026-10-24 22:00');
		expect(await sent('usageEnd', '2026-10-25')).toBe('2026-10-25 22:59');
		expect(await sent('paidAccess', '2026-03-29')).toBe('2026-03-29 21:59:59');
	});

	test('the API form without a zone is a wall time in the workflow zone too', async () => {
		expect(await sent('usageStart', '2026-10-25 10:00')).toBe('2026-10-25 09:00');
		expect(await sent('paidAccess', '2026-10-25 10:00:30')).toBe('2026-10-25 09:00:30');
	});

	test('the workflow zone decides: the same picker value in New York is 6 hours later in UTC', async () => {
		expect(await sent('usageStart', '2026-11-25T10:00:00', NEW, 'America/New_York')).toBe(
			'2026-11-25 15:00',
		);
	});
});

describe(`version ${NEW}, workflow in ${ZONE}: Single Use expiry (the campaign's time zone) gets the wall time it shows`, () => {
	for (const { day, time, offset } of MOMENTS) {
		test.each(fiveWays(day, time, offset))(
			`${day} ${time} in Brussels from %s → ${day} ${time}:00`,
			async (_, value) => {
				expect(await sent('singleUseExpiry', value)).toBe(`${day} ${time}:00`);
			},
		);
	}

	test('a value in another zone keeps its own wall time: the way to name a campaign zone other than the workflow zone', async () => {
		expect(await sent('singleUseExpiry', '2026-10-25T10:00:00-04:00')).toBe('2026-10-25 10:00:00');
		expect(
			await sent(
				'singleUseExpiry',
				"={{ DateTime.fromISO('2026-10-25T10:00:00', { zone: 'America/New_York' }) }}",
			),
		).toBe('2026-10-25 10:00:00');
	});

	test('a time that does not exist in Brussels (02:30 on 2026-03-29) is sent as written', async () => {
		expect(await sent('singleUseExpiry', '2026-03-29T02:30:00')).toBe('2026-03-29 02:30:00');
	});

	test('a day alone means the end of that day', async () => {
		expect(await sent('singleUseExpiry', '2026-10-25')).toBe('2026-10-25 23:59:59');
	});
});

describe(`version ${NEW}, workflow in ${ZONE}: day fields get the day the value shows`, () => {
	const DAY_FIELDS: FieldName[] = [
		'subaccountExpiry',
		'smsBirthday',
		'emailBirthday',
		'loyaltyBirthday',
		'directoryBirthDate',
	];
	for (const field of DAY_FIELDS) {
		describe(FIELDS[field].label, () => {
			test.each([
				['the date picker (no zone)', '2026-10-25T00:00:00', '2026-10-25'],
				[
					'a Luxon DateTime in Brussels at midnight',
					"={{ DateTime.fromISO('2026-03-29T00:00:00', { zone: 'Europe/Brussels' }) }}",
					'2026-03-29',
				],
				[
					'{{ $now }} at midnight in the workflow zone',
					'={{ $now.set({ year: 2026, month: 10, day: 25, hour: 0, minute: 0, second: 0, millisecond: 0 }) }}',
					'2026-10-25',
				],
				['an ISO string with an offset', '2026-03-29T00:00:00+01:00', '2026-03-29'],
				// A birthday exported at UTC midnight is that day, whatever the workflow zone.
				['an ISO string in UTC', '1990-05-01T00:00:00.000Z', '1990-05-01'],
				[
					'a JS Date (shown in the workflow zone)',
					"={{ new Date('2026-10-24T22:30:00Z') }}",
					'2026-10-25',
				],
				['a day alone', '2026-10-25', '2026-10-25'],
			])('from %s', async (_, value, day) => {
				expect(await sent(field, value)).toBe(day);
			});
		});
	}
});

describe('versions 1 and 1.1 keep the behaviour their workflows were saved with', () => {
	test.each([1, 1.1])('version %p: the picker value is read as UTC', async (version) => {
		expect(await sent('usageStart', '2026-10-25T10:00:00', version)).toBe('2026-10-25 10:00');
		expect(await sent('paidAccess', '2026-10-25T10:00:00', version)).toBe('2026-10-25 10:00:00');
		expect(await sent('singleUseExpiry', '2026-10-25T10:00:00', version)).toBe(
			'2026-10-25 10:00:00',
		);
	});

	test.each([1, 1.1])(
		'version %p: Luxon values and ISO strings with an offset are converted to UTC',
		async (version) => {
			const luxon = "={{ DateTime.fromISO('2026-10-25T10:00:00', { zone: 'Europe/Brussels' }) }}";
			expect(await sent('singleUseExpiry', luxon, version)).toBe('2026-10-25 09:00:00');
			expect(await sent('singleUseExpiry', '2026-10-25T10:00:00+01:00', version)).toBe(
				'2026-10-25 09:00:00',
			);
			expect(await sent('usageEnd', '2026-10-25T10:00:00+01:00', version)).toBe('2026-10-25 09:00');
		},
	);

	test('version 1: a day alone is 00:00 for usage dates, and a JS Date is its UTC day', async () => {
		expect(await sent('usageEnd', '2026-10-25', 1)).toBe('2026-10-25 00:00');
		expect(await sent('smsBirthday', "={{ new Date('2026-10-24T22:30:00Z') }}", 1)).toBe(
			'2026-10-24',
		);
	});
});

describe('the editor labels the fields for the rule of the node version', () => {
	const description = new Coupontools().description;

	/** "Display name: description" of the options a collection offers, for a saved node. */
	function offered(typeVersion: number, parameters: INodeParameters, collection: string) {
		const node = { type: NODE_TYPE, typeVersion, parameters } as unknown as INode;
		const shown = (p: INodeProperties) =>
			NodeHelpers.displayParameter(parameters, p, node, description, parameters);
		const property = description.properties.find((p) => p.name === collection && shown(p));
		return ((property?.options ?? []) as INodeProperties[])
			.filter((option) => option.displayOptions === undefined || shown(option))
			.map((option) => option.displayName);
	}
	const usage = { resource: 'campaign', operation: 'getUsageData' };
	const paid = { resource: 'directory', operation: 'givePaidAccess' };

	test('new nodes are version 1.2', () => {
		expect(description.defaultVersion).toBe(NEW);
	});

	test('every date field of the node is sent through the dates rule', () => {
		const dateFields = (properties: INodeProperties[]): INodeProperties[] =>
			properties.flatMap((p) => [
				...(p.type === 'dateTime' ? [p] : []),
				...(p.type === 'collection' ? dateFields(p.options as INodeProperties[]) : []),
			]);
		const fields = dateFields(description.properties);
		// Start, End and Expires At twice (labelled per version), Expiry Date three times, four birthdays.
		expect(fields.length).toBe(13);
		expect(
			fields
				.filter((f) => !f.routing?.send?.preSend?.some((fn) => fn.name === 'coupontoolsDate'))
				.map((f) => f.name),
		).toEqual([]);
	});

	test('version 1.2: no "(UTC)" in the labels', () => {
		expect(offered(NEW, usage, 'filters')).toEqual(['End Date', 'Start Date']);
		expect(offered(NEW, paid, 'options')).toEqual(['Expires At']);
	});

	test.each([1, 1.1])(
		'version %p keeps the UTC labels its workflows were saved with',
		(version) => {
			expect(offered(version, usage, 'filters')).toEqual(['End Date (UTC)', 'Start Date (UTC)']);
			expect(offered(version, paid, 'options')).toEqual(['Expires At (UTC)']);
		},
	);
});
