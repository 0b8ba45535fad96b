import { listRecords } from '../../nodes/Coupontools/shared/output';
import { describeOperations, run, useSandbox } from '../harness/sandbox';

describeOperations('Category', [
	{
		title: 'Get Many: every category, one item each',
		parameters: { resource: 'category', operation: 'getAll', returnAll: true },
		request: { method: 'POST', path: '/v3/category/list', body: {} },
		output(items) {
			expect(items).toEqual([
				{ ID: 'cat_101', name: 'Food & Drinks' },
				{ ID: 'cat_102', name: 'Retail' },
				{ ID: 'cat_103', name: 'Travel' },
			]);
		},
	},
	{
		title: 'Get Many with a Limit trims the one answer',
		parameters: { resource: 'category', operation: 'getAll', returnAll: false, limit: 2 },
		request: { method: 'POST', path: '/v3/category/list', body: {} },
		output(items) {
			expect(items.map((c) => c.ID)).toEqual(['cat_101', 'cat_102']);
		},
	},
	{
		title: 'Get Many Third-Level: the third-level categories with their parent',
		parameters: { resource: 'category', operation: 'getAllThirdLevel', returnAll: true },
		request: { method: 'POST', path: '/v3/category/main/list', body: {} },
		output(items) {
			expect(items.map((c) => [c.ID, c.parent_ID])).toEqual([
				['cat_201', 'cat_101'],
				['cat_202', 'cat_101'],
				['cat_203', 'cat_102'],
			]);
		},
	},
]);

describe('Category: errors', () => {
	const sandbox = useSandbox();

	test.each(['getAll', 'getAllThirdLevel'])(
		'%s with an expired account shows the mapped 101',
		async (operation) => {
			sandbox.current.state.account.expired = true;
			const result = await run(sandbox.current, {
				parameters: { resource: 'category', operation, returnAll: true },
			});
			expect(result.items).toEqual([]);
			expect(result.error?.message).toBe(
				'The Coupontools account has expired (Coupontools code 101)',
			);
		},
	);
});

describe('list answers whose shape is not documented are unwrapped robustly', () => {
	const keys = ['category', 'categories', 'data'];
	const cat = (ID: string) => ({ ID, name: ID });

	test.each([
		['the chosen key', { status: { status: 'OK' }, category: [cat('a'), cat('b')] }, ['a', 'b']],
		['an alternative key', { status: { status: 'OK' }, categories: [cat('a')] }, ['a']],
		[
			'an unknown key holding the only array',
			{ status: { status: 'OK' }, amount: 1, list_of_categories: [cat('a')] },
			['a'],
		],
		[
			'an object keyed by ID',
			{ status: { status: 'OK' }, category: { a: cat('a'), b: cat('b') } },
			['a', 'b'],
		],
		['a lone record instead of a list', { status: { status: 'OK' }, category: cat('a') }, ['a']],
		['an empty answer', { status: { status: 'OK' } }, []],
		[
			'two unknown arrays (ambiguous: nothing is guessed)',
			{ status: { status: 'OK' }, x: [cat('a')], y: [cat('b')] },
			[],
		],
	])('%s', (_title, body, ids) => {
		expect(listRecords(body, keys).map((record) => record.ID)).toEqual(ids);
	});
});
