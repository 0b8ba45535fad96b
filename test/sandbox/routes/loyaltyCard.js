// @ts-check
/**
 * Loyalty card routes, v3 RPC (https://docs.coupontools.com/api/v3/loyalty), plus the endpoints and field names
 * the team inferred (README.md, "Endpoints not confirmed by public documentation"):
 * users update with points / stamps / voided, single push and push to all; and the v4 REST routes (list,
 * copy, users of a card: list, get, create, bulk create) with bare JSON answers.
 *
 * Not-found codes follow the documented ones per path family: /v3/loyalty/* answers 507 ("Loyalty card
 * not found", documented for info), /v3/loyaltyusers/* answers 505 ("Loyalty card ID not found",
 * documented for list). A user that is not on the card is undocumented: 300 naming the parameter.
 */

const { ok, fail, SandboxApiError, validationFailure } = require('../envelope');
const {
	text,
	requireFields,
	bool,
	integer,
	oneOf,
	idCharacters,
	isEmail,
	phoneDigits,
} = require('../params');
const { requiredText } = require('../lookup');
const { isRealDay } = require('../dates');
const {
	cardView,
	userView,
	memberView,
	v4CardView,
	v4MemberView,
	V4_USER_FIELDS,
	V4_EXTRA_FIELDS,
} = require('../loyalty-state');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../types').Json} Json */
/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../seed-data').LoyaltyCard} LoyaltyCard */

/** The documented search alphabet: at least 3 characters of A–Z, a–z, 0–9, '-', '_' and '@'. */
const SEARCH = /^[A-Za-z0-9_@-]{3,}$/;

/**
 * @param {SandboxState} state
 * @param {Json} body
 * @param {505 | 507} notFound
 * @returns {LoyaltyCard}
 */
function cardParam(state, body, notFound) {
	const id = idCharacters(requiredText(body, 'loyaltycard'), 'loyaltycard');
	const card = state.loyalty.cards.get(id);
	if (!card)
		return fail(
			notFound,
			notFound === 507 ? 'Loyalty card not found' : 'Loyalty card ID not found',
		);
	return card;
}

/** @param {SandboxState} state @param {Json} body @param {LoyaltyCard} card */
function memberParam(state, body, card) {
	const id = idCharacters(requiredText(body, 'user'), 'user');
	const member = state.loyalty.membership(card.ID, id);
	if (!member)
		return fail(300, 'Invalid value for parameter: user (not a user of this loyalty card)');
	return member;
}

/** Creation date ascending by default, as documented; `desc` reverses it. @param {RouteContext} ctx */
function listCards({ state, body }) {
	const onlyActive = bool(body, 'only_active', false);
	const sorting = text(body, 'sorting')
		? oneOf(text(body, 'sorting'), 'sorting', ['asc', 'desc'])
		: 'asc';
	const cards = [...state.loyalty.cards.values()]
		.filter((card) => !onlyActive || card.status === 'active')
		.sort((a, b) =>
			a.created_date_utc < b.created_date_utc
				? -1
				: a.created_date_utc > b.created_date_utc
					? 1
					: 0,
		);
	if (sorting === 'desc') cards.reverse();
	return ok({
		amount_of_results: cards.length,
		data: cards.map((card) => cardView(state.loyalty, card)),
	});
}

/** @param {RouteContext} ctx */
function cardInfo({ state, body }) {
	return ok({ loyaltycard: cardView(state.loyalty, cardParam(state, body, 507)) });
}

/**
 * Pagination is not documented: the sandbox pages like the session lists (`pageSize`, default 5000),
 * oldest link first, `data: []` past the end.
 * @param {RouteContext} ctx
 */
function listUsers({ state, body, options }) {
	const card = cardParam(state, body, 505);
	const page = integer(body, 'page', { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 1 });
	const members = state.loyalty.membersOf(card.ID);
	const from = (page - 1) * options.pageSize;
	return ok({
		loyaltycard: card.ID,
		amount_of_results: members.length,
		data: members
			.slice(from, from + options.pageSize)
			.map((member) => memberView(state.loyalty, member)),
	});
}

