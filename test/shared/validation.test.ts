import type { IDataObject } from 'n8n-workflow';

import type { CheckContext, ValidationPolicy } from '../../nodes/Coupontools/shared/validation';
import {
	E164_PHONE,
	findFieldProblems,
	SEND_TARGET,
	TEAMMATE_ID,
	V4_DIRECTORY_ID,
	V4_LOYALTY_CARD_ID,
	V4_USER_ID,
} from '../../nodes/Coupontools/shared/validation';

const VERSION_1: CheckContext = { nodeVersion: 1, timezone: 'Europe/Brussels' };
const VERSION_1_2: CheckContext = { nodeVersion: 1.2, timezone: 'Europe/Brussels' };

function problemsOf(
	body: IDataObject,
	policy: ValidationPolicy = {},
	pathValues: Record<string, unknown> = {},
	context = VERSION_1,
) {
	return findFieldProblems(body, policy, pathValues, context);
}

describe('findFieldProblems: the default rules, and what an operation declares in its policy', () => {
	test('default rules are keyed by the API parameter, whatever the operation', () => {
		expect(problemsOf({ campaign: 'cam_1001', email: 'a@example.com' })).toEqual([]);
		expect(problemsOf({ campaign: 'dir_1001' })).toEqual([
			{
				label: 'Campaign',
				problem:
					'"dir_1001" is not a valid ID. It must start with cam_ followed by letters or digits, e.g. cam_12345.',
			},
		]);
	});

	test("an operation's rule replaces the default (Send Email takes a directory too)", () => {
		expect(problemsOf({ campaign: 'dir_1001' }, { rules: { campaign: SEND_TARGET } })).toEqual([]);
	});

	test('phone is checked as E.164 only where declared', () => {
		expect(problemsOf({ phone: '0470 12 34 56' })).toEqual([]);
		expect(problemsOf({ phone: '0470 12 34 56' }, { rules: { phone: E164_PHONE } })).toEqual([
			{
				label: 'Phone',
				problem:
					'"0470 12 34 56" is not in E.164 format: write + then the country code and the number without its leading 0, no spaces, e.g. +32470123456.',
			},
		]);
	});

	test('required parameters are reported when the body lacks them (empty fields are dropped before)', () => {
		const problems = problemsOf(
			{},
			{ rules: { phone: E164_PHONE }, required: ['campaign', 'phone'] },
		);
		expect(problems).toEqual([
			{
				label: 'Campaign',
				problem: 'is empty. Pick one from the list, or enter an ID such as cam_12345.',
			},
			{
				label: 'Phone',
				problem: 'is empty. Enter a phone number in E.164 format, e.g. +32470123456.',
			},
		]);
	});

	test('a list or an object in any field is refused: one call sends one value', () => {
		expect(problemsOf({ couponsession: ['a', 'b'] })).toEqual([
			{
				label: 'Coupon Session',
				problem:
					'resolved to a list, not a single value. Point the expression at one field, e.g. {{ $json.couponsession }}.',
			},
		]);
		expect(problemsOf({ subject: { text: 'x' } })).toEqual([
			{
				label: 'subject',
				problem:
					'resolved to an object, not a single value. Point the expression at one field, e.g. {{ $json.subject }}.',
			},
		]);
		expect(problemsOf({ filter: { only_active: true } })).toEqual([]);
	});

	test('path IDs come first, checked by their declared rules', () => {
		const policy = { pathIds: { directoryId: V4_DIRECTORY_ID, userId: V4_USER_ID } };
		expect(problemsOf({}, policy, { directoryId: 'dir_2001', userId: 'reg_8001' })).toEqual([]);
		expect(
			problemsOf({ block: true }, policy, { directoryId: 'abc', userId: '' }).map((p) => p.label),
		).toEqual(['Directory', 'User ID']);
	});
});

describe('the shapes of check the rules share', () => {
	test('the two names of a coupon session code get the same rule, each with its own advice when empty', () => {
		const bad =
			'"ab-cd" is not a session code: it may contain only letters and digits (e.g. ac6s7u3g8a25ja7x9qg87).';
		expect(problemsOf({ couponsession: 'ab-cd', session: 'ab-cd' })).toEqual([
			{ label: 'Coupon Session', problem: bad },
			{ label: 'Session Code', problem: bad },
		]);
		expect(problemsOf({ couponsession: ' ', session: '' }).map((p) => p.problem)).toEqual([
			'is empty. Enter the session code from the coupon URL (21 characters, or its 6-character short form).',
			'is empty. Copy the session code from the webhook payload (its session field).',
		]);
	});

	test('numeric IDs: empty, not a number, and a long value cut in the message', () => {
		const check = (rule: typeof TEAMMATE_ID, value: unknown) => rule.check(value, VERSION_1);
		expect(check(TEAMMATE_ID, ' 12345 ')).toBeUndefined();
		expect(check(TEAMMATE_ID, '')).toBe('is empty. Enter the number of the teammate, e.g. 12345.');
		expect(check(TEAMMATE_ID, 'x'.repeat(70))).toBe(
			`"${'x'.repeat(57)}…" is not a number: teammate IDs are numbers, e.g. 12345.`,
		);
		expect(check(V4_LOYALTY_CARD_ID, 'card_1')).toBe(
			'"card_1" is not a loyalty card ID: it is a number, e.g. 123456.',
		);
	});
});

describe('dates: the form Coupontools takes, and the zone the node version reads them in', () => {
	test('dates Coupontools reads in UTC name the workflow time zone from version 1.2, UTC before', () => {
		const body = { start_date: 'yesterday', expires_at: '2026-02-30 10:00:00' };
		expect(problemsOf(body, {}, {}, VERSION_1_2).map((p) => `${p.label} ${p.problem}`)).toEqual([
			`Start Date "yesterday" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm, in the workflow's time zone (Europe/Brussels), or one with its own offset such as 2026-11-01T08:00:00+01:00.`,
			`Expires At "2026-02-30 10:00:00" is not a date in the format yyyy-MM-dd HH:mm:ss, in the workflow's time zone (Europe/Brussels), or one with its own offset such as 2026-11-01T08:00:00+01:00.`,
		]);
		expect(problemsOf(body, {}, {}, VERSION_1).map((p) => `${p.label} ${p.problem}`)).toEqual([
			'Start Date "yesterday" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm (UTC).',
			'Expires At "2026-02-30 10:00:00" is not a date in the format yyyy-MM-dd HH:mm:ss (UTC).',
		]);
	});

	test.each([VERSION_1, VERSION_1_2])(
		'dates not read in UTC name no zone (version $nodeVersion)',
		(context) => {
			expect(
				problemsOf({ expiry_date: '31/12/2026', birthday: '1990-05-01 10:00' }, {}, {}, context),
			).toEqual([
				{
					label: 'Expiry Date',
					problem: '"31/12/2026" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm:ss.',
				},
				{
					label: 'Birthday',
					problem: '"1990-05-01 10:00" is not a date in the format yyyy-MM-dd.',
				},
			]);
		},
	);

	test('the API forms on days that exist pass; empty dates are left out', () => {
		expect(
			problemsOf({
				start_date: '2024-02-29',
				end_date: '2024-02-29 23:59',
				expiry_date: '2026-12-31 23:59:59',
				birth_date: '1990-05-01',
				expires_at: '',
			}),
		).toEqual([]);
		expect(problemsOf({ start_date: '2025-02-29 00:00' }).map((p) => p.label)).toEqual([
			'Start Date',
		]);
	});
});
