// @ts-check
/** Campaign (coupon) routes, https://docs.coupontools.com/api/coupon. */

const { ok, fail } = require('../envelope');
const { text, bool, integer } = require('../params');
const { campaignParam } = require('../lookup');
const { parseFilterBound } = require('../dates');
const { campaignView, sessionListItem } = require('../views');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../state').Session} Session */
/** @typedef {import('../state').SessionStatus} SessionStatus */

/** @param {RouteContext} ctx */
function listCampaigns({ state, body }) {
	const onlyActive = bool(body, 'only_active', false);
	const folder = text(body, 'folder');
	if (folder && !state.folders.has(folder)) fail(515, 'Folder not found');
	const tags = text(body, 'tags')
		.split(',')
		.map((tag) => tag.trim().toLowerCase())
		.filter(Boolean);
	const category = text(body, 'category');
	const campaigns = [...state.campaigns.values()].filter(
		(campaign) =>
			(!onlyActive || campaign.status === 'active') &&
			(!folder || campaign.folder === folder) &&
			(!category || campaign.category === category) &&
			(!tags.length || campaign.tags.some((tag) => tags.includes(tag.toLowerCase()))),
	);
	return ok({ coupon_info: campaigns.map(campaignView) });
}

/** @param {RouteContext} ctx */
function campaignInfo({ state, body }) {
	const campaign = campaignParam(state, body);
	const info = /** @type {Record<string, unknown>} */ (campaignView(campaign));
	if (bool(body, 'show_usage_stats', false)) {
		// The docs promise "the total number of custom validation codes and how many have been claimed";
		// the field names are not documented, these are the sandbox's.
		const sessions = state.sessionsOf(campaign.ID);
		const count = (/** @type {(session: Session) => boolean} */ test) =>
			sessions.filter(test).length;
		info.usage_stats = {
			sessions: sessions.length,
			opened: count((s) => s.status.opened === '1'),
			claimed: count((s) => s.status.claimed === '1'),
			validated: count((s) => s.status.validated === '1'),
			voided: count((s) => s.status.voided === '1'),
			custom_validation_codes: count((s) => s.status.own_validation_code !== ''),
			custom_validation_codes_claimed: count(
				(s) => s.status.own_validation_code !== '' && s.status.claimed === '1',
			),
		};
	}
	return ok({ coupon_info: info });
}

/**
 * One of the four session lists. `flag` selects the sessions, `dateKey` is what start_date/end_date cut on.
 * @param {keyof SessionStatus | null} flag
 * @param {keyof SessionStatus} dateKey
 */
function sessionList(flag, dateKey) {
	/** @param {RouteContext} ctx */
	return function ({ state, body, options }) {
		const campaign = campaignParam(state, body);
		const page = integer(body, 'page', { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 1 });
		const start = dateBound(text(body, 'start_date'), 'start_date', 'start');
		const end = dateBound(text(body, 'end_date'), 'end_date', 'end');
		const matching = state.sessionsOf(campaign.ID).filter((session) => {
			if (flag && session.status[flag] !== '1') return false;
			if (!start && !end) return true;
			const date = /** @type {string} */ (session.status[dateKey]);
			return date !== '' && (!start || date >= start) && (!end || date <= end);
		});
		const from = (page - 1) * options.pageSize;
		return ok({
			amount_of_results: matching.length,
			data: matching
				.slice(from, from + options.pageSize)
				.map((session) => sessionListItem(state, session)),
		});
	};
}

/**
 * @param {string} value
 * @param {string} name
 * @param {'start' | 'end'} side
 */
function dateBound(value, name, side) {
	if (value === '') return undefined;
	const bound = parseFilterBound(value, side);
	if (!bound)
		fail(
			303,
			`Invalid date format for parameter: ${name}. Use yyyy-MM-dd or yyyy-MM-dd HH:mm (UTC)`,
		);
	return bound;
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/coupon/list': listCampaigns,
	'POST /v3/coupon/info': campaignInfo,
	// /data filters dates on creation; the others on the date of the state they list (Pipedream's Coupontools components polls claims by claim date).
	'POST /v3/campaign/data': sessionList(null, 'created_date_utc'),
	'POST /v3/campaign/opens': sessionList('opened', 'open_date_utc'),
	'POST /v3/campaign/claims': sessionList('claimed', 'claim_date_utc'),
	'POST /v3/campaign/validations': sessionList('validated', 'validation_date_utc'),
};