/** Case-insensitive substring match on first or last name, email, phone digits or ID (documented fields). @param {RouteContext} ctx */
function searchUsers({ state, body }) {
	requireFields(body, ['loyaltycard', 'search']);
	const card = cardParam(state, body, 505);
	const search = text(body, 'search');
	if (!SEARCH.test(search))
		fail(
			300,
			'Invalid value for parameter: search (at least 3 characters, only A-Z a-z 0-9 - _ @)',
		);
	const needle = search.toLowerCase();
	const data = [];
	for (const member of state.loyalty.membersOf(card.ID)) {
		const view = memberView(state.loyalty, member);
		/** @type {[string, string][]} */
		const fields = [
			['ID', view.ID],
			['first_name', view.first_name],
			['last_name', view.last_name],
			['email', view.email],
			['phone', phoneDigits(view.phone)],
		];
		const matchedOn = fields
			.filter(([, value]) => value.toLowerCase().includes(needle))
			.map(([name]) => name);
		if (matchedOn.length) data.push({ ...view, matched_on: matchedOn });
	}
	return ok({ loyaltycard: card.ID, search, amount_of_results: data.length, data });
}

/**
 * 200 words as documented ("provide an email address" / "provide a password"); 305 and 304 as for
 * subaccount create; 302 gender; 303 birthday (documented for birthday fields).
 * @param {RouteContext} ctx
 */
function createUser({ state, body }) {
	const missing = [];
	if (text(body, 'email') === '')
		missing.push({
			code: 200,
			description: 'Missing parameter: email. Please provide an email address',
		});
	if (text(body, 'password') === '')
		missing.push({
			code: 200,
			description: 'Missing parameter: password. Please provide a password',
		});
	if (missing.length) throw new SandboxApiError(validationFailure(missing));
	const email = text(body, 'email');
	if (!isEmail(email)) fail(305, 'Email address not valid');
	if (state.loyalty.userByEmail(email)) fail(304, 'Email already exists');
	const gender = text(body, 'gender')
		? /** @type {'male' | 'female' | 'unknown'} */ (
				oneOf(text(body, 'gender'), 'gender', ['male', 'female', 'unknown'])
			)
		: '';
	const birthday = text(body, 'birthday');
	if (birthday && !(/^\d{4}-\d{2}-\d{2}$/.test(birthday) && isRealDay(birthday)))
		fail(303, 'Invalid date format for parameter: birthday. Use yyyy-MM-dd');
	const user = state.loyalty.createUser({
		email,
		first_name: text(body, 'first_name'),
		last_name: text(body, 'last_name'),
		phone: text(body, 'phone'),
		gender,
		birthday,
		city: text(body, 'city'),
		created_date_utc: state.now(),
	});
	return ok({ action: 'user_created', user: userView(user) });
}

/** @param {RouteContext} ctx */
function linkUser({ state, body }) {
	requireFields(body, ['loyaltycard', 'user']);
	const card = cardParam(state, body, 505);
	const id = idCharacters(text(body, 'user'), 'user');
	if (!state.loyalty.users.has(id))
		fail(300, 'Invalid value for parameter: user (no such loyalty user)');
	const member = state.loyalty.link(card.ID, id, state.now());
	return ok({ action: 'user_linked', user: memberView(state.loyalty, member) });
}

/**
 * Inferred fields (README.md, "Endpoints not confirmed by public documentation"): points and stamps are amounts to add (whole numbers from 1), voided a boolean. Voided is applied
 * first; adding to a voided user fails like claiming a voided coupon does.
 * @param {RouteContext} ctx
 */
