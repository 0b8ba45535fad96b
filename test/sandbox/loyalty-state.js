// @ts-check
/**
 * Loyalty cards, their users and who is on which card (https://docs.coupontools.com/api/v3/loyalty, https://docs.coupontools.com/api/v4/loyalty; choices the docs leave open: README.md, "Endpoints not confirmed by public documentation"). Part of the sandbox state
 * (`state.loyalty`); `fill()` (called by state.js on start and on every reset) restores the seed.
 *
 * Users belong to the account, not to a card: the documented create call takes no card, and
 * `/v3/loyaltyusers/link` puts a user on a card. Points, stamps and the voided flag belong to that
 * link (a user can be on two cards with different balances).
 */

/** @typedef {import('./seed-data').LoyaltyCard} LoyaltyCard */
/** @typedef {import('./seed-data').LoyaltyUser} LoyaltyUser */
/** @typedef {import('./seed-data').LoyaltyMembership} LoyaltyMembership */

/**
 * The fields a v4 user of a card carries beyond the v3 user (v4 create: address, zip, custom_1…custom_8).
 * Kept apart from the user record so the v3 answers keep their shape.
 * @typedef {Record<typeof V4_EXTRA_FIELDS[number], string>} V4Profile
 */

/** v4 create user fields (documented, all optional), in the order the docs list them. */
const V4_USER_FIELDS = /** @type {const} */ ([
	'first_name',
	'last_name',
	'address',
	'zip',
	'city',
	'phone',
	'email',
	'custom_1',
	'custom_2',
	'custom_3',
	'custom_4',
	'custom_5',
	'custom_6',
	'custom_7',
	'custom_8',
]);

/** The v4 fields the v3 user record has no place for. */
const V4_EXTRA_FIELDS = /** @type {const} */ ([
	'address',
	'zip',
	'custom_1',
	'custom_2',
	'custom_3',
	'custom_4',
	'custom_5',
	'custom_6',
	'custom_7',
	'custom_8',
]);

/**
 * @typedef {object} LoyaltyPush
 * @property {string} loyaltycard
 * @property {string | null} user null for a push to all
 * @property {string} message
 * @property {number} recipients
 * @property {string} at
 */

function createLoyaltyStore() {
	const store = {
		/** @type {Map<string, LoyaltyCard>} card ID → card */
		cards: new Map(),
		/** @type {Map<string, LoyaltyUser>} user ID → user */
		users: new Map(),
		/** @type {Map<string, LoyaltyMembership[]>} card ID → its users in link order */
		members: new Map(),
		/** @type {LoyaltyPush[]} */
		pushes: [],
		/** @type {Map<string, V4Profile>} user ID → v4-only fields */
		profiles: new Map(),
		lastUserId: 0,
		lastCardId: 0,
		fill,
		copyCard,
		profileOf,
		createUser,
		link,
		membership,
		membersOf,
		userByEmail,
	};

	/**
	 * @param {{ cards: LoyaltyCard[], users: LoyaltyUser[], memberships: LoyaltyMembership[] }} seed fresh copies
	 */
	function fill(seed) {
		store.cards.clear();
		store.users.clear();
		store.members.clear();
		store.pushes = [];
		store.profiles.clear();
		for (const card of seed.cards) {
			store.cards.set(card.ID, card);
			store.members.set(card.ID, []);
		}
		for (const user of seed.users) store.users.set(user.ID, user);
		for (const member of seed.memberships) membersOf(member.loyaltycard).push(member);
		store.lastUserId = Math.max(0, ...seed.users.map((user) => Number(user.ID)));
		store.lastCardId = Math.max(0, ...seed.cards.map((card) => Number(card.ID)));
	}

	/**
	 * v4 copy: a new card with the original's type and settings, no users, created now.
	 * @param {LoyaltyCard} original
	 * @param {string} name
	 * @param {string} code a fresh public code
	 * @param {string} now
	 * @returns {LoyaltyCard}
	 */
	function copyCard(original, name, code, now) {
		store.lastCardId += 1;
		const url = original.url.replace(/[^/]+$/, code);
		const card = {
			...original,
			ID: String(store.lastCardId),
			code,
			name,
			url,
			created_date_utc: now,
		};
		store.cards.set(card.ID, card);
		store.members.set(card.ID, []);
		return card;
	}

	/** @param {string} userId @returns {V4Profile} */
	function profileOf(userId) {
		let profile = store.profiles.get(userId);
		if (!profile) {
			profile = /** @type {V4Profile} */ (
				Object.fromEntries(V4_EXTRA_FIELDS.map((field) => [field, '']))
			);
			store.profiles.set(userId, profile);
		}
		return profile;
	}

	/**
	 * @param {Omit<LoyaltyUser, 'ID'>} fields
	 * @returns {LoyaltyUser}
	 */
	function createUser(fields) {
		store.lastUserId += 1;
		const user = { ID: String(store.lastUserId), ...fields };
		store.users.set(user.ID, user);
		return user;
	}

	/**
	 * Linking twice keeps the first link and its balances (a retried link is harmless).
	 * @param {string} cardId
	 * @param {string} userId
	 * @param {string} now
	 */
	function link(cardId, userId, now) {
		const existing = membership(cardId, userId);
		if (existing) return existing;
		/** @type {LoyaltyMembership} */
		const member = {
			loyaltycard: cardId,
			user: userId,
			points: 0,
			stamps: 0,
			voided: '0',
			voided_date_utc: '',
			linked_date_utc: now,
		};
		membersOf(cardId).push(member);
		return member;
	}

	/** @param {string} cardId @param {string} userId */
	function membership(cardId, userId) {
		return membersOf(cardId).find((member) => member.user === userId);
	}

	/** @param {string} cardId @returns {LoyaltyMembership[]} */
	function membersOf(cardId) {
		let list = store.members.get(cardId);
		if (!list) store.members.set(cardId, (list = []));
		return list;
	}

	/** @param {string} email */
	function userByEmail(email) {
		const wanted = email.toLowerCase();
		return [...store.users.values()].find((user) => user.email.toLowerCase() === wanted);
	}

	return store;
}

