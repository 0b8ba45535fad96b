// @ts-check
/**
 * Subaccount routes (https://docs.coupontools.com/api/account): list, info, create, update (README.md, Endpoints not confirmed by public documentation: inferred path, the fields of create),
 * password-reset URL, single sign-on. Only the main account's keys may manage subaccounts: a
 * subaccount's own key pair authenticates (auth.js) but is refused here with 102.
 */

const { ok, fail, scalarFailure, SandboxApiError } = require('../envelope');
const { text, oneOf, idCharacters, isEmail } = require('../params');
const { requiredText } = require('../lookup');
const { isRealDay } = require('../dates');
const { DEFAULT_ACCESS } = require('../seed-data');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../types').Json} Json */
/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../seed-data').Subaccount} Subaccount */

/** Dashboard host of the links (invented: the docs show none). */
const DASHBOARD = 'https://app.coupontools.com';
const WHITELABEL_DASHBOARD = 'https://dashboard.whitelabel.example';
const SSO_PAGES = ['campaigns', 'add_campaign', 'update_campaign', 'statistics', 'distribution'];
const STATUSES = ['trial', 'customer'];

/**
 * 102 when the request authenticated with a subaccount's own keys instead of the main account's.
 * @param {RouteContext} ctx
 */
function refuseSubaccountKeys({ headers, body, options }) {
	const header = (/** @type {string} */ name) => {
		const value = headers[name];
		return Array.isArray(value) ? value[0] : value;
	};
	const presented = [
		[header('x-client-id'), header('x-client-secret')],
		[body.client_id, body.client_secret],
	];
	if (presented.some(([id, secret]) => id === options.clientId && secret === options.clientSecret))
		return;
	throw new SandboxApiError(
		scalarFailure(
			102,
			'HTTP/1.0 401 Unauthorized. Subaccount API keys cannot be used to manage subaccounts.',
		),
	);
}

/**
 * The info object as documented (https://docs.coupontools.com/api/account, in its order; counters as numeric strings), then the sandbox's
 * additions: `status`, `country`, `package`, and `name` on each campaign.
 * @param {Subaccount} subaccount
 */
function subaccountView(subaccount) {
	return {
		ID: subaccount.ID,
		email: subaccount.email,
		username: subaccount.email,
		first_name: subaccount.first_name,
		last_name: subaccount.last_name,
		company_name: subaccount.company_name,
		language: subaccount.language,
		currency: subaccount.currency,
		lastlogin: subaccount.lastlogin,
		amountlogin: String(subaccount.amountlogin),
		max_campaigns: String(subaccount.max_campaigns),
		has_campaigns: String(subaccount.campaigns.length),
		available_campaigns: String(
			Math.max(0, subaccount.max_campaigns - subaccount.campaigns.length),
		),
		expiry_date: subaccount.expiry_date,
		api_key: subaccount.api_key,
		api_secret: subaccount.api_secret,
		webhook_endpoint: subaccount.webhook_endpoint,
		campaigns: subaccount.campaigns.map((campaign) => ({ ...campaign })),
		...subaccount.access,
		status: subaccount.status,
		country: subaccount.country,
		package: subaccount.package,
	};
}

/**
 * The `subaccount` parameter: 200 missing, 301 bad characters, 510 "Subaccount ID not correct" (the SSO
 * page documents 510; the sandbox answers it for every unknown subaccount).
 * @param {SandboxState} state
 * @param {Json} body
 */
function subaccountParam(state, body) {
	const id = idCharacters(requiredText(body, 'subaccount'), 'subaccount');
	const subaccount = state.subaccounts.get(id);
	if (!subaccount) return fail(510, 'Subaccount ID not correct');
	return subaccount;
}

/**
 * The optional fields of create (also update's): only those sent and non-empty, checked with the
 * documented codes (303 date format, 305 email) and the sandbox's (300 country, 301 package, 302 status).
 * @param {SandboxState} state
 * @param {Json} body
 * @param {string} [self] the subaccount being updated (its own email is not a duplicate)
 * @returns {Partial<Subaccount>}
 */
function detailsFrom(state, body, self) {
	/** @type {Partial<Subaccount>} */
	const details = {};
	const email = text(body, 'email');
	if (email) {
		if (!isEmail(email)) fail(305, 'Email address not valid');
		const taken = [...state.subaccounts.values()].some(
			(other) => other.ID !== self && other.email.toLowerCase() === email.toLowerCase(),
		);
		if (taken) fail(304, 'Email address already exists');
		details.email = email;
	}
	const status = text(body, 'status');
	if (status)
		details.status = /** @type {'trial' | 'customer'} */ (oneOf(status, 'status', STATUSES));
	const country = text(body, 'country');
	if (country) {
		if (!/^[A-Za-z]{2}$/.test(country))
			fail(300, 'Invalid value for parameter: country (ISO 3166-1 alpha-2, e.g. BE)');
		details.country = country.toUpperCase();
	}
	const pack = text(body, 'package');
	if (pack) {
		if (!/^pac_[A-Za-z0-9]+$/.test(pack)) fail(301, 'Invalid character in parameter: package');
		details.package = pack;
	}
	const expiry = text(body, 'expiry_date');
	if (expiry) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(expiry) || !isRealDay(expiry))
			fail(303, 'Invalid date format for parameter: expiry_date. Use yyyy-MM-dd');
		details.expiry_date = expiry;
	}
	for (const key of /** @type {const} */ ([
		'password',
		'first_name',
		'last_name',
		'company_name',
	])) {
		const value = text(body, key);
		if (value) details[key] = value;
	}
	return details;
}