function updateUser({ state, body }) {
	requireFields(body, ['loyaltycard', 'user']);
	const card = cardParam(state, body, 505);
	const member = memberParam(state, body, card);
	const given = (/** @type {string} */ name) =>
		body[name] !== undefined && body[name] !== null && body[name] !== '';
	if (!given('points') && !given('stamps') && !given('voided'))
		fail(200, 'Missing parameter: points, stamps or voided');
	const points = given('points') ? integer(body, 'points', { min: 1, max: 1_000_000 }) : 0;
	const stamps = given('stamps') ? integer(body, 'stamps', { min: 1, max: 1_000 }) : 0;
	if (given('voided')) {
		const voided = bool(body, 'voided', false);
		if (voided && member.voided !== '1')
			Object.assign(member, { voided: '1', voided_date_utc: state.now() });
		if (!voided && member.voided === '1')
			Object.assign(member, { voided: '0', voided_date_utc: '' });
	}
	if ((points || stamps) && member.voided === '1')
		fail(
			300,
			'Loyalty card user is voided and cannot collect points or stamps. Unvoid the user first',
		);
	member.points += points;
	member.stamps += stamps;
	return ok({ action: 'user_updated', user: memberView(state.loyalty, member) });
}

/** @param {RouteContext} ctx */
function pushSingle({ state, body }) {
	requireFields(body, ['loyaltycard', 'user', 'message']);
	const card = cardParam(state, body, 507);
	const member = memberParam(state, body, card);
	state.loyalty.pushes.push({
		loyaltycard: card.ID,
		user: member.user,
		message: text(body, 'message'),
		recipients: 1,
		at: state.now(),
	});
	return ok();
}

/** Reaches every user of the card who is not voided. @param {RouteContext} ctx */
function pushAll({ state, body }) {
	requireFields(body, ['loyaltycard', 'message']);
	const card = cardParam(state, body, 507);
	const recipients = state.loyalty
		.membersOf(card.ID)
		.filter((member) => member.voided !== '1').length;
	state.loyalty.pushes.push({
		loyaltycard: card.ID,
		user: null,
		message: text(body, 'message'),
		recipients,
		at: state.now(),
	});
	return ok({ loyaltycard: card.ID, amount_of_notifications: recipients });
}

// ---- v4 REST (documented paths; bare JSON answers; failures keep the failed envelope) ----

/** Users per page of the v4 users list when `pagination[per_page]` is not sent; also its maximum. */
const V4_PAGE_SIZE = 100;
/** Users per bulk call (not documented; the node sends at most this many). */
const BULK_MAX = 100;
/** The documented limit of a copy's name. */
const CARD_NAME_MAX = 50;

/** @param {unknown} value bare JSON @param {number} [status] @returns {import('../types').RouteResponse} */
function bare(value, status = 200) {
	return { status, body: value };
}

/** `{id}` of a v4 path: digits (301), a known card (507, as /v3/loyalty/info). @param {RouteContext} ctx @returns {LoyaltyCard} */
function v4Card({ state, params }) {
	if (!/^\d+$/.test(params.id)) fail(301, 'Invalid numeric value for parameter: id');
	const card = state.loyalty.cards.get(params.id);
	if (!card) return fail(507, 'Loyalty card not found');
	return card;
}

/**
 * A GET parameter that is an object (`filter`, `pagination`): the v4 docs do not say how a GET carries
 * one. Decided: the query string in bracket form, `pagination[page]=2`, which is how n8n (and the `qs`
 * package most clients use) writes a nested object.
 * @param {Record<string, string>} query
 * @param {string} name
 * @returns {Record<string, string>}
 */
function queryObject(query, name) {
	/** @type {Record<string, string>} */
	const object = {};
	for (const [key, value] of Object.entries(query)) {
		const match = new RegExp(`^${name}\\[([^\\]]+)\\]$`).exec(key);
		if (match) object[match[1]] = value;
	}
	return object;
}

