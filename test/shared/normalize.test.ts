import {
	normalizeRecord,
	normalizeRecordInPlace,
	toIsoUtc,
} from '../../nodes/Coupontools/shared/normalize';

describe("dates out: the API's zone-less UTC times become ISO 8601 with Z", () => {
	test.each([
		['2025-06-04 12:30:00', '2025-06-04T12:30:00Z'],
		['2025-06-04 12:30', '2025-06-04T12:30:00Z'],
		['not a date', 'not a date'],
		['2025-06-04', '2025-06-04'],
	])('%s → %s', (input, output) => {
		expect(toIsoUtc(input)).toBe(output);
	});

	test('only date keys change, nested objects and lists included; empty dates become null', () => {
		expect(
			normalizeRecord({
				claimed: '1',
				claim_date_utc: '2025-06-03 10:00:00',
				validation_date_utc: '',
				expires_at: '2026-01-01 00:00:00',
				lastlogin: '0000-00-00 00:00:00',
				title: '2025-06-03 10:00:00',
				data: { status: { open_date_utc: '2025-06-02 09:00:00' } },
				campaigns: [{ created_date_utc: '2025-01-01 08:00:00', code: 'abc' }],
			}),
		).toEqual({
			claimed: '1',
			claim_date_utc: '2025-06-03T10:00:00Z',
			validation_date_utc: null,
			expires_at: '2026-01-01T00:00:00Z',
			lastlogin: null,
			title: '2025-06-03 10:00:00',
			data: { status: { open_date_utc: '2025-06-02T09:00:00Z' } },
			campaigns: [{ created_date_utc: '2025-01-01T08:00:00Z', code: 'abc' }],
		});
	});

	test('in place (records of a freshly parsed answer): the same result, written into the record itself', () => {
		const nested = { open_date_utc: '2025-06-02 09:00:00' };
		const record = {
			claimed: '1',
			claim_date_utc: '2025-06-03 10:00:00',
			validation_date_utc: '',
			data: nested,
			list: [{ created_date_utc: '2025-01-01 08:00:00' }],
		};
		const copy = normalizeRecord(structuredClone(record));
		const result = normalizeRecordInPlace(record);
		expect(result).toBe(record);
		expect(result.data).toBe(nested);
		expect(result).toEqual(copy);
		expect(nested.open_date_utc).toBe('2025-06-02T09:00:00Z');
	});

	test('the copying form leaves its input untouched', () => {
		const record = {
			claim_date_utc: '2025-06-03 10:00:00',
			data: { open_date_utc: '2025-06-02 09:00:00' },
		};
		normalizeRecord(record);
		expect(record).toEqual({
			claim_date_utc: '2025-06-03 10:00:00',
			data: { open_date_utc: '2025-06-02 09:00:00' },
		});
	});
});
