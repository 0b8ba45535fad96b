// @ts-check
/**
 * Account and teammate single sign-on (v3 RPC, documented at https://docs.coupontools.com/api/account):
 * `POST /v3/account/sso` takes no parameter; `POST /v3/teammate/sso` takes `teammate` (numeric) and,
 * per its documented error list (200, 301, 502 for a campaign), an optional `campaign`.
 *
 * Their answers are not documented: the sandbox answers like the documented subaccount single sign-on,
 * `account { token, url, url_whitelabel }` and `teammate { ID, token, url, url_whitelabel }`. With a
 * campaign, the teammate's link opens that campaign (`&campaign=cam_…`). Teammates are fixed: teammates
 * are managed in the dashboard only, so no route changes them.
 */

const { ok, fail } = require('../envelope');
const { text, requireFields } = require('../params');
const { campaignParam } = require('../lookup');

/** @typedef {import('../types').RouteContext} RouteContext */

/** The account's teammates (numeric IDs, documented), by ID. */
const TEAMMATES = new Map([
	['5101', { ID: '5101', name: 'Eva Claes', email: 'eva@example.com' }],
	['5102', { ID: '5102', name: 'Marc Dubois', email: 'marc@example.com' }],
]);

const APP_HOST = 'https://app.coupontools.com';
const WHITELABEL_HOST = 'https://dashboard.example-agency.com';

/** @param {RouteContext} ctx @param {string} query */
function loginLinks(ctx, query) {
	const token = ctx.state.random.code(64);
	return {
		token,
		url: `${APP_HOST}/sso?token=${token}${query}`,
		url_whitelabel: `${WHITELABEL_HOST}/sso?token=${token}${query}`,
	};
}

/** @param {RouteContext} ctx */
function accountSso(ctx) {
	return ok({ account: loginLinks(ctx, '') });
}

/**
 * `teammate` required (200), digits only (301, "IDs … numeric"), known (503 "Teammate ID not found");
 * `campaign` optional: characters (301), known (502 "Campaign ID not found").
 * @param {RouteContext} ctx
 */
function teammateSso(ctx) {
	const { body } = ctx;
	requireFields(body, ['teammate']);
	const id = text(body, 'teammate');
	if (!/^\d+$/.test(id)) fail(301, 'Invalid numeric value for parameter: teammate');
	const teammate = TEAMMATES.get(id);
	if (!teammate) return fail(503, 'Teammate ID not found');
	const campaignId = text(body, 'campaign') ? campaignParam(ctx.state, body).ID : '';
	const query = campaignId ? `&campaign=${encodeURIComponent(campaignId)}` : '';
	return ok({ teammate: { ID: teammate.ID, ...loginLinks(ctx, query) } });
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/account/sso': accountSso,
	'POST /v3/teammate/sso': teammateSso,
};
