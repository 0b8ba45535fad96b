// @ts-check
/**
 * Directory routes (https://docs.coupontools.com/api/v3/directory, https://docs.coupontools.com/api/v4/directory;
 * inferred ones: README.md, "Endpoints not confirmed by public documentation"): v3 RPC (list, info, campaigns, registered users, payment status) and the
 * v4 REST calls (list, get, users: list, get, create, block, paid access, single sign-on).
 *
 * v4 REST answers are bare JSON (arrays, objects), as the v4 examples show; failures still use the
 * failed envelope. v4 paths take numbers: `{id}` is the directory's numeric id (dir_2001 ↔ 2001),
 * `{userId}` the user's (reg_8001 ↔ 8001). Not-numeric → 301, unknown directory → 507 (as in v3),
 * a user that is not in that directory → 300 naming the parameter (undocumented).
 */

const { ok, fail } = require('../envelope');
const { text, requireFields, bool, integer, oneOf, idCharacters, isEmail } = require('../params');
const { requiredText } = require('../lookup');
const { isRealDay, isDateTimeWithSeconds } = require('../dates');
const { campaignView } = require('../views');
const { v3UserView, v4UserView, PROFILE_FIELDS } = require('../directory-state');
const { pageOfV4List } = require('../v4-paging');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../types').RouteResponse} RouteResponse */
/** @typedef {import('../types').Json} Json */
/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../seed-data').Directory} Directory */
/** @typedef {import('../seed-data').DirectoryUser} DirectoryUser */

/** @param {SandboxState} state @param {Json} body @returns {Directory} */
function directoryParam(state, body) {
	const id = idCharacters(requiredText(body, 'directory'), 'directory');
	const directory = state.directories.get(id);
	if (!directory) return fail(507, 'Directory ID not found');
	return directory;
}

/** v3 list and info (shape not documented): the directory without its v4 numeric id. @param {SandboxState} state @param {Directory} directory */
function directoryView(state, directory) {
	return {
		ID: directory.ID,
		code: directory.code,
		name: directory.name,
		url: directory.url,
		status: directory.status,
		amount_of_campaigns: directory.campaigns.length,
		amount_of_registered_users: state.directoryUsers.newestFirst(directory.ID).length,
	};
}

/** @param {unknown} value bare JSON @param {number} [status] @returns {RouteResponse} */
function bare(value, status = 200) {
	return { status, body: value };
}

/** @param {RouteContext} ctx */
function listDirectories({ state }) {
	const directories = [...state.directories.values()];
	return ok({
		amount_of_results: directories.length,
		data: directories.map((directory) => directoryView(state, directory)),
	});
}

/** @param {RouteContext} ctx */
function directoryInfo({ state, body }) {
	const directory = directoryParam(state, body);
	return ok({
		directory: { ...directoryView(state, directory), campaigns: [...directory.campaigns] },
	});
}

/** Inferred endpoint (README.md, "Endpoints not confirmed by public documentation"): the campaigns shown in the directory, as coupon/list shows them. @param {RouteContext} ctx */
function directoryCampaigns({ state, body }) {
	const directory = directoryParam(state, body);
	const campaigns = directory.campaigns.flatMap((id) => {
		const campaign = state.campaigns.get(id);
		return campaign ? [campaignView(campaign)] : [];
	});
	return ok({ directory: directory.ID, amount_of_results: campaigns.length, data: campaigns });
}

/** Documented: 100 registrations per page (`directoryPageSize`), newest first; `data: []` past the end. @param {RouteContext} ctx */
function listRegisteredUsers({ state, body, options }) {
	const directory = directoryParam(state, body);
	const page = integer(body, 'page', { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 1 });
	const users = state.directoryUsers.newestFirst(directory.ID);
	const from = (page - 1) * options.directoryPageSize;
	const now = state.now();
	return ok({
		directory: directory.ID,
		amount_of_results: users.length,
		data: users.slice(from, from + options.directoryPageSize).map((user) => v3UserView(user, now)),
	});
}

