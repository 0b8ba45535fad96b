// @ts-check
/**
 * Loyalty cards, their users and who is on which card (§5.6, §9). Part of the sandbox state
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
		lastUserId: 0,
		fill,
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
		for (const card of seed.cards) {
			store.cards.set(card.ID, card);
			store.members.set(card.ID, []);
		}
		for (const user of seed.users) store.users.set(user.ID, user);
		for (const member of seed.memberships) membersOf(member.loyaltycard).push(member);
		store.lastUserId = Math.max(0, ...seed.users.map((user) => Number(user.ID)));
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

/** @typedef {ReturnType<typeof createLoyaltyStore>} LoyaltyStore */

module.exports = { createLoyaltyStore, cardView, userView, memberView };
