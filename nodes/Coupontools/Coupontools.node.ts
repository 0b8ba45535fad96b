import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchCampaigns } from './listSearch/searchCampaigns';
import { searchCampaignsAndDirectories } from './listSearch/searchCampaignsAndDirectories';
import { searchDirectories } from './listSearch/searchDirectories';
import { searchEmailGroups, searchSmsGroups } from './listSearch/searchGroups';
import { searchLoyaltyCards } from './listSearch/searchLoyaltyCards';
import { searchSubaccountCampaigns } from './listSearch/searchSubaccountCampaigns';
import { searchSubaccounts } from './listSearch/searchSubaccounts';
import { searchV4Directories } from './listSearch/searchV4Directories';
import { searchV4LoyaltyCards } from './listSearch/searchV4LoyaltyCards';
import { resourceDescriptions, resourceProperty } from './resources';
import { BASE_URL_EXPRESSION } from './shared/credential';
import { rateLimitsProperty } from './shared/rateLimits';
import { requestHook } from './shared/requestHook';

export class Coupontools implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupontools',
		name: 'coupontools',
		icon: {
			light: 'file:../../icons/coupontools.svg',
			dark: 'file:../../icons/coupontools.dark.svg',
		},
		group: ['transform'],
		// 1.1: Single Use → Create shows Duplicate Check as a switch, on by default (resources/singleUse/create.ts).
		// 1.2: dates without a time zone are in the workflow's time zone, dates with one keep their meaning
		// (shared/dates.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send digital coupons and manage campaigns, coupon sessions, single-use URLs and more in Coupontools',
		defaults: { name: 'Coupontools' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupontoolsApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// Coupontools reports most failures in the body (often with HTTP 200); let every answer reach the
			// one error check in shared/transport.ts instead of n8n's generic HTTP error.
			ignoreHttpStatusErrors: true,
		},
		// The default request policy: no repeat after a fault that may have acted, no paging. Each operation
		// declares its own in routing.operations (resources/<resource>/index.ts), which wins over this one.
		requestOperations: { pagination: requestHook() },
		properties: [resourceProperty, ...resourceDescriptions, rateLimitsProperty],
	};

	methods = {
		listSearch: {
			searchCampaigns,
			searchCampaignsAndDirectories,
			searchDirectories,
			searchEmailGroups,
			searchLoyaltyCards,
			searchSmsGroups,
			searchSubaccountCampaigns,
			searchSubaccounts,
			searchV4Directories,
			searchV4LoyaltyCards,
		},
	};
}
