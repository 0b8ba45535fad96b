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
import { requestLoop } from './shared/requestLoop';

/**
 * How a request travels, for each input item (every file named here is under nodes/Coupontools/):
 * 1. Description: resources/<resource>/index.ts gives the operation's method, path and fields
 *    (resources/<resource>/<operation>.ts), and its request policy: requestLoop({ ... }).
 * 2. Request loop: n8n's RoutingNode builds the request and hands it to the operation's
 *    routing.operations.pagination function, shared/requestLoop.ts, policy in shared/requestPolicy.ts.
 *    (n8n lets a declarative node run its own request code only there, so every operation uses it,
 *    switched on by the Resource field's `paginate`; paging itself is shared/pagination.ts and v4Pages.ts.)
 * 3. Validation: shared/validation/ checks the fields before anything is sent.
 * 4. Limiter: shared/limiter/ paces the run's calls, waits out refusals within Max Wait, stops on cancel.
 * 5. Transport: shared/transport.ts sends one call with the run's credential (shared/credential.ts).
 * 6. Errors: shared/errors/ turns every failure into one NodeApiError; shared/itemError.ts names the item.
 * 7. Output: shared/output.ts turns the answer into items, paired with the input item.
 */
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
		requestOperations: { pagination: requestLoop() },
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