/** Inferred field (README.md, "Endpoints not confirmed by public documentation"): `payment_status` paid | unpaid. Paid grants paid access without an end date; unpaid ends it. @param {RouteContext} ctx */
function updatePaymentStatus({ state, body }) {
	requireFields(body, ['directory', 'user', 'payment_status']);
	const directory = directoryParam(state, body);
	const id = idCharacters(text(body, 'user'), 'user');
	if (!/^reg_\d+$/.test(id)) fail(301, 'Invalid numeric value for parameter: user');
	const status = oneOf(text(body, 'payment_status'), 'payment_status', ['paid', 'unpaid']);
	const user = state.directoryUsers.find(directory.ID, Number(id.slice(4)));
	if (!user)
		return fail(300, 'Invalid value for parameter: user (not a registered user of this directory)');
	Object.assign(user, { paid: status === 'paid', paid_access_expires_utc: '' });
	return ok({ action: 'payment_status_updated', user: v3UserView(user, state.now()) });
}

/**
 * GET /v4/directory: as Pipedream's Coupontools components read it, an array of objects with `id` and
 * `name` (paged only when a test asks, v4-paging.js).
 * @param {RouteContext} ctx
 */
function listV4Directories(ctx) {
	const { state } = ctx;
	const list = [...state.directories.values()].map((directory) => ({
		id: directory.id,
		name: directory.name,
		code: directory.code,
		url: directory.url,
	}));
	return bare(pageOfV4List(ctx, list, state.v4Paging));
}

/** @param {RouteContext} ctx @returns {Directory} */
function v4Directory({ state, params }) {
	if (!/^\d+$/.test(params.id)) fail(301, 'Invalid numeric value for parameter: id');
	const directory = [...state.directories.values()].find(
		(candidate) => candidate.id === Number(params.id),
	);
	if (!directory) return fail(507, 'Directory ID not found');
	return directory;
}

/**
 * GET /v4/directory/{id} (documented path; answer not): the directory as the v4 list shows it, plus its
 * status and counts (v4 field names chosen like the list's: `campaign_count`, `user_count`).
 * @param {RouteContext} ctx
 */
function getV4Directory(ctx) {
	const directory = v4Directory(ctx);
	return bare({
		id: directory.id,
		name: directory.name,
		code: directory.code,
		url: directory.url,
		status: directory.status,
		campaign_count: directory.campaigns.length,
		user_count: ctx.state.directoryUsers.newestFirst(directory.ID).length,
	});
}

/**
 * GET /v4/directory/{id}/users: as Pipedream's Coupontools components read it, an array of users with `id` and `created_at`, no paging used. The
 * sandbox answers every user at once, newest first as the v3 list (paged only when a test asks, v4-paging.js).
 * @param {RouteContext} ctx
 */
function listV4Users(ctx) {
	const directory = v4Directory(ctx);
	const now = ctx.state.now();
	const users = ctx.state.directoryUsers
		.newestFirst(directory.ID)
		.map((user) => v4UserView(user, directory, now));
	return bare(pageOfV4List(ctx, users, ctx.state.v4Paging));
}

/** GET /v4/directory/{id}/users/{userId} (answer not documented): the user as the other v4 calls answer it. @param {RouteContext} ctx */
function getV4User(ctx) {
	const { directory, user } = v4User(ctx);
	return bare(v4UserView(user, directory, ctx.state.now()));
}

/** @param {RouteContext} ctx @returns {{ directory: Directory, user: DirectoryUser }} */
function v4User(ctx) {
	const directory = v4Directory(ctx);
	if (!/^\d+$/.test(ctx.params.userId)) fail(301, 'Invalid numeric value for parameter: userId');
	const user = ctx.state.directoryUsers.find(directory.ID, Number(ctx.params.userId));
	if (!user)
		return fail(
			300,
			'Invalid value for parameter: userId (not a registered user of this directory)',
		);
	return { directory, user };
}