/** GET /v4/loyalty/loyalty-cards: every card of the account (documented shape), by id. @param {RouteContext} ctx */
function listV4Cards({ state }) {
	return bare(
		[...state.loyalty.cards.values()]
			.sort((a, b) => Number(a.ID) - Number(b.ID))
			.map((card) => v4CardView(card)),
	);
}

/**
 * POST …/{id}/copy: `name` optional, at most 50 characters (documented; longer → 300). Without a name the
 * copy is called "<name> (copy)" (the sandbox's choice). Answers the new card (documented), 201.
 * @param {RouteContext} ctx
 */
function copyV4Card(ctx) {
	const card = v4Card(ctx);
	const name = text(ctx.body, 'name') || `${card.name} (copy)`.slice(0, CARD_NAME_MAX);
	if (name.length > CARD_NAME_MAX)
		fail(300, `Invalid value for parameter: name (at most ${CARD_NAME_MAX} characters)`);
	const copy = ctx.state.loyalty.copyCard(card, name, ctx.state.random.code(6), ctx.state.now());
	return bare(v4CardView(copy), 201);
}

/**
 * GET …/{id}/stats: the users of a card (documented parameters `filter`, `pagination`, `include_voided`;
 * their inner keys are not). Decided: `pagination[page]` (from 1) and `pagination[per_page]` (1–100,
 * default 100); `filter[<field>]` for any v4 user field, a case-insensitive "contains" match, several
 * filters all apply; voided users only with `include_voided=true`. In link order; `[]` past the end.
 * @param {RouteContext} ctx
 */
function listV4Users(ctx) {
	const { state, query } = ctx;
	const card = v4Card(ctx);
	const includeVoided = bool(query, 'include_voided', false);
	const pagination = queryObject(query, 'pagination');
	for (const key of Object.keys(pagination))
		if (key !== 'page' && key !== 'per_page')
			fail(300, `Invalid value for parameter: pagination[${key}] (use page and per_page)`);
	const page = integer(pagination, 'page', { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 1 });
	const perPage = integer(pagination, 'per_page', {
		min: 1,
		max: V4_PAGE_SIZE,
		fallback: V4_PAGE_SIZE,
	});
	const filter = queryObject(query, 'filter');
	for (const key of Object.keys(filter))
		if (!(/** @type {readonly string[]} */ (V4_USER_FIELDS).includes(key)))
			fail(300, `Invalid value for parameter: filter[${key}] (not a user field)`);
	const users = state.loyalty
		.membersOf(card.ID)
		.filter((member) => includeVoided || member.voided !== '1')
		.map((member) => v4MemberView(state.loyalty, member))
		.filter((user) =>
			Object.entries(filter).every(([key, wanted]) =>
				String(user[/** @type {keyof typeof user} */ (key)] ?? '')
					.toLowerCase()
					.includes(wanted.trim().toLowerCase()),
			),
		);
	return bare(users.slice((page - 1) * perPage, page * perPage));
}

/** GET …/{id}/stats/{userId}: one user of the card, voided or not. @param {RouteContext} ctx */
function getV4User(ctx) {
	const card = v4Card(ctx);
	if (!/^\d+$/.test(ctx.params.userId)) fail(301, 'Invalid numeric value for parameter: userId');
	const member = ctx.state.loyalty.membership(card.ID, ctx.params.userId);
	if (!member)
		return fail(300, 'Invalid value for parameter: userId (not a user of this loyalty card)');
	return bare(v4MemberView(ctx.state.loyalty, member));
}

/**
 * One v4 user record onto a card: every field optional (documented), but an empty record is refused
 * (200); `email`, when given, must be valid (305) and not used by another loyalty user of the account
 * (304, as v3 create). No password: a user created here has none.
 * @param {SandboxState} state
 * @param {LoyaltyCard} card
 * @param {Json} record
 */
