import type {
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './description';
import { pollEvents, sampleEvents } from './poll';
import { apiRequest, recordsOf, v4ListRecords } from './request';

export class CoupontoolsPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupontools Polling Trigger',
		name: 'coupontoolsPollTrigger',
		icon: {
			light: 'file:../../icons/coupontools.svg',
			dark: 'file:../../icons/coupontools.dark.svg',
		},
		group: ['trigger'],
		// 1.1: Start From without a time zone is in the workflow's time zone (settings.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The event names as the Events list shows them ("coupon_validated" → "Coupon Validated").
		subtitle:
			'={{ $parameter["events"].map((event) => event.split("_").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ")).join(", ") }}',
		description:
			'Checks Coupontools on a schedule for coupons opened, claimed or validated and new directory users; no public URL needed',
		defaults: { name: 'Coupontools Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupontoolsApi', required: true }],
		properties,
	};

	methods = {
		loadOptions: {
			async getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const answer = await apiRequest(this, 'POST', '/v3/coupon/list', {});
				return recordsOf(answer, 'coupon_info')
					.filter((campaign) => typeof campaign.ID === 'string')
					.map((campaign) => ({
						name: `${String(campaign.name ?? campaign.ID)}${campaign.status === 'inactive' ? ' (inactive)' : ''}`,
						value: String(campaign.ID),
						description: String(campaign.ID),
					}))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
			async getDirectories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const { records } = await v4ListRecords(this, '/v4/directory', 'directories');
				return records
					.filter((directory) => directory.id !== undefined)
					.map((directory) => ({
						name: String(directory.name ?? directory.id),
						value: String(directory.id),
						description: `ID ${String(directory.id)}`,
					}))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getMode() === 'manual') return await sampleEvents(this);
		return await pollEvents(this);
	}
}