/**
 * email R (305 invalid, 304 already registered in this directory); birth_date yyyy-MM-dd (303); the
 * password, when left out, is generated (documented) and never shown. 201 with the new user.
 * @param {RouteContext} ctx
 */
function createV4User(ctx) {
	const { state, body } = ctx;
	const directory = v4Directory(ctx);
	const email = requiredText(body, 'email');
	if (!isEmail(email)) fail(305, 'Email address not valid');
	const taken = state.directoryUsers
		.newestFirst(directory.ID)
		.some((user) => user.email.toLowerCase() === email.toLowerCase());
	if (taken) fail(304, 'Email already exists');
	const birth = text(body, 'birth_date');
	if (birth && !(/^\d{4}-\d{2}-\d{2}$/.test(birth) && isRealDay(birth)))
		fail(303, 'Invalid date format for parameter: birth_date. Use yyyy-MM-dd');
	/** @type {Record<string, string>} */
	const profile = {};
	for (const field of PROFILE_FIELDS) profile[field] = text(body, field);
	const user = state.directoryUsers.register(directory.ID, profile, state.now());
	return bare(v4UserView(user, directory, state.now()), 201);
}

/** `block` is the only field the update takes (documented); left out, nothing changes. @param {RouteContext} ctx */
function updateV4User(ctx) {
	const { directory, user } = v4User(ctx);
	if (ctx.body.block !== undefined) user.blocked = bool(ctx.body, 'block', user.blocked);
	return bare(v4UserView(user, directory, ctx.state.now()));
}

/** `expires_at` optional, UTC "yyyy-MM-dd HH:mm:ss" (documented); without it the access has no end. @param {RouteContext} ctx */
function giveAccess(ctx) {
	const { directory, user } = v4User(ctx);
	const expires = text(ctx.body, 'expires_at');
	if (expires && !isDateTimeWithSeconds(expires))
		fail(303, 'Invalid date format for parameter: expires_at. Use yyyy-MM-dd HH:mm:ss');
	Object.assign(user, { paid: true, paid_access_expires_utc: expires });
	return bare(v4UserView(user, directory, ctx.state.now()));
}

/** @param {RouteContext} ctx */
function revokeAccess(ctx) {
	const { directory, user } = v4User(ctx);
	Object.assign(user, { paid: false, paid_access_expires_utc: '' });
	return bare(v4UserView(user, directory, ctx.state.now()));
}

/**
 * A single-use login token (documented); its field names are not: `token` and a ready `login_url`
 * (directory page + token) are the sandbox's.
 * @param {RouteContext} ctx
 */
function createSsoToken(ctx) {
	const { directory, user } = v4User(ctx);
	const token = ctx.state.random.code(40);
	return bare({ user_id: user.id, token, login_url: `${directory.url}?sso=${token}` });
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/directory/list': listDirectories,
	'POST /v3/directory/info': directoryInfo,
	'POST /v3/directory/campaigns': directoryCampaigns,
	'POST /v3/directoryusers/list': listRegisteredUsers,
	'POST /v3/directoryusers/update': updatePaymentStatus,
	'GET /v4/directory': listV4Directories,
	'GET /v4/directory/{id}': getV4Directory,
	'GET /v4/directory/{id}/users': listV4Users,
	'GET /v4/directory/{id}/users/{userId}': getV4User,
	'POST /v4/directory/{id}/users': createV4User,
	'POST /v4/directory/{id}/users/{userId}': updateV4User,
	'POST /v4/directory/{id}/users/{userId}/access': giveAccess,
	'DELETE /v4/directory/{id}/users/{userId}/access': revokeAccess,
	'POST /v4/directory/{id}/users/{userId}/sso': createSsoToken,
};
