// @ts-check
/**
 * Registered users of the directories (https://docs.coupontools.com/api/v3/directory, https://docs.coupontools.com/api/v4/directory; choices the docs leave open: README.md, "Endpoints not confirmed by public documentation"). Part of the sandbox state (`state.directoryUsers`);
 * `fill()` (called by state.js on start and on every reset) restores the seed.
 *
 * One user record serves both API generations: v3 names it `reg_<n>`, the v4 REST paths `<n>` (the
 * same pairing as dir_2001 ↔ 2001). Payment status (v3 update) and paid access (v4 access calls) are
 * one fact: "paid" grants access, giving access makes the user "paid".
 */

const { addSeconds } = require('./dates');

/** Bulk registrations start here, as bulk-seeded sessions do (state.js SEED_EPOCH), before every fixture. */
const BULK_EPOCH = '2025-01-01 00:00:00';

/** @typedef {import('./seed-data').DirectoryUser} DirectoryUser */
/** @typedef {import('./seed-data').Directory} Directory */

/** Fields a registration may carry (v4 create), all strings, "" when not given. */
const PROFILE_FIELDS = /** @type {const} */ ([
	'email',
	'first_name',
	'last_name',
	'phone',
	'birth_date',
	'address',
	'zip',
	'city',
	'custom_1',
	'custom_2',
	'custom_3',
]);

function createDirectoryUserStore() {
	const store = {
		/** @type {Map<number, DirectoryUser>} numeric id → user */
		users: new Map(),
		lastId: 0,
		fill,
		register,
		find,
		newestFirst,
		seedRegistrations,
	};

	/** @param {DirectoryUser[]} seed fresh copies */
	function fill(seed) {
		store.users.clear();
		for (const user of seed) store.users.set(user.id, user);
		store.lastId = Math.max(0, ...seed.map((user) => user.id));
	}

	/**
	 * @param {string} directoryId dir_…
	 * @param {Partial<Record<typeof PROFILE_FIELDS[number], string>>} profile
	 * @param {string} now
	 * @returns {DirectoryUser}
	 */
	function register(directoryId, profile, now) {
		store.lastId += 1;
		/** @type {DirectoryUser} */
		const user = {
			id: store.lastId,
			directory: directoryId,
			email: '',
			first_name: '',
			last_name: '',
			phone: '',
			birth_date: '',
			address: '',
			zip: '',
			city: '',
			custom_1: '',
			custom_2: '',
			custom_3: '',
			registration_date_utc: now,
			blocked: false,
			paid: false,
			paid_access_expires_utc: '',
		};
		for (const field of PROFILE_FIELDS) user[field] = profile[field] ?? '';
		store.users.set(user.id, user);
		return user;
	}

	/** A user of this directory, by numeric id. @param {string} directoryId @param {number} id */
	function find(directoryId, id) {
		const user = store.users.get(id);
		return user && user.directory === directoryId ? user : undefined;
	}

	/** The documented order of /v3/directoryusers/list: newest registration first. @param {string} directoryId */
	function newestFirst(directoryId) {
		return [...store.users.values()]
			.filter((user) => user.directory === directoryId)
			.sort((a, b) =>
				a.registration_date_utc === b.registration_date_utc
					? b.id - a.id
					: a.registration_date_utc < b.registration_date_utc
						? 1
						: -1,
			);
	}

	/**
	 * Adds `count` registrations one minute apart from 2025-01-01 (older than the fixtures), for paging tests.
	 * @param {string} directoryId
	 * @param {number} count
	 */
	function seedRegistrations(directoryId, count) {
		for (let i = 1; i <= count; i++) {
			register(
				directoryId,
				{
					email: `member${store.lastId + 1}@example.com`,
					first_name: 'Member',
					last_name: String(store.lastId + 1),
				},
				addSeconds(BULK_EPOCH, i * 60),
			);
		}
	}

	return store;
}

/**
 * Paid access holds until its end date; a past end date reads as unpaid.
 * @param {DirectoryUser} user
 * @param {string} now
 */
function hasPaidAccess(user, now) {
	return user.paid && (user.paid_access_expires_utc === '' || user.paid_access_expires_utc > now);
}

/**
 * v3 answers (directoryusers/list and update; shape not documented): `reg_` ID, dates `_utc`, flags "0"/"1".
 * @param {DirectoryUser} user
 * @param {string} now
 */
function v3UserView(user, now) {
	const paid = hasPaidAccess(user, now);
	return {
		ID: `reg_${user.id}`,
		directory: user.directory,
		email: user.email,
		first_name: user.first_name,
		last_name: user.last_name,
		phone: user.phone,
		birth_date: user.birth_date,
		address: user.address,
		zip: user.zip,
		city: user.city,
		custom_1: user.custom_1,
		custom_2: user.custom_2,
		custom_3: user.custom_3,
		registration_date_utc: user.registration_date_utc,
		payment_status: paid ? 'paid' : 'unpaid',
		paid_access_expires_utc: paid ? user.paid_access_expires_utc : '',
		blocked: user.blocked ? '1' : '0',
	};
}

/**
 * v4 REST answers (shape not documented; Pipedream's Coupontools components read `id` and `created_at`): numeric ids, JSON booleans,
 * null for "no value", and no `status` key (the node strips a top-level `status` as the v3 envelope).
 * @param {DirectoryUser} user
 * @param {Directory} directory
 * @param {string} now
 */
function v4UserView(user, directory, now) {
	const paid = hasPaidAccess(user, now);
	return {
		id: user.id,
		directory_id: directory.id,
		email: user.email,
		first_name: user.first_name,
		last_name: user.last_name,
		phone: user.phone,
		birth_date: user.birth_date || null,
		address: user.address,
		zip: user.zip,
		city: user.city,
		custom_1: user.custom_1,
		custom_2: user.custom_2,
		custom_3: user.custom_3,
		created_at: user.registration_date_utc,
		blocked: user.blocked,
		paid_access: paid,
		paid_access_expires_at:
			paid && user.paid_access_expires_utc ? user.paid_access_expires_utc : null,
	};
}

/** @typedef {ReturnType<typeof createDirectoryUserStore>} DirectoryUserStore */

module.exports = {
	createDirectoryUserStore,
	v3UserView,
	v4UserView,
	hasPaidAccess,
	PROFILE_FIELDS,
};
