// @ts-check
/**
 * Loyalty card routes, v3 RPC (§5.6), plus the endpoints and field names the team inferred (§9):
 * users update with points / stamps / voided, single push and push to all.
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
const { cardView, userView, memberView } = require('../loyalty-state');

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
 * §9: points and stamps are amounts to add (whole numbers from 1), voided a boolean. Voided is applied
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

/** @type {import('../types').RouteMap} */
module.exports = {
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
