// @ts-check
/**
 * In-memory state of the sandbox account: campaigns, coupon sessions, deliveries, account toggles.
 * Deterministic: the same seed and the same sequence of requests give the same codes.
 * `reset()` refills the same object in place, so references held by tests stay valid.
 *
 * Adding a resource (subaccounts, loyalty cards, SMS groups, ...): add its collection in `fill()`
 * (seed it from seed-data.js) and a count in `summary()`.
 */

const { createRandom, DIGITS } = require('./random');
const { formatUtc } = require('./dates');
const seed = require('./seed-data');
const { createLoyaltyStore } = require('./loyalty-state');
const { createDirectoryUserStore } = require('./directory-state');
const { noV4Paging } = require('./v4-paging');

/** @typedef {import('./seed-data').Campaign} Campaign */
/** @typedef {import('./seed-data').Directory} Directory */
/** @typedef {import('./seed-data').Category} Category */
/** @typedef {import('./seed-data').Folder} Folder */
/** @typedef {'0' | '1'} Flag */

/**
 * The `data.status` object of "All data from one coupon session" (https://docs.coupontools.com/api/coupon), in the documented order.
 * Flags are "0"/"1", dates "yyyy-MM-dd HH:mm:ss" UTC or "" (never), utm_* null when unset.
 * @typedef {object} SessionStatus
 * @property {string} created_date_utc
 * @property {Flag} opened
 * @property {string} open_date_utc
 * @property {Flag} played
 * @property {string} played_date_utc
 * @property {Flag} claimed
 * @property {string} claim_date_utc
 * @property {string} claimtype
 * @property {Flag} saved_to_passbook
 * @property {string} saved_to_passbook_date_utc
 * @property {Flag} saved_to_androidpay
 * @property {string} saved_to_androidpay_date_utc
 * @property {Flag} validated
 * @property {string} validation_date_utc
 * @property {string} own_validation_code
 * @property {string} validation_value
 * @property {string} redeem_location_ID
 * @property {Flag} voided
 * @property {string} voided_date_utc
 * @property {string} unvoided_date_utc
 * @property {Flag} locked
 * @property {string} unlocked_date_utc
 * @property {string} value
 * @property {string} customid
 * @property {string} expiration_date
 * @property {string | null} utm_campaign
 * @property {string | null} utm_source
 * @property {string | null} utm_medium
 * @property {string | null} utm_term
 * @property {string | null} utm_content
 * @property {string} redeem_location_company_name
 * @property {string} redeem_location_street
 * @property {string} redeem_location_zip
 * @property {string} redeem_location_city
 * @property {string} redeem_location_province
 * @property {string} redeem_location_country
 * @property {string} redeem_location_phone
 * @property {string} redeem_location_website
 */

/**
 * @typedef {object} Session
 * @property {string} session 21 lowercase letters/digits; its first 6 are the short form
 * @property {string} campaign
 * @property {number} sequenceid per campaign, from 1
 * @property {string} firstname
 * @property {string} lastname
 * @property {string} email
 * @property {string} phone
 * @property {string[]} customfields customfield1..7 at index 0..6
 * @property {string} widget_validation_code
 * @property {SessionStatus} status
 */

/**
 * Consumer data and status overrides accepted when a session is created.
 * @typedef {Partial<Pick<Session, 'firstname' | 'lastname' | 'email' | 'phone' | 'customfields'>> & { status?: Partial<SessionStatus> }} SessionInit
 */

const SESSION_CODE_LENGTH = 21;
const SHORT_CODE_LENGTH = 6;
/** Seeded and bulk-seeded sessions are dated from here on, one per minute, so date filters have something to cut. */
const SEED_EPOCH = '2025-01-01 00:00:00';

/** @param {string} created @returns {SessionStatus} */
function emptyStatus(created) {
	return {
		created_date_utc: created,
		opened: '0',
		open_date_utc: '',
		played: '0',
		played_date_utc: '',
		claimed: '0',
		claim_date_utc: '',
		claimtype: '',
		saved_to_passbook: '0',
		saved_to_passbook_date_utc: '',
		saved_to_androidpay: '0',
		saved_to_androidpay_date_utc: '',
		validated: '0',
		validation_date_utc: '',
		own_validation_code: '',
		validation_value: '',
		redeem_location_ID: '',
		voided: '0',
		voided_date_utc: '',
		unvoided_date_utc: '',
		locked: '0',
		unlocked_date_utc: '',
		value: '',
		customid: '',
		expiration_date: '',
		utm_campaign: null,
		utm_source: null,
		utm_medium: null,
		utm_term: null,
		utm_content: null,
		redeem_location_company_name: '',
		redeem_location_street: '',
		redeem_location_zip: '',
		redeem_location_city: '',
		redeem_location_province: '',
		redeem_location_country: '',
		redeem_location_phone: '',
		redeem_location_website: '',
	};
}

