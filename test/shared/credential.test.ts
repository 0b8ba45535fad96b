import {
	BASE_URL_EXPRESSION,
	baseUrlOf,
	DEFAULT_BASE_URL,
} from '../../nodes/Coupontools/shared/credential';

describe('credential: one rule for the Base URL', () => {
	test.each([
		[{}, DEFAULT_BASE_URL],
		[{ baseUrl: '' }, DEFAULT_BASE_URL],
		[{ baseUrl: 'http://127.0.0.1:8787/' }, 'http://127.0.0.1:8787'],
		[{ baseUrl: 'https://api4coupons.com//' }, 'https://api4coupons.com'],
	])('%j → %s', (credentials, url) => {
		expect(baseUrlOf(credentials)).toBe(url);
	});

	test('the expression n8n evaluates says the same as baseUrlOf', () => {
		const body = BASE_URL_EXPRESSION.replace(/^=\{\{(.*)\}\}$/, '$1');
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		const evaluate = new Function('$credentials', `return ${body};`) as (c: object) => string;
		for (const baseUrl of [undefined, '', 'http://127.0.0.1:8787/', 'https://api4coupons.com//'])
			expect(evaluate({ baseUrl })).toBe(baseUrlOf(baseUrl === undefined ? {} : { baseUrl }));
	});
});
