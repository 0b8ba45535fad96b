import { legacyApiDate as toApiDate } from '../../nodes/Coupontools/shared/dates';
import { collectionField } from '../../nodes/Coupontools/shared/fields';
import { personField } from '../../nodes/Coupontools/shared/personFields';

describe('dates in, node versions 1 and 1.1: what users and expressions give becomes the API format in UTC', () => {
	test.each([
		['2025-06-01T00:00:00', 'yyyy-MM-dd HH:mm', '2025-06-01 00:00'],
		['2025-06-01T10:15:30.000+02:00', 'yyyy-MM-dd HH:mm', '2025-06-01 08:15'],
		['2025-06-01', 'yyyy-MM-dd HH:mm', '2025-06-01 00:00'],
		['2025-06-01 10:15:59', 'yyyy-MM-dd HH:mm', '2025-06-01 10:15'],
		['2026-12-31', 'yyyy-MM-dd HH:mm:ss', '2026-12-31 23:59:59'],
		['2026-12-31 18:00', 'yyyy-MM-dd HH:mm:ss', '2026-12-31 18:00:00'],
		[new Date(Date.UTC(2025, 5, 1, 7, 5, 9)), 'yyyy-MM-dd HH:mm:ss', '2025-06-01 07:05:09'],
		[{ toISO: () => '2025-06-01T09:00:00.000+02:00' }, 'yyyy-MM-dd HH:mm', '2025-06-01 07:00'],
	] as const)('%p as %s → %s', (input, format, output) => {
		expect(toApiDate(input, format)).toBe(output);
	});

	test('values that are not dates are left for validation to report', () => {
		expect(toApiDate('yesterday', 'yyyy-MM-dd HH:mm')).toBeUndefined();
		expect(toApiDate(42, 'yyyy-MM-dd HH:mm')).toBeUndefined();
	});
});

describe('field builders', () => {
	test.each([
		['Additional Fields', 'Add Field'],
		['Update Fields', 'Add Field'],
		['Filters', 'Add Filter'],
		['Options', 'Add Option'],
	] as const)('a collection named %s is opened with "%s"', (displayName, placeholder) => {
		const field = collectionField({ displayName, name: 'group', options: [] });
		expect(field).toEqual({
			displayName,
			name: 'group',
			type: 'collection',
			placeholder,
			default: {},
			options: [],
		});
		// No displayOptions key at all when none is given (a trigger's always-shown Options).
		expect(Object.keys(field)).not.toContain('displayOptions');
	});

	test('each place gets its own person field, so one edit does not leak into another operation', () => {
		const first = personField('firstName');
		first.displayName = 'Changed';
		expect(personField('firstName')).toEqual({
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Jane',
			routing: { send: { type: 'body', property: 'first_name' } },
		});
	});
});
