import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DATE_FIELDS, toApiDateIn } from '../Coupontools/shared/dates';
import type { EventName } from './events';
import { isEventName } from './events';
import { toApiTime } from './time';

export interface Settings {
	events: EventName[];
	campaignScope: 'active' | 'all' | 'selected';
	campaigns: string[];
	directoryScope: 'all' | 'selected';
	directories: string[];
	/** "yyyy-MM-dd HH:mm:ss" UTC, or "" */
	startFrom: string;
	maxRequests: number;
}

export const DEFAULT_MAX_REQUESTS = 100;

/**
 * From this trigger version Start From follows the dates rule of the Coupontools node (shared/dates.ts):
 * without a zone it is in the workflow's time zone. Version 1 reads it as UTC (toApiTime), as saved.
 */
export const START_FROM_ZONE_VERSION = 1.1;

function listOf(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(entries.map((entry) => String(entry).trim()).filter(Boolean))].sort();
}

/** The node's parameters, checked: a wrong value fails the poll with the field named, before any call. */
export function readSettings(context: IPollFunctions): Settings {
	const node = context.getNode();
	const events = listOf(context.getNodeParameter('events', []));
	if (!events.length) throw new NodeOperationError(node, 'Choose at least one event to watch');
	const unknown = events.filter((event) => !isEventName(event));
	if (unknown.length) throw new NodeOperationError(node, `Unknown event: ${unknown.join(', ')}`);
	const watchesCampaigns = events.some((event) => event !== 'directory_user_registered');
	const watchesDirectories = events.includes('directory_user_registered');

	const campaignScope = watchesCampaigns
		? (context.getNodeParameter('campaignScope', 'active') as Settings['campaignScope'])
		: 'selected';
	const campaigns =
		watchesCampaigns && campaignScope === 'selected'
			? listOf(context.getNodeParameter('campaigns', []))
			: [];
	const badCampaign = campaigns.find((id) => !/^cam_[A-Za-z0-9]+$/.test(id));
	if (badCampaign)
		throw new NodeOperationError(node, `"${badCampaign}" is not a campaign ID`, {
			description: 'Campaign IDs look like cam_12345: pick the campaigns from the list',
		});
	if (watchesCampaigns && campaignScope === 'selected' && !campaigns.length)
		throw new NodeOperationError(node, 'Choose at least one campaign, or watch all campaigns');

	const directoryScope = watchesDirectories
		? (context.getNodeParameter('directoryScope', 'all') as Settings['directoryScope'])
		: 'selected';
	const directories =
		watchesDirectories && directoryScope === 'selected'
			? listOf(context.getNodeParameter('directories', [])).map((id) => id.replace(/^dir_/, ''))
			: [];
	const badDirectory = directories.find((id) => !/^\d+$/.test(id));
	if (badDirectory)
		throw new NodeOperationError(node, `"${badDirectory}" is not a directory ID`, {
			description: 'Directory IDs are numbers such as 2001 (or dir_2001): pick them from the list',
		});
	if (watchesDirectories && directoryScope === 'selected' && !directories.length)
		throw new NodeOperationError(node, 'Choose at least one directory, or watch all directories');

	const options = context.getNodeParameter('options', {}) as IDataObject;
	let startFrom = '';
	if (options.startFrom !== undefined && options.startFrom !== '' && options.startFrom !== null) {
		const inWorkflowZone = node.typeVersion >= START_FROM_ZONE_VERSION;
		const parsed = inWorkflowZone
			? toApiDateIn(options.startFrom, DATE_FIELDS.pollStartFrom, context.getTimezone())
			: toApiTime(options.startFrom);
		if (!parsed)
			throw new NodeOperationError(node, `Start From is not a date: ${String(options.startFrom)}`, {
				description: inWorkflowZone
					? `Use a date such as 2026-11-01 or 2026-11-01T08:00:00, in the workflow's time zone (${context.getTimezone()}), or one with its own offset such as 2026-11-01T08:00:00+01:00`
					: 'Use a date such as 2026-11-01 or 2026-11-01T08:00:00 (UTC)',
			});
		startFrom = parsed;
	}
	const maxRequests = Number(options.maxRequestsPerPoll ?? DEFAULT_MAX_REQUESTS);
	if (!Number.isInteger(maxRequests) || maxRequests < 1)
		throw new NodeOperationError(node, 'Max Requests per Poll must be a whole number of 1 or more');

	return {
		events: events as EventName[],
		campaignScope,
		campaigns,
		directoryScope,
		directories,
		startFrom,
		maxRequests,
	};
}

/** What decides which sources are watched from when: kept in static data to notice edits. */
export function configOf(settings: Settings): IDataObject {
	return {
		events: settings.events,
		campaignScope: settings.campaignScope,
		campaigns: settings.campaigns,
		directoryScope: settings.directoryScope,
		directories: settings.directories,
	};
}