/**
 * A loyalty card in list and info answers (shape not documented). `amount_of_users` is the sandbox's.
 * @param {ReturnType<typeof createLoyaltyStore>} store
 * @param {LoyaltyCard} card
 */
function cardView(store, card) {
	return { ...card, amount_of_users: store.membersOf(card.ID).length };
}

/** A user as created, before it is on any card (create answer; shape not documented). @param {LoyaltyUser} user */
function userView(user) {
	return { ...user };
}

/**
 * A user on one card: the user's data plus that card's balances (list, search, link, update answers).
 * @param {ReturnType<typeof createLoyaltyStore>} store
 * @param {LoyaltyMembership} member
 */
function memberView(store, member) {
	const user = /** @type {LoyaltyUser} */ (store.users.get(member.user));
	return {
		...userView(user),
		loyaltycard: member.loyaltycard,
		points: member.points,
		stamps: member.stamps,
		voided: member.voided,
		voided_date_utc: member.voided_date_utc,
		linked_date_utc: member.linked_date_utc,
	};
}

/**
 * A card in v4 answers (documented: `{ id: number, code, name, domain, type }`).
 * @param {LoyaltyCard} card
 */
function v4CardView(card) {
	return {
		id: Number(card.ID),
		code: card.code,
		name: card.name,
		domain: new URL(card.url).host,
		type: card.type,
	};
}

/**
 * A user of a card in v4 answers (not documented): numeric ids, the v4 create fields, the card's balances,
 * `voided` as a JSON boolean, `created_at` = when the user joined the card. No password, no `status` key.
 * @param {ReturnType<typeof createLoyaltyStore>} store
 * @param {LoyaltyMembership} member
 */
function v4MemberView(store, member) {
	const user = /** @type {LoyaltyUser} */ (store.users.get(member.user));
	const profile = store.profileOf(user.ID);
	return {
		id: Number(user.ID),
		loyalty_card_id: Number(member.loyaltycard),
		first_name: user.first_name,
		last_name: user.last_name,
		address: profile.address,
		zip: profile.zip,
		city: user.city,
		phone: user.phone,
		email: user.email,
		custom_1: profile.custom_1,
		custom_2: profile.custom_2,
		custom_3: profile.custom_3,
		custom_4: profile.custom_4,
		custom_5: profile.custom_5,
		custom_6: profile.custom_6,
		custom_7: profile.custom_7,
		custom_8: profile.custom_8,
		points: member.points,
		stamps: member.stamps,
		voided: member.voided === '1',
		created_at: member.linked_date_utc,
	};
}

/** @typedef {ReturnType<typeof createLoyaltyStore>} LoyaltyStore */

module.exports = {
	createLoyaltyStore,
	cardView,
	userView,
	memberView,
	v4CardView,
	v4MemberView,
	V4_USER_FIELDS,
	V4_EXTRA_FIELDS,
};
