import type { IPollFunctions } from 'n8n-workflow';

import type { Settings } from './settings';
import type { Unit } from './sources';
import { CAMPAIGN_EVENTS } from './events';
import { apiRequest, recordsOf, v4ListRecords } from './request';

/**
 * The sources one poll watches, in a stable order: each campaign in scope × each campaign event chosen,
 * then each directory. "All (active) campaigns" and "all directories" are read from Coupontools on every
 * poll, so campaigns created later are watched too.
 */
export async function resolveUnits(
	context: IPollFunctions,
	settings: Settings,
): Promise<{ units: Unit[]; requests: number }> {
	let requests = 0;
	const units: Unit[] = [];
	const campaignEvents = CAMPAIGN_EVENTS.filter((event) => settings.events.includes(event));
	if (campaignEvents.length) {
		let campaigns = settings.campaigns;
		if (settings.campaignScope !== 'selected') {
			// POST /v3/coupon/list, only_active (https://docs.coupontools.com, list campaigns).
			const answer = await apiRequest(context, 'POST', '/v3/coupon/list', {
				only_active: settings.campaignScope === 'active',
			});
			requests++;
			campaigns = recordsOf(answer, 'coupon_info')
				.map((campaign) => String(campaign.ID ?? ''))
				.filter(Boolean);
		}
		for (const campaign of campaigns)
			for (const event of campaignEvents) units.push({ event, scope: campaign });
	}
	if (settings.events.includes('directory_user_registered')) {
		let directories = settings.directories;
		if (settings.directoryScope === 'all') {
			// GET /v4/directory: an array of { id, name } (https://docs.coupontools.com, v4 Directory).
			const list = await v4ListRecords(context, '/v4/directory', 'directories');
			requests += list.calls;
			directories = list.records.map((directory) => String(directory.id ?? '')).filter(Boolean);
		}
		for (const directory of directories)
			units.push({ event: 'directory_user_registered', scope: directory });
	}
	return { units, requests };
}

/** Whether `unit` was watched under an earlier configuration (from static data). */
export function wasInScope(unit: Unit, previous: Partial<Settings> | undefined): boolean {
	if (!previous?.events?.includes(unit.event)) return false;
	if (unit.event === 'directory_user_registered')
		return previous.directoryScope === 'all' || !!previous.directories?.includes(unit.scope);
	return previous.campaignScope !== 'selected' || !!previous.campaigns?.includes(unit.scope);
}
