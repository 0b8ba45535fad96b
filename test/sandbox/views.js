// @ts-check
/** How state records look in API answers. One place, so every route shows a session the same way. */

const { PUBLIC_HOST } = require('./seed-data');

/** @typedef {import('./state').Session} Session */
/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./seed-data').Campaign} Campaign */

/** https://digicpn.com/p/<campaign code>/<session> (https://www.coupontools.com/en/api-and-webhooks/definition). @param {SandboxState} state @param {Session} session */
function sessionUrl(state, session) {
	const campaign = state.campaigns.get(session.campaign);
	return `${PUBLIC_HOST}/p/${campaign ? campaign.code : 'unknown'}/${session.session}`;
}

/**
 * An element of `coupon_info` (list) or the `coupon_info` object (info). The docs name ID, code, name,
 * title, status and url; folder, tags, category and created_date_utc are sandbox additions.
 * @param {Campaign} campaign
 */
function campaignView(campaign) {
	return { ...campaign, tags: [...campaign.tags] };
}

/**
 * An element of `data` in /v3/campaign/data|opens|claims|validations: the fields third-party client code and Pipedream's Coupontools components read
 * (session, sequenceid, status{…}, customid) plus the consumer data the session holds.
 * @param {SandboxState} state
 * @param {Session} session
 */
function sessionListItem(state, session) {
	const s = session.status;
	return {
		session: session.session,
		sequenceid: String(session.sequenceid),
		session_url: sessionUrl(state, session),
		customid: s.customid,
		created_date_utc: s.created_date_utc,
		status: {
			open_date_utc: s.open_date_utc,
			played_date_utc: s.played_date_utc,
			claim_date_utc: s.claim_date_utc,
			validation_date_utc: s.validation_date_utc,
			voided_date_utc: s.voided_date_utc,
			locked: s.locked,
			claimtype: s.claimtype,
			validation_value: s.validation_value,
			value: s.value,
			own_validation_code: s.own_validation_code,
		},
		firstname: session.firstname,
		lastname: session.lastname,
		email: session.email,
		phone: session.phone,
		expiration_date: s.expiration_date,
		utm_campaign: s.utm_campaign,
		utm_source: s.utm_source,
		utm_medium: s.utm_medium,
		utm_term: s.utm_term,
		utm_content: s.utm_content,
	};
}

/**
 * The payload of /v3/couponsession/data (documented) and of /update (same shape, another action).
 * @param {SandboxState} state
 * @param {Session} session
 * @param {string} action
 */
function sessionData(state, session, action) {
	return {
		campaign: session.campaign,
		action,
		session: session.session,
		session_url: sessionUrl(state, session),
		sequenceid: String(session.sequenceid),
		customid: session.status.customid,
		data: { status: { ...session.status } },
	};
}

/**
 * An element of `data` in /v3/couponsession/search (answer shape not documented): where the session is
 * and which of its fields matched.
 * @param {SandboxState} state
 * @param {Session} session
 * @param {string[]} matchedOn
 */
function searchResult(state, session, matchedOn) {
	return {
		campaign: session.campaign,
		...sessionListItem(state, session),
		matched_on: matchedOn,
	};
}

module.exports = { sessionUrl, campaignView, sessionListItem, sessionData, searchResult };