function createV4Member(state, card, record) {
	if (!record || typeof record !== 'object' || Array.isArray(record))
		fail(300, 'Invalid value for parameter: user (expected an object)');
	/** @type {Record<string, string>} */
	const fields = {};
	for (const field of V4_USER_FIELDS) fields[field] = text(record, field);
	if (Object.values(fields).every((value) => value === ''))
		fail(200, `Missing parameter: at least one of ${V4_USER_FIELDS.join(', ')}`);
	if (fields.email && !isEmail(fields.email)) fail(305, 'Email address not valid');
	if (fields.email && state.loyalty.userByEmail(fields.email)) fail(304, 'Email already exists');
	const now = state.now();
	const user = state.loyalty.createUser({
		email: fields.email,
		first_name: fields.first_name,
		last_name: fields.last_name,
		phone: fields.phone,
		gender: '',
		birthday: '',
		city: fields.city,
		created_date_utc: now,
	});
	const profile = state.loyalty.profileOf(user.ID);
	for (const field of V4_EXTRA_FIELDS) profile[field] = fields[field];
	return state.loyalty.link(card.ID, user.ID, now);
}

/** POST …/{id}/stats: 201 with the new user of the card. @param {RouteContext} ctx */
function createV4User(ctx) {
	const card = v4Card(ctx);
	const member = createV4Member(ctx.state, card, ctx.body);
	return bare(v4MemberView(ctx.state.loyalty, member), 201);
}

/**
 * POST …/{id}/stats/bulk. The docs show a batch of user objects but not its wrapper key. Decided:
 * `{ "users": [ … ] }`, 1–100 users per call (else 300). Every user is created or refused on its own:
 * the answer (200) is an array in the order sent, each entry the created user or
 * `{ "error": { "error_code", "error_message" } }`, so one bad address does not stop the others.
 * @param {RouteContext} ctx
 */
function createV4UsersInBulk(ctx) {
	const card = v4Card(ctx);
	const users = ctx.body.users;
	if (users === undefined || users === null || users === '') fail(200, 'Missing parameter: users');
	if (!Array.isArray(users) || users.length === 0)
		fail(300, 'Invalid value for parameter: users (a list of users)');
	if (users.length > BULK_MAX)
		fail(300, `Invalid value for parameter: users (at most ${BULK_MAX} per call)`);
	return bare(
		users.map((record) => {
			try {
				return v4MemberView(ctx.state.loyalty, createV4Member(ctx.state, card, record));
			} catch (error) {
				if (!(error instanceof SandboxApiError)) throw error;
				const errors =
					/** @type {{ status: { errors: { error_code: number[], error_message_description: string[] } } }} */ (
						error.response.body
					).status.errors;
				return {
					error: {
						error_code: errors.error_code[0],
						error_message: errors.error_message_description[0],
					},
				};
			}
		}),
	);
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'GET /v4/loyalty/loyalty-cards': listV4Cards,
	'POST /v4/loyalty/loyalty-cards/{id}/copy': copyV4Card,
	'GET /v4/loyalty/loyalty-cards/{id}/stats': listV4Users,
	'POST /v4/loyalty/loyalty-cards/{id}/stats': createV4User,
	'GET /v4/loyalty/loyalty-cards/{id}/stats/{userId}': getV4User,
	'POST /v4/loyalty/loyalty-cards/{id}/stats/bulk': createV4UsersInBulk,
	'POST /v3/loyalty/list': listCards,
	'POST /v3/loyalty/info': cardInfo,
	'POST /v3/loyaltyusers/list': listUsers,
	'POST /v3/loyaltyusers/search': searchUsers,
	'POST /v3/loyaltyusers/create': createUser,
	'POST /v3/loyaltyusers/link': linkUser,
	'POST /v3/loyaltyusers/update': updateUser,
	'POST /v3/loyalty/pushnotification/single': pushSingle,
	'POST /v3/loyalty/pushnotification/all': pushAll,
};