/**
 * @param {{ seed: number | string, now: () => Date }} config
 */
function createState(config) {
	const state = {
		/** @type {{ emailIntegration: boolean, smsIntegration: boolean, expired: boolean }} */
		account: { emailIntegration: true, smsIntegration: true, expired: false },
		/** @type {Map<string, Campaign>} */
		campaigns: new Map(),
		/** @type {Map<string, Directory>} */
		directories: new Map(),
		/** @type {Map<string, Category>} */
		categories: new Map(),
		/** @type {Map<string, Folder>} */
		folders: new Map(),
		/** @type {Map<string, import('./seed-data').ThirdLevelCategory>} */
		thirdLevelCategories: new Map(),
		/** @type {Map<string, import('./seed-data').Subaccount>} sub_… → subaccount */
		subaccounts: new Map(),
		/** @type {Map<string, import('./seed-data').ContactGroup>} gro_… → SMS tool group */
		smsGroups: new Map(),
		/** @type {Map<string, import('./seed-data').ContactGroup>} gro_… → email tool group */
		emailGroups: new Map(),
		/** @type {Map<string, Session>} code → session */
		sessions: new Map(),
		/** @type {Map<string, Session[]>} campaign ID → its sessions in sequence order */
		sessionsByCampaign: new Map(),
		/** @type {Map<string, string>} 6-char short form → 21-char code (kept collision-free) */
		shortCodes: new Map(),
		/** @type {Map<string, number>} campaign ID → last sequence ID handed out (never reused) */
		lastSequence: new Map(),
		/** @type {Record<string, { campaign: string, session: string, subject: string, at: string }[]>} lowercased address → deliveries */
		emailsSent: {},
		/** @type {{ campaign: string, session: string, phone: string, message: string, at: string }[]} */
		smsSent: [],
		/** @type {{ campaign: string, session: string | null, message: string, recipients: number, at: string }[]} */
		pushNotifications: [],
		/** @type {Map<string, Record<string, unknown>>} evt_… → event, for webhook delivery and verification (added later) */
		webhookEvents: new Map(),
		/** Named fixture sessions (role → code), for tests. Codes depend on the seed. @type {Record<string, string>} */
		fixtures: {},
		/** Loyalty cards, their users and balances (loyalty-state.js). */
		loyalty: createLoyaltyStore(),
		/** Registered users of the directories (directory-state.js). */
		directoryUsers: createDirectoryUserStore(),
		/** How the v4 lists are paged (v4-paging.js); none unless a test asks. */
		v4Paging: noV4Paging(),
		random: createRandom(config.seed),
		now: () => formatUtc(config.now()),
		reset,
		createSession,
		findSession,
		removeSession,
		sessionsOf,
		seedSessions,
		summary,
		subaccountCredentials,
	};

	function reset() {
		state.account = { emailIntegration: true, smsIntegration: true, expired: false };
		state.v4Paging = noV4Paging();
		for (const collection of [
			state.campaigns,
			state.directories,
			state.categories,
			state.folders,
			state.thirdLevelCategories,
			state.subaccounts,
			state.smsGroups,
			state.emailGroups,
			state.sessions,
			state.sessionsByCampaign,
			state.shortCodes,
			state.lastSequence,
			state.webhookEvents,
		]) {
			collection.clear();
		}
		state.emailsSent = {};
		state.smsSent = [];
		state.pushNotifications = [];
		state.fixtures = {};
		state.random = createRandom(config.seed);
		fill();
	}

	function fill() {
		for (const campaign of seed.seedCampaigns()) {
			state.campaigns.set(campaign.ID, campaign);
			state.sessionsByCampaign.set(campaign.ID, []);
		}
		for (const directory of seed.seedDirectories()) state.directories.set(directory.ID, directory);
		for (const category of seed.seedCategories()) state.categories.set(category.ID, category);
		for (const folder of seed.seedFolders()) state.folders.set(folder.ID, folder);
		for (const category of seed.seedThirdLevelCategories())
			state.thirdLevelCategories.set(category.ID, category);
		for (const subaccount of seed.seedSubaccounts())
			state.subaccounts.set(subaccount.ID, subaccount);
		for (const group of seed.seedSmsGroups()) state.smsGroups.set(group.ID, group);
		for (const group of seed.seedEmailGroups()) state.emailGroups.set(group.ID, group);
		state.loyalty.fill(seed.seedLoyalty());
		state.directoryUsers.fill(seed.seedDirectoryUsers());
		seedFixtureSessions();
	}

	/** Every state a test may need, at fixed dates (June 2025, one day apart). */
	function seedFixtureSessions() {
		const { summer, coffee, blackFriday } = seed.CAMPAIGN_IDS;
		const { JANE } = seed;
		const day = (/** @type {number} */ n, time = '09:00:00') =>
			`2025-06-${String(n).padStart(2, '0')} ${time}`;
		/** @type {[string, string, SessionInit][]} */
		const fixtures = [
			['fresh', summer, { status: { created_date_utc: day(1), customid: 'crm-1001' } }],
			[
				'opened',
				summer,
				{ status: { created_date_utc: day(2), opened: '1', open_date_utc: day(2, '09:05:00') } },
			],
			[
				'claimed',
				summer,
				{
					firstname: JANE.firstname,
					lastname: JANE.lastname,
					email: JANE.email,
					phone: JANE.phone,
					status: {
						created_date_utc: day(3),
						opened: '1',
						open_date_utc: day(3, '09:05:00'),
						claimed: '1',
						claim_date_utc: day(3, '09:06:00'),
						claimtype: 'button',
						saved_to_passbook: '1',
						saved_to_passbook_date_utc: day(3, '09:07:00'),
						own_validation_code: JANE.customvalcode,
						customid: JANE.customid,
						utm_campaign: 'summer',
						utm_source: 'newsletter',
						utm_medium: 'email',
					},
				},
			],
			[
				'validated',
				summer,
				{
					status: {
						created_date_utc: day(4),
						opened: '1',
						open_date_utc: day(4, '09:05:00'),
						claimed: '1',
						claim_date_utc: day(4, '09:06:00'),
						claimtype: 'button',
						saved_to_androidpay: '1',
						saved_to_androidpay_date_utc: day(4, '09:07:00'),
						validated: '1',
						validation_date_utc: day(4, '12:30:00'),
						validation_value: '25.50',
						expiration_date: '2026-12-31 23:59:59',
					},
				},
			],
			[
				'voided',
				summer,
				{
					status: {
						created_date_utc: day(5),
						opened: '1',
						open_date_utc: day(5, '09:05:00'),
						voided: '1',
						voided_date_utc: day(5, '10:00:00'),
					},
				},
			],
			[
				'coffeeClaimed',
				coffee,
				{
					firstname: JANE.firstname,
					lastname: JANE.lastname,
					email: JANE.email,
					phone: '+32470999888',
					status: {
						created_date_utc: day(6),
						opened: '1',
						open_date_utc: day(6, '09:05:00'),
						claimed: '1',
						claim_date_utc: day(6, '09:06:00'),
						claimtype: 'button',
						saved_to_passbook: '1',
						saved_to_passbook_date_utc: day(6, '09:07:00'),
					},
				},
			],
			['coffeeFresh', coffee, { status: { created_date_utc: day(7) } }],
			[
				'inactiveValidated',
				blackFriday,
				{
					status: {
						created_date_utc: '2024-11-29 08:00:00',
						opened: '1',
						open_date_utc: '2024-11-29 08:01:00',
						claimed: '1',
						claim_date_utc: '2024-11-29 08:02:00',
						claimtype: 'button',
						validated: '1',
						validation_date_utc: '2024-11-29 15:00:00',
						validation_value: '80.00',
					},
				},
			],
		];
		for (const [role, campaign, init] of fixtures)
			state.fixtures[role] = createSession(campaign, init).session;
	}

	/** A new session code whose 6-char short form is unique too, so short lookups never collide. */
	function newSessionCode() {
		for (;;) {
			const code = state.random.code(SESSION_CODE_LENGTH);
			const short = code.slice(0, SHORT_CODE_LENGTH);
			if (!state.shortCodes.has(short)) return code;
		}
	}

	/**
	 * @param {string} campaignId an existing campaign
	 * @param {SessionInit} [init]
	 * @returns {Session}
	 */
	function createSession(campaignId, init = {}) {
		const code = newSessionCode();
		const sequenceid = (state.lastSequence.get(campaignId) ?? 0) + 1;
		state.lastSequence.set(campaignId, sequenceid);
		const status = Object.assign(
			emptyStatus(init.status?.created_date_utc ?? state.now()),
			init.status,
		);
		/** @type {Session} */
		const session = {
			session: code,
			campaign: campaignId,
			sequenceid,
			firstname: init.firstname ?? '',
			lastname: init.lastname ?? '',
			email: init.email ?? '',
			phone: init.phone ?? '',
			customfields: init.customfields ?? [],
			widget_validation_code: state.random.code(6, DIGITS),
			status,
		};
		state.sessions.set(code, session);
		state.shortCodes.set(code.slice(0, SHORT_CODE_LENGTH), code);
		let list = state.sessionsByCampaign.get(campaignId);
		if (!list) state.sessionsByCampaign.set(campaignId, (list = []));
		list.push(session);
		return session;
	}

	/** By the 21-char code or its 6-char short form (case-insensitive). @param {string} code */
	function findSession(code) {
		const lower = code.toLowerCase();
		if (lower.length === SHORT_CODE_LENGTH) {
			const full = state.shortCodes.get(lower);
			return full ? state.sessions.get(full) : undefined;
		}
		return lower.length === SESSION_CODE_LENGTH ? state.sessions.get(lower) : undefined;
	}

	/** @param {Session} session */
	function removeSession(session) {
		state.sessions.delete(session.session);
		state.shortCodes.delete(session.session.slice(0, SHORT_CODE_LENGTH));
		const list = state.sessionsByCampaign.get(session.campaign);
		if (list) {
			const index = list.indexOf(session);
			if (index >= 0) list.splice(index, 1);
		}
	}

	/** @param {string} campaignId @returns {Session[]} */
	function sessionsOf(campaignId) {
		return state.sessionsByCampaign.get(campaignId) ?? [];
	}

	/**
	 * Adds `count` sessions to a campaign quickly (100,000 in about a second) with a fixed mix:
	 * of every 10, 7 opened, 4 claimed, 2 validated; every 50th unvalidated one voided. Dated one per
	 * minute from 2025-01-01 by sequence ID, so a second call continues the timeline.
	 * @param {string} campaignId
	 * @param {number} count
	 */
	function seedSessions(campaignId, count) {
		if (!state.campaigns.has(campaignId)) throw new Error(`Unknown campaign ${campaignId}`);
		if (!Number.isInteger(count) || count < 0 || count > 1_000_000)
			throw new Error('count must be an integer from 0 to 1,000,000');
		let first = '';
		let last = '';
		const epoch = Date.parse(`${SEED_EPOCH.replace(' ', 'T')}Z`);
		const at = (/** @type {number} */ ms) => formatUtc(new Date(ms));
		for (let i = 0; i < count; i++) {
			const sequence = (state.lastSequence.get(campaignId) ?? 0) + 1;
			const createdMs = epoch + sequence * 60_000;
			const kind = sequence % 10;
			/** @type {Partial<SessionStatus>} */
			const status = { created_date_utc: at(createdMs), customid: `load-${sequence}` };
			if (kind < 7) Object.assign(status, { opened: '1', open_date_utc: at(createdMs + 10_000) });
			if (kind < 4)
				Object.assign(status, {
					claimed: '1',
					claim_date_utc: at(createdMs + 20_000),
					claimtype: 'button',
				});
			if (kind < 2)
				Object.assign(status, {
					validated: '1',
					validation_date_utc: at(createdMs + 30_000),
					validation_value: String(kind * 10 + 5),
				});
			else if (sequence % 50 === 49)
				Object.assign(status, { voided: '1', voided_date_utc: at(createdMs + 40_000) });
			const session = createSession(campaignId, { status });
			if (!first) first = session.session;
			last = session.session;
		}
		return {
			campaign: campaignId,
			created: count,
			total: sessionsOf(campaignId).length,
			first,
			last,
		};
	}

	/** Subaccounts' own key pairs: valid credentials too, which subaccount routes refuse with 102. */
	function subaccountCredentials() {
		return [...state.subaccounts.values()].map((subaccount) => ({
			clientId: subaccount.api_key,
			clientSecret: subaccount.api_secret,
		}));
	}

	/** What GET /__sandbox/state answers: counts, not the sessions themselves. */
	function summary() {
		/** @type {Record<string, number>} */
		const sessionsByCampaign = {};
		for (const [id, list] of state.sessionsByCampaign) sessionsByCampaign[id] = list.length;
		return {
			account: { ...state.account },
			counts: {
				campaigns: state.campaigns.size,
				directories: state.directories.size,
				categories: state.categories.size,
				folders: state.folders.size,
				thirdLevelCategories: state.thirdLevelCategories.size,
				subaccounts: state.subaccounts.size,
				smsGroups: state.smsGroups.size,
				emailGroups: state.emailGroups.size,
				sessions: state.sessions.size,
				smsSent: state.smsSent.length,
				pushNotifications: state.pushNotifications.length,
				webhookEvents: state.webhookEvents.size,
				loyaltyCards: state.loyalty.cards.size,
				loyaltyUsers: state.loyalty.users.size,
				directoryUsers: state.directoryUsers.users.size,
			},
			sessionsByCampaign,
			fixtures: { ...state.fixtures },
			emailsSent: state.emailsSent,
		};
	}

	fill();
	return state;
}

/** @typedef {ReturnType<typeof createState>} SandboxState */

module.exports = { createState, SESSION_CODE_LENGTH, SHORT_CODE_LENGTH, SEED_EPOCH };
