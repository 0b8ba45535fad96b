// @ts-check
/** Single-use URL routes: create, create many, remove (https://docs.coupontools.com/api/coupon and README.md, Endpoints not confirmed by public documentation). */

const { ok, fail } = require('../envelope');
const {
	text,
	requireFields,
	bool,
	integer,
	oneOf,
	maxLength,
	isEmail,
	phoneDigits,
} = require('../params');
const { campaignParam, sessionParam } = require('../lookup');
const { isDateTimeWithSeconds } = require('../dates');
const { sessionUrl } = require('../views');
const { DIGITS, UPPER_ALNUM } = require('../random');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../types').Json} Json */
/** @typedef {import('../state').Session} Session */
/** @typedef {import('../state').SandboxState} SandboxState */

const AUTO_CODE_LENGTHS = { '6digits': 6, '8digits': 8, '10digits': 10 };
const UTM_KEYS = /** @type {const} */ ([
	'utm_campaign',
	'utm_source',
	'utm_medium',
	'utm_term',
	'utm_content',
]);

/** @param {SandboxState} state @param {Session} session */
function singleUseAnswer(state, session) {
	return {
		single_use_url: sessionUrl(state, session),
		single_use_code: session.session,
		widget_validation_code: session.widget_validation_code,
	};
}

/**
 * duplicate_check is a boolean here (Pipedream's Coupontools components's reading; third-party client code reads an enum email|phone|customid, https://docs.coupontools.com #8):
 * when on, a session of the same campaign with the same email, phone or customid is returned instead
 * of a new one, marked `duplicate: true` (a sandbox field; the real marker is not documented).
 * @param {RouteContext} ctx
 */
function createSingleUse({ state, body }) {
	const campaign = campaignParam(state, body);
	const email = text(body, 'email');
	if (email && !isEmail(email)) fail(305, 'Email address not valid');
	const customid = maxLength(body, 'customid', 50);
	const customvalcode = maxLength(body, 'customvalcode', 100);
	const customfields = [1, 2, 3, 4, 5, 6, 7].map((n) => maxLength(body, `customfield${n}`, 50));
	const autovalcode = text(body, 'autovalcode');
	if (autovalcode) oneOf(autovalcode, 'autovalcode', Object.keys(AUTO_CODE_LENGTHS));
	if (autovalcode && customvalcode)
		fail(300, 'Parameters customvalcode and autovalcode cannot be used together');
	const expiry = text(body, 'expiry_date');
	if (expiry && !isDateTimeWithSeconds(expiry))
		fail(303, 'Invalid date format for parameter: expiry_date. Use yyyy-MM-dd HH:mm:ss');
	const phone = text(body, 'phone');

	if (bool(body, 'duplicate_check', false)) {
		const existing = state
			.sessionsOf(campaign.ID)
			.find(
				(session) =>
					(email !== '' && session.email.toLowerCase() === email.toLowerCase()) ||
					(phone !== '' &&
						session.phone !== '' &&
						phoneDigits(session.phone) === phoneDigits(phone)) ||
					(customid !== '' && session.status.customid === customid),
			);
		if (existing) return ok({ ...singleUseAnswer(state, existing), duplicate: true });
	}

	const autoLength = AUTO_CODE_LENGTHS[/** @type {keyof typeof AUTO_CODE_LENGTHS} */ (autovalcode)];
	/** @type {Record<string, string | null>} */
	const utm = {};
	for (const key of UTM_KEYS) utm[key] = text(body, key) || null;
	const session = state.createSession(campaign.ID, {
		firstname: text(body, 'firstname'),
		lastname: text(body, 'lastname'),
		email,
		phone,
		customfields,
		status: {
			customid,
			own_validation_code:
				customvalcode || (autoLength ? state.random.code(autoLength, DIGITS) : ''),
			expiration_date: expiry,
			...utm,
		},
	});
	return ok(singleUseAnswer(state, session));
}

/**
 * @param {RouteContext} ctx
 */
function createMany({ state, body }) {
	const campaign = campaignParam(state, body);
	const amount = integer(body, 'amount', { min: 1, max: 100000, fallback: 10 });
	const status = oneOf(text(body, 'status') || 'normal', 'status', [
		'normal',
		'voided',
		'activated',
	]);
	/** @type {{ prefix: string, length: number, alphabet: string } | undefined} */
	let codes;
	if (bool(body, 'automated_codes', false)) {
		requireFields(body, ['code_prefix', 'code_length', 'code_type']);
		const prefix = maxLength(body, 'code_prefix', 20);
		const length = integer(body, 'code_length', { min: 10, max: 25 });
		const type = oneOf(text(body, 'code_type'), 'code_type', ['numeric', 'alphanumeric']);
		codes = { prefix, length, alphabet: type === 'numeric' ? DIGITS : UPPER_ALNUM };
	}
	const taken = new Set(state.sessionsOf(campaign.ID).map((s) => s.status.own_validation_code));
	const now = state.now();
	const data = [];
	for (let i = 0; i < amount; i++) {
		let custom = '';
		if (codes) {
			do custom = codes.prefix + state.random.code(codes.length, codes.alphabet);
			while (taken.has(custom));
			taken.add(custom);
		}
		// "activated" is read as "already opened"; the docs only list the value.
		const session = state.createSession(campaign.ID, {
			status: {
				own_validation_code: custom,
				...(status === 'voided' ? { voided: '1', voided_date_utc: now } : {}),
				...(status === 'activated' ? { opened: '1', open_date_utc: now } : {}),
			},
		});
		data.push({
			single_use_code: session.session,
			sequence_id: session.sequenceid,
			single_use_url: sessionUrl(state, session),
			widget_validation_code: session.widget_validation_code,
			custom_validation_code: custom,
		});
	}
	return ok({ campaign: campaign.ID, action: 'multiple_single_use_codes_created', data });
}

/** Endpoint inferred (README.md, Endpoints not confirmed by public documentation): removes the session; later calls with its code answer 505. @param {RouteContext} ctx */
function removeSingleUse({ state, body }) {
	requireFields(body, ['campaign', 'couponsession']);
	const campaign = campaignParam(state, body);
	const session = sessionParam(state, body, { campaign: campaign.ID });
	state.removeSession(session);
	return ok({
		campaign: campaign.ID,
		couponsession: session.session,
		action: 'single_use_removed',
	});
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/singleuse/create': createSingleUse,
	'POST /v3/multiplesingleuse/create': createMany,
	'POST /v3/singleuse/remove': removeSingleUse,
};
