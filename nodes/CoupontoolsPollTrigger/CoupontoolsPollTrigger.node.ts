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
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ").replace(/_/g, " ") }}',
		description:
			'Starts the workflow on new coupon claims, validations, opens and directory registrations, checked on a schedule',
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
