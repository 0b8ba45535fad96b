// @ts-check
/** Coupon session routes: data, update, search, wallet push notifications (https://docs.coupontools.com/api/coupon and README.md, Endpoints not confirmed by public documentation). */

const { ok, fail } = require('../envelope');
const { text, requireFields, oneOf, phoneDigits } = require('../params');
const { campaignParam, sessionParam } = require('../lookup');
const { sessionData, searchResult } = require('../views');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../state').Session} Session */
/** @typedef {import('../state').SandboxState} SandboxState */

/** @param {RouteContext} ctx */
function getSession({ state, body }) {
	const session = sessionParam(state, body);
	return ok(sessionData(state, session, 'retrieve_all_session_data'));
}

const OPERATIONS = ['claimed', 'validated', 'void', 'unvoid'];

/**
 * Claiming or validating a session again keeps the first date and answers OK (the real behaviour is not
 * documented; idempotent answers keep a retried request harmless). Validating or claiming a voided
 * session fails: a voided coupon can no longer be used.
 * @param {RouteContext} ctx
 */
function updateSession({ state, body }) {
	requireFields(body, ['couponsession', 'operation']);
	const operation = oneOf(text(body, 'operation'), 'operation', OPERATIONS);
	const value = text(body, 'value');
	if (value !== '' && !/^\d+(\.\d+)?$/.test(value))
		fail(300, 'Invalid value for parameter: value (an amount such as 25.50)');
	const session = sessionParam(state, body);
	const s = session.status;
	const now = state.now();

	if ((operation === 'validated' || operation === 'claimed') && s.voided === '1') {
		fail(
			300,
			`Couponsession is voided and cannot be ${operation === 'validated' ? 'validated' : 'claimed'}. Unvoid it first`,
		);
	}
	if (operation === 'claimed' || operation === 'validated') {
		if (s.opened !== '1') Object.assign(s, { opened: '1', open_date_utc: now });
		if (s.claimed !== '1')
			Object.assign(s, { claimed: '1', claim_date_utc: now, claimtype: 'api' });
	}
	if (operation === 'validated' && s.validated !== '1') {
		Object.assign(s, { validated: '1', validation_date_utc: now, validation_value: value });
	}
	if (operation === 'void' && s.voided !== '1')
		Object.assign(s, { voided: '1', voided_date_utc: now });
	if (operation === 'unvoid' && s.voided === '1')
		Object.assign(s, { voided: '0', unvoided_date_utc: now });

	return ok(sessionData(state, session, 'session_updated'));
}

/**
 * Exact, case-insensitive match on the custom validation code, the email, or the phone digits.
 * @param {RouteContext} ctx
 */
function searchSessions({ state, body }) {
	requireFields(body, ['search']);
	const search = text(body, 'search');
	const needle = search.toLowerCase();
	const digits = phoneDigits(search);
	const pool = text(body, 'campaign')
		? state.sessionsOf(campaignParam(state, body).ID)
		: state.sessions.values();
	const data = [];
	for (const session of pool) {
		/** @type {string[]} */
		const matchedOn = [];
		if (
			session.status.own_validation_code &&
			session.status.own_validation_code.toLowerCase() === needle
		)
			matchedOn.push('customvalcode');
		if (session.email && session.email.toLowerCase() === needle) matchedOn.push('email');
		if (digits.length >= 6 && session.phone && phoneDigits(session.phone) === digits)
			matchedOn.push('phone');
		if (matchedOn.length) data.push(searchResult(state, session, matchedOn));
	}
	return ok({ search, amount_of_results: data.length, data });
}

/** @param {RouteContext} ctx */
function pushSingle({ state, body }) {
	requireFields(body, ['campaign', 'couponsession', 'message']);
	const campaign = campaignParam(state, body);
	// The docs show this endpoint's 505 with `errors` beside `status`, not inside it.
	const session = sessionParam(state, body, { campaign: campaign.ID, sibling: true });
	state.pushNotifications.push({
		campaign: campaign.ID,
		session: session.session,
		message: text(body, 'message'),
		recipients: 1,
		at: state.now(),
	});
	return ok();
}

/**
 * Wallet pushes reach the sessions saved to Apple Wallet (passbook) or Google Wallet (androidpay).
 * @param {RouteContext} ctx
 */
function pushAll({ state, body }) {
	requireFields(body, ['campaign', 'message']);
	const campaign = campaignParam(state, body);
	const recipients = state
		.sessionsOf(campaign.ID)
		.filter(
			(s) => s.status.saved_to_passbook === '1' || s.status.saved_to_androidpay === '1',
		).length;
	state.pushNotifications.push({
		campaign: campaign.ID,
		session: null,
		message: text(body, 'message'),
		recipients,
		at: state.now(),
	});
	return ok({ campaign: campaign.ID, amount_of_notifications: recipients });
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/couponsession/data': getSession,
	'POST /v3/couponsession/update': updateSession,
	'POST /v3/couponsession/search': searchSessions,
	'POST /v3/coupon/pushnotification/single': pushSingle,
	'POST /v3/coupon/pushnotification/all': pushAll,
};
