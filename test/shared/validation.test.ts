import {
	E164_PHONE,
	findFieldProblems,
	SEND_TARGET,
	V4_DIRECTORY_ID,
	V4_USER_ID,
} from '../../nodes/Coupontools/shared/validation';

describe('findFieldProblems: the default rules, and what an operation declares in its policy', () => {
	test('default rules are keyed by the API parameter, whatever the operation', () => {
		expect(findFieldProblems({ campaign: 'cam_1001', email: 'a@example.com' })).toEqual([]);
		expect(findFieldProblems({ campaign: 'dir_1001' })).toEqual([
			expect.objectContaining({ label: 'Campaign' }),
		]);
	});

	test("an operation's rule replaces the default (Send Email takes a directory too)", () => {
		expect(
			findFieldProblems({ campaign: 'dir_1001' }, { rules: { campaign: SEND_TARGET } }),
		).toEqual([]);
	});

	test('phone is checked as E.164 only where declared', () => {
		expect(findFieldProblems({ phone: '0470 12 34 56' })).toEqual([]);
		expect(findFieldProblems({ phone: '0470 12 34 56' }, { rules: { phone: E164_PHONE } })).toEqual(
			[expect.objectContaining({ label: 'Phone', problem: expect.stringMatching(/E\.164/) })],
		);
	});

	test('required parameters are reported when the body lacks them (empty fields are dropped before)', () => {
		const problems = findFieldProblems(
			{},
			{ rules: { phone: E164_PHONE }, required: ['campaign', 'phone'] },
		);
		expect(problems.map((p) => p.label)).toEqual(['Campaign', 'Phone']);
		expect(problems[1].problem).toMatch(/is empty/);
	});

	test('a list or an object in any field is refused: one call sends one value', () => {
		expect(findFieldProblems({ couponsession: ['a', 'b'] })).toEqual([
			{
				label: 'Coupon Session',
				problem: expect.stringMatching(/^resolved to a list, not a single value/),
			},
		]);
		expect(findFieldProblems({ subject: { text: 'x' } })[0].problem).toMatch(/an object/);
		expect(findFieldProblems({ filter: { only_active: true } })).toEqual([]);
	});

	test('path IDs come first, checked by their declared rules', () => {
		const policy = { pathIds: { directoryId: V4_DIRECTORY_ID, userId: V4_USER_ID } };
		expect(findFieldProblems({}, policy, { directoryId: 'dir_2001', userId: 'reg_8001' })).toEqual(
			[],
		);
		expect(
			findFieldProblems({ block: true }, policy, { directoryId: 'abc', userId: '' }).map(
				(p) => p.label,
			),
		).toEqual(['Directory', 'User ID']);
	});
});
