import { searchCampaigns } from '../nodes/Coupontools/listSearch/searchCampaigns';
import { pickerContext } from './harness/loadOptions';
import { credentialsFor, useSandbox } from './harness/sandbox';

describe('campaign picker (From List)', () => {
	const sandbox = useSandbox();

	test('lists every campaign by name with its ID and public URL, sorted', async () => {
		const { results } = await searchCampaigns.call(pickerContext(credentialsFor(sandbox.current)));
		expect(results.map((r) => r.value)).toEqual([
			'cam_1003',
			'cam_1002',
			'cam_1005',
			'cam_1001',
			'cam_1004',
		]);
		expect(results[1]).toEqual({
			name: 'Free Coffee (cam_1002)',
			value: 'cam_1002',
			url: 'https://digicpn.com/p/k3fp2q',
		});
		expect(sandbox.current.requests[0]).toMatchObject({ method: 'POST', path: '/v3/coupon/list' });
	});

	test('filters by what the user types, in name or ID', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect((await searchCampaigns.call(context, 'coffee')).results.map((r) => r.value)).toEqual([
			'cam_1002',
		]);
		expect((await searchCampaigns.call(context, '1004')).results.map((r) => r.value)).toEqual([
			'cam_1004',
		]);
	});

	test('a wrong secret shows the mapped credential error in the picker', async () => {
		await expect(
			searchCampaigns.call(
				pickerContext(credentialsFor(sandbox.current, { clientSecret: 'nope' })),
			),
		).rejects.toThrow('Client ID or secret not correct (Coupontools error 1000)');
	});
});
