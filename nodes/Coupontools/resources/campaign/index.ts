import type { INodeProperties } from 'n8n-workflow';

import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { campaignGetFields } from './get';
import { campaignGetAllFields } from './getAll';
import { campaignGetUsageDataFields } from './getUsageData';

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a campaign',
				description: 'Retrieve one campaign (coupon) with its settings',
				routing: {
					request: { method: 'POST', url: '/v3/coupon/info' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ object: 'coupon_info' })] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many campaigns',
				description:
					'Retrieve the campaigns (coupons) of the account, with their names and IDs (cam_…)',
				routing: {
					request: { method: 'POST', url: '/v3/coupon/list' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: 'coupon_info' })] },
				},
			},
			{
				name: 'Get Usage Data',
				value: 'getUsageData',
				action: 'Get usage data of a campaign',
				description:
					'Retrieve the coupon sessions of a campaign: all, opened, claimed or validated',
				routing: {
					// The Sessions field's choice replaces the path (getUsageData.ts).
					request: { method: 'POST', url: '/v3/campaign/data' },
					operations: { pagination: requestLoop({ repeatable: true, pages: 'body' }) },
					output: { postReceive: [coupontoolsOutput({ list: 'data' })] },
				},
			},
		],
	},
	...campaignGetAllFields,
	...campaignGetFields,
	...campaignGetUsageDataFields,
];
