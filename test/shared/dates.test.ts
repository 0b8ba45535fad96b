/**
 * The dates rule (nodes/Coupontools/shared/dates.ts) on its own: the forms a value can take, and what
 * is not a date. The engine tests (test/dates.test.ts, test/pollTriggerStartFrom.test.ts) run it
 * through n8n for every field.
 */
import { DateTime } from 'luxon';

import { DATE_FIELDS, toApiDateIn } from '../../nodes/Coupontools/shared/dates';

const ZONE = 'Europe/Brussels';
const { usageStart, paidAccessExpiry, singleUseExpiry, day } = DATE_FIELDS;

describe('offsets in every ISO spelling are the same moment', () => {
	test.each([
		'2026-10-25T10:00:00+01:00',
		'2026-10-25T10:00:00+0100',
		'2026-10-25T10:00:00+01',
		'2026-10-25T10:00:00.000+01:00',
		'2026-10-25 10:00:00+01:00',
		'2026-10-25T09:00:00Z',
		'2026-10-25T09:00:00z',
		'2026-10-25T09:00Z',
	])('%s', (value) => {
		expect(toApiDateIn(value, paidAccessExpiry, ZONE)).toBe('2026-10-25 09:00:00');
	});
});

describe('wall times keep what they show', () => {
	test('a DateTime in another zone than the workflow keeps its own wall time and day', () => {
		const tokyo = DateTime.fromISO('2026-10-25T08:30:00', { zone: 'Asia/Tokyo' });
		expect(toApiDateIn(tokyo, singleUseExpiry, ZONE)).toBe('2026-10-25 08:30:00');
		expect(toApiDateIn(tokyo, day, ZONE)).toBe('2026-10-25');
		// ...and is that moment for a UTC field.
		expect(toApiDateIn(tokyo, usageStart, ZONE)).toBe('2026-10-24 23:30');
	});

	test('seconds are dropped for minute fields, never rounded up', () => {
		expect(toApiDateIn('2026-10-25T10:00:59', usageStart, ZONE)).toBe('2026-10-25 09:00');
		expect(toApiDateIn('2026-10-25T10:00:59.999', singleUseExpiry, ZONE)).toBe(
			'2026-10-25 10:00:59',
		);
	});

	test('an hour that happens twice (02:30 on 2026-10-25) is read as the second one, +01:00', () => {
		expect(toApiDateIn('2026-10-25T02:30:00', usageStart, ZONE)).toBe('2026-10-25 01:30');
	});

	test('an hour that does not exist (02:30 on 2026-03-29) moves on by one hour for a UTC field', () => {
		expect(toApiDateIn('2026-03-29T02:30:00', usageStart, ZONE)).toBe('2026-03-29 01:30');
	});
});

describe('what is not a date is left for validation to report', () => {
	test.each([
		['an impossible day', '2025-02-30'],
		['an impossible time', '2025-02-01T25:00:00'],
		['words', 'next week'],
		['another format', '31/12/2026'],
		['a number', 42],
		['an object', { day: 1 }],
		['an invalid Date', new Date('nope')],
		['an invalid DateTime', DateTime.invalid('test')],
	])('%s', (_, value) => {
		expect(toApiDateIn(value, usageStart, ZONE)).toBeUndefined();
		expect(toApiDateIn(value, day, ZONE)).toBeUndefined();
	});
});
