/**
 * Send Email / Send SMS take a campaign or a directory in one parameter ("Campaign or Directory"): its
 * From List mode lists both, and says so; the Directory resource's pickers say which ID form they give.
 */
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { searchCampaignsAndDirectories } from '../nodes/Coupontools/listSearch/searchCampaignsAndDirectories';
import { pickerContext } from './harness/loadOptions';
import { credentialsFor, useSandbox } from './harness/sandbox';

const sandbox = useSandbox();
const properties = new Coupontools().description.properties;

function listMode(property: INodeProperties | undefined): INodePropertyMode | undefined {
	return property?.modes?.find((mode) => mode.name === 'list');
}

describe('Campaign or Directory picker', () => {
	test('lists campaigns, then directories labelled as such, with their dir_ IDs', async () => {
		const { results } = await searchCampaignsAndDirectories.call(
			pickerContext(credentialsFor(sandbox.current)),
		);
		expect(results.map((r) => r.value)).toEqual([
			'cam_1003',
			'cam_1002',
			'cam_1005',
			'cam_1001',
			'cam_1004',
			'dir_2001',
			'dir_2002',
		]);
		expect(results.find((r) => r.value === 'dir_2001')?.name).toBe(
			'Directory: City Deals (dir_2001)',
		);
		expect(sandbox.current.requests.map((r) => r.path).sort()).toEqual([
			'/v3/coupon/list',
			'/v3/directory/list',
		]);
	});

	test('filters both lists by what the user types', async () => {
		const context = pickerContext(credentialsFor(sandbox.current));
		expect(
			(await searchCampaignsAndDirectories.call(context, 'city')).results.map((r) => r.value),
		).toEqual(['dir_2001']);
		expect(
			(await searchCampaignsAndDirectories.call(context, 'coffee')).results.map((r) => r.value),
		).toEqual(['cam_1002']);
	});

	test('a directory list that cannot be read leaves the campaigns', async () => {
		sandbox.current.setFaults({ kind: '500', pathPattern: '/v3/directory/list' });
		const { results } = await searchCampaignsAndDirectories.call(
			pickerContext(credentialsFor(sandbox.current)),
		);
		// Every seeded campaign, sorted by name as without the fault, and no directory.
		expect(results.map((r) => r.value)).toEqual([
			'cam_1003',
			'cam_1002',
			'cam_1005',
			'cam_1001',
			'cam_1004',
		]);
	});

	test('Send Email and Send SMS use it, and the placeholder says what it lists', () => {
		const pickers = properties.filter((p) => p.name === 'campaignOrDirectory');
		expect(pickers).toHaveLength(2);
		for (const picker of pickers) {
			expect(listMode(picker)).toMatchObject({
				placeholder: 'Select a campaign or directory…',
				typeOptions: { searchListMethod: 'searchCampaignsAndDirectories' },
			});
		}
	});

	test("the Directory resource's pickers say which ID form they give", () => {
		const directoryPickers = properties.filter((p) =>
			['searchDirectories', 'searchV4Directories'].includes(
				String(listMode(p)?.typeOptions?.searchListMethod),
			),
		);
		// Both ID forms have pickers: the v3 operations' dir_… and the v4 operations' numeric ID.
		expect(
			[...new Set(directoryPickers.map((p) => listMode(p)?.typeOptions?.searchListMethod))].sort(),
		).toEqual(['searchDirectories', 'searchV4Directories']);
		for (const picker of directoryPickers) {
			const v3 = listMode(picker)?.typeOptions?.searchListMethod === 'searchDirectories';
			expect(listMode(picker)?.placeholder).toBe(
				v3
					? 'Select a directory (gives its dir_… ID)…'
					: 'Select a directory (gives its numeric ID)…',
			);
		}
	});
});