/** sub_3003 after sub_3002: IDs are never reused. @param {SandboxState} state */
function nextSubaccountId(state) {
	const numbers = [...state.subaccounts.keys()]
		.map((id) => Number(id.slice(4)))
		.filter(Number.isFinite);
	return `sub_${Math.max(3000, ...numbers) + 1}`;
}

/**
 * List answer shape is not documented: the sandbox answers `amount_of_subaccounts` + `subaccount` (an
 * array of info objects), by analogy with `amount_of_groups` + `group` of the SMS group list.
 * @param {RouteContext} ctx
 */
function listSubaccounts(ctx) {
	refuseSubaccountKeys(ctx);
	const subaccounts = [...ctx.state.subaccounts.values()];
	return ok({
		amount_of_subaccounts: subaccounts.length,
		subaccount: subaccounts.map(subaccountView),
	});
}

/** @param {RouteContext} ctx */
function subaccountInfo(ctx) {
	refuseSubaccountKeys(ctx);
	return ok({ subaccount: subaccountView(subaccountParam(ctx.state, ctx.body)) });
}

/**
 * Without a password the subaccount would be emailed a link to set one (docs); the sandbox only stores "".
 * New subaccounts start as trial with no campaigns, 5 campaigns allowed (invented), default permissions.
 * @param {RouteContext} ctx
 */
function createSubaccount(ctx) {
	refuseSubaccountKeys(ctx);
	const { state, body } = ctx;
	requiredText(body, 'email');
	const details = detailsFrom(state, body);
	const ID = nextSubaccountId(state);
	/** @type {Subaccount} */
	const subaccount = {
		ID,
		email: '',
		password: '',
		first_name: '',
		last_name: '',
		company_name: '',
		country: '',
		language: 'en',
		currency: 'EUR',
		status: 'trial',
		package: '',
		expiry_date: '',
		lastlogin: '',
		amountlogin: 0,
		max_campaigns: 5,
		api_key: `sandbox-key-${state.random.code(16)}`,
		api_secret: `sandbox-secret-${state.random.code(24)}`,
		webhook_endpoint: '',
		campaigns: [],
		access: { ...DEFAULT_ACCESS },
		...details,
	};
	state.subaccounts.set(ID, subaccount);
	return ok({ subaccount: subaccountView(subaccount) });
}

/** Inferred endpoint (README.md, Endpoints not confirmed by public documentation). Fields left out or empty stay as they are; the answer is the updated object. @param {RouteContext} ctx */
function updateSubaccount(ctx) {
	refuseSubaccountKeys(ctx);
	const subaccount = subaccountParam(ctx.state, ctx.body);
	Object.assign(subaccount, detailsFrom(ctx.state, ctx.body, subaccount.ID));
	return ok({ subaccount: subaccountView(subaccount) });
}

/** Answer not documented ("most likely a URL"): `{ subaccount, url }`, a new one-time link per call. @param {RouteContext} ctx */
function resetUrl(ctx) {
	refuseSubaccountKeys(ctx);
	const subaccount = subaccountParam(ctx.state, ctx.body);
	return ok({
		subaccount: subaccount.ID,
		url: `${DASHBOARD}/reset-password/${ctx.state.random.code(32)}`,
	});
}

/**
 * Documented answer: `subaccount { ID, token, url, url_whitelabel }`. `campaign` is needed only with
 * page=update_campaign and must be one of the subaccount's campaigns (else 502); otherwise it is ignored.
 * @param {RouteContext} ctx
 */
function singleSignOn(ctx) {
	refuseSubaccountKeys(ctx);
	const { state, body } = ctx;
	const subaccount = subaccountParam(state, body);
	const page = text(body, 'page');
	if (page) oneOf(page, 'page', SSO_PAGES);
	let campaign = '';
	if (page === 'update_campaign') {
		campaign = idCharacters(requiredText(body, 'campaign'), 'campaign');
		if (!subaccount.campaigns.some((owned) => owned.ID === campaign))
			fail(502, 'Campaign ID not found');
	}
	const token = state.random.code(64);
	const query = page ? `?page=${page}${campaign ? `&campaign=${campaign}` : ''}` : '';
	return ok({
		subaccount: {
			ID: subaccount.ID,
			token,
			url: `${DASHBOARD}/sso/${token}${query}`,
			url_whitelabel: `${WHITELABEL_DASHBOARD}/sso/${token}${query}`,
		},
	});
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v4/subaccount/list': listSubaccounts,
	'POST /v4/subaccount': subaccountInfo,
	'POST /v4/subaccount/create': createSubaccount,
	'POST /v4/subaccount/update': updateSubaccount,
	'POST /v3/subaccount/reset/url': resetUrl,
	'POST /v3/subaccount/sso': singleSignOn,
};
