// @ts-check
/**
 * The fixed seed of the sandbox account: what a fresh (or reset) sandbox contains.
 * IDs follow the documented formats (https://www.coupontools.com/en/api-and-webhooks/definition); names and values are invented.
 * Tests should read these constants (or `handle.state.fixtures`) instead of repeating literals.
 */

/**
 * @typedef {object} Campaign
 * @property {string} ID cam_…
 * @property {string} code 6 lowercase characters, the public page is https://digicpn.com/p/<code>
 * @property {string} name
 * @property {string} title
 * @property {'active' | 'inactive'} status
 * @property {string} url
 * @property {string} folder Folder ID, "" when the campaign is in no folder
 * @property {string[]} tags
 * @property {string} category cat_…
 * @property {string} created_date_utc
 *
 * @typedef {object} Directory
 * @property {string} ID dir_… (v3)
 * @property {number} id the numeric form the v4 REST paths use
 * @property {string} code
 * @property {string} name
 * @property {string} url
 * @property {'active' | 'inactive'} status
 * @property {string[]} campaigns cam_… IDs shown in the directory
 *
 * @typedef {{ ID: string, name: string }} Category
 * @typedef {{ ID: string, name: string }} Folder
 */

const PUBLIC_HOST = 'https://digicpn.com';

/**
 * @param {string} id
 * @param {string} code
 * @param {string} name
 * @param {string} title
 * @param {Partial<Campaign>} [extra]
 * @returns {Campaign}
 */
function campaign(id, code, name, title, extra = {}) {
	return {
		ID: id,
		code,
		name,
		title,
		status: 'active',
		url: `${PUBLIC_HOST}/p/${code}`,
		folder: '',
		tags: [],
		category: '',
		created_date_utc: '2025-01-01 08:00:00',
		...extra,
	};
}

const CAMPAIGN_IDS = {
	summer: 'cam_1001',
	coffee: 'cam_1002',
	blackFriday: 'cam_1003',
	welcome: 'cam_1004',
	load: 'cam_1005',
};

/** @returns {Campaign[]} fresh copies, so a reset never sees mutations of the previous run */
function seedCampaigns() {
	return [
		campaign(CAMPAIGN_IDS.summer, 'vuhykb', 'Summer Sale 10%', '10% off your next purchase', {
			folder: '1001',
			tags: ['summer', 'newsletter'],
			category: 'cat_101',
			created_date_utc: '2025-05-20 10:00:00',
		}),
		campaign(CAMPAIGN_IDS.coffee, 'k3fp2q', 'Free Coffee', 'A free coffee with any pastry', {
			folder: '1002',
			tags: ['coffee', 'instore'],
			category: 'cat_102',
			created_date_utc: '2025-05-21 10:00:00',
		}),
		campaign(CAMPAIGN_IDS.blackFriday, 'bf24xz', 'Black Friday 2024', '25% off everything', {
			status: 'inactive',
			folder: '1001',
			tags: ['sale'],
			category: 'cat_102',
			created_date_utc: '2024-11-01 10:00:00',
		}),
		campaign(CAMPAIGN_IDS.welcome, 'wlc0me', 'Welcome Gift', 'A gift for new subscribers', {
			tags: ['welcome', 'newsletter'],
			category: 'cat_101',
			created_date_utc: '2025-05-22 10:00:00',
		}),
		campaign(
			CAMPAIGN_IDS.load,
			'lo4dts',
			'Load Test',
			'Campaign for benchmarks (seed sessions into it)',
			{
				folder: '1002',
				tags: ['benchmark'],
				category: 'cat_101',
				created_date_utc: '2025-01-01 00:00:00',
			},
		),
	];
}

/** @returns {Directory[]} */
function seedDirectories() {
	return [
		{
			ID: 'dir_2001',
			id: 2001,
			code: 'dcity1',
			name: 'City Deals',
			url: `${PUBLIC_HOST}/p/dcity1`,
			status: 'active',
			campaigns: [CAMPAIGN_IDS.summer, CAMPAIGN_IDS.coffee],
		},
		{
			ID: 'dir_2002',
			id: 2002,
			code: 'dshop2',
			name: 'Shop Perks',
			url: `${PUBLIC_HOST}/p/dshop2`,
			status: 'active',
			campaigns: [CAMPAIGN_IDS.welcome],
		},
	];
}

/** @returns {Category[]} */
function seedCategories() {
	return [
		{ ID: 'cat_101', name: 'Food & Drinks' },
		{ ID: 'cat_102', name: 'Retail' },
		{ ID: 'cat_103', name: 'Travel' },
	];
}

/** Folder IDs are not shown in the docs; the node's placeholder ("e.g. 1234") suggests digits. @returns {Folder[]} */
function seedFolders() {
	return [
		{ ID: '1001', name: 'Newsletters' },
		{ ID: '1002', name: 'In-store' },
		{ ID: '1003', name: 'Empty folder' },
	];
}

/** Where the fixture consumer "Jane" appears: in two campaigns, so search with and without `campaign` differ. */
const JANE = {
	firstname: 'Jane',
	lastname: 'Doe',
	email: 'jane@example.com',
	phone: '+32470123456',
	customvalcode: 'SUMMER-4711',
	customid: 'crm-4711',
};

/**
 * A subaccount as the sandbox keeps it. The answer shape (views.js `subaccountView`) follows the documented
 * info object (https://docs.coupontools.com/api/account); `password` is stored but never shown.
 * @typedef {object} Subaccount
 * @property {string} ID sub_…
 * @property {string} email
 * @property {string} password "" when the subaccount was emailed a link to set one
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} company_name
 * @property {string} country ISO alpha-2, "" when unset
 * @property {string} language
 * @property {string} currency
 * @property {'trial' | 'customer'} status
 * @property {string} package pac_…, "" when unset
 * @property {string} expiry_date yyyy-MM-dd, "" when unset
 * @property {string} lastlogin "yyyy-MM-dd HH:mm:ss" UTC, "" when never
 * @property {number} amountlogin
 * @property {number} max_campaigns
 * @property {string} api_key the subaccount's own key pair (sandbox-only values)
 * @property {string} api_secret
 * @property {string} webhook_endpoint
 * @property {{ ID: string, code: string, name: string, url: string, status: 'active' | 'inactive' }[]} campaigns
 * @property {Record<string, boolean>} access access_* permissions
 *
 * @typedef {{ first_name: string, last_name: string, birthday: string, customfields: string[], created_date_utc: string }} ContactBase
 * @typedef {ContactBase & { phone: string }} SmsContact
 * @typedef {ContactBase & { email: string }} EmailContact
 * @typedef {{ ID: string, name: string, created_date_utc: string, contacts: (SmsContact | EmailContact)[] }} ContactGroup
 * @typedef {{ ID: string, name: string, parent_ID: string }} ThirdLevelCategory
 */

/** Permissions of a new subaccount (the docs list access_dashboard, access_directory, then cut off). */
const DEFAULT_ACCESS = {
	access_dashboard: true,
	access_directory: true,
	access_statistics: true,
	access_distribution: true,
};

/** @returns {Subaccount[]} */
function seedSubaccounts() {
	return [
		{
			ID: 'sub_3001',
			email: 'anna@acme-bakery.example',
			password: 'set',
			first_name: 'Anna',
			last_name: 'Peeters',
			company_name: 'Acme Bakery',
			country: 'BE',
			language: 'en',
			currency: 'EUR',
			status: 'customer',
			package: 'pac_101',
			expiry_date: '2026-12-31',
			lastlogin: '2025-06-10 08:15:00',
			amountlogin: 42,
			max_campaigns: 10,
			api_key: 'sandbox-sub_3001-api-key',
			api_secret: 'sandbox-sub_3001-api-secret',
			webhook_endpoint: 'https://hooks.acme-bakery.example/coupontools',
			campaigns: [
				{
					ID: 'cam_5001',
					code: 'acme01',
					name: 'Bread Deal',
					url: `${PUBLIC_HOST}/p/acme01`,
					status: 'active',
				},
				{
					ID: 'cam_5002',
					code: 'acme02',
					name: 'Croissant Club',
					url: `${PUBLIC_HOST}/p/acme02`,
					status: 'inactive',
				},
			],
			access: { ...DEFAULT_ACCESS },
		},
		{
			ID: 'sub_3002',
			email: 'tom@bistro-nova.example',
			password: '',
			first_name: 'Tom',
			last_name: 'Janssens',
			company_name: 'Bistro Nova',
			country: 'NL',
			language: 'nl',
			currency: 'EUR',
			status: 'trial',
			package: 'pac_102',
			expiry_date: '2025-12-31',
			lastlogin: '',
			amountlogin: 0,
			max_campaigns: 3,
			api_key: 'sandbox-sub_3002-api-key',
			api_secret: 'sandbox-sub_3002-api-secret',
			webhook_endpoint: '',
			campaigns: [],
			access: { ...DEFAULT_ACCESS, access_directory: false },
		},
	];
}

/** @returns {ContactGroup[]} SMS tool groups: "Newsletter" holds Jane and one more contact, "VIP" is empty. */
function seedSmsGroups() {
	return [
		{
			ID: 'gro_4001',
			name: 'Newsletter',
			created_date_utc: '2025-05-01 10:00:00',
			contacts: [
				{
					phone: JANE.phone,
					first_name: JANE.firstname,
					last_name: JANE.lastname,
					birthday: '1990-04-12',
					customfields: ['gold'],
					created_date_utc: '2025-05-02 09:00:00',
				},
				{
					phone: '+31612345678',
					first_name: 'Piet',
					last_name: 'de Vries',
					birthday: '',
					customfields: [],
					created_date_utc: '2025-05-03 09:00:00',
				},
			],
		},
		{ ID: 'gro_4002', name: 'VIP', created_date_utc: '2025-05-01 11:00:00', contacts: [] },
	];
}

/** @returns {ContactGroup[]} email tool groups (IDs in another range than the SMS groups). */
function seedEmailGroups() {
	return [
		{
			ID: 'gro_4501',
			name: 'Newsletter (email)',
			created_date_utc: '2025-05-01 10:00:00',
			contacts: [
				{
					email: JANE.email,
					first_name: JANE.firstname,
					last_name: JANE.lastname,
					birthday: '1990-04-12',
					customfields: [],
					created_date_utc: '2025-05-02 09:00:00',
				},
			],
		},
		{ ID: 'gro_4502', name: 'Leads', created_date_utc: '2025-05-01 11:00:00', contacts: [] },
	];
}

/** @returns {ThirdLevelCategory[]} */
function seedThirdLevelCategories() {
	return [
		{ ID: 'cat_201', name: 'Pizza', parent_ID: 'cat_101' },
		{ ID: 'cat_202', name: 'Coffee bars', parent_ID: 'cat_101' },
		{ ID: 'cat_203', name: 'Shoes', parent_ID: 'cat_102' },
	];
}

/**
 * Loyalty cards (https://docs.coupontools.com/api/v4/loyalty). The v3 "Loyalty card ID" format is not documented; digits here, like the numeric
 * `id` of the v4 list. `type` takes the v4 list's values.
 * @typedef {object} LoyaltyCard
 * @property {string} ID
 * @property {string} code
 * @property {string} name
 * @property {'stamp' | 'membership'} type
 * @property {'active' | 'inactive'} status
 * @property {string} url
 * @property {string} created_date_utc
 *
 * A loyalty user of the account (create: email, password, phone, first_name, last_name, gender, birthday,
 * city). The password is not kept: no answer may show it. ID format not documented: digits here.
 * @typedef {object} LoyaltyUser
 * @property {string} ID
 * @property {string} email
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} phone
 * @property {'male' | 'female' | 'unknown' | ''} gender
 * @property {string} birthday yyyy-MM-dd or ""
 * @property {string} city
 * @property {string} created_date_utc
 *
 * A user on a card (/v3/loyaltyusers/link), with that card's balances.
 * @typedef {object} LoyaltyMembership
 * @property {string} loyaltycard
 * @property {string} user
 * @property {number} points
 * @property {number} stamps
 * @property {'0' | '1'} voided
 * @property {string} voided_date_utc
 * @property {string} linked_date_utc
 *
 * A registered user of a directory: `reg_<id>` in v3, `<id>` in the v4 REST paths.
 * @typedef {object} DirectoryUser
 * @property {number} id
 * @property {string} directory dir_…
 * @property {string} email
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} phone
 * @property {string} birth_date yyyy-MM-dd or ""
 * @property {string} address
 * @property {string} zip
 * @property {string} city
 * @property {string} custom_1
 * @property {string} custom_2
 * @property {string} custom_3
 * @property {string} registration_date_utc
 * @property {boolean} blocked
 * @property {boolean} paid payment status "paid" = paid access
 * @property {string} paid_access_expires_utc "" = no end
 */

/** Coffee card: Jane (4 stamps) and Tom (9); VIP club: Jane (120 points) and Lisa (voided); one inactive card. */
function seedLoyalty() {
	/** @type {LoyaltyCard[]} */
	const cards = [
		{
			ID: '6001',
			code: 'lcof01',
			name: 'Coffee Stamp Card',
			type: 'stamp',
			status: 'active',
			url: `${PUBLIC_HOST}/p/lcof01`,
			created_date_utc: '2025-02-01 09:00:00',
		},
		{
			ID: '6002',
			code: 'lvip02',
			name: 'VIP Points Club',
			type: 'membership',
			status: 'active',
			url: `${PUBLIC_HOST}/p/lvip02`,
			created_date_utc: '2025-03-01 09:00:00',
		},
		{
			ID: '6003',
			code: 'lsum03',
			name: 'Summer Card 2024',
			type: 'stamp',
			status: 'inactive',
			url: `${PUBLIC_HOST}/p/lsum03`,
			created_date_utc: '2024-06-01 09:00:00',
		},
	];
	/** @type {LoyaltyUser[]} */
	const users = [
		{
			ID: '7001',
			email: JANE.email,
			first_name: JANE.firstname,
			last_name: JANE.lastname,
			phone: JANE.phone,
			gender: 'female',
			birthday: '1990-04-12',
			city: 'Ghent',
			created_date_utc: '2025-04-01 10:00:00',
		},
		{
			ID: '7002',
			email: 'tom@example.com',
			first_name: 'Tom',
			last_name: 'Peeters',
			phone: '+32470555111',
			gender: 'male',
			birthday: '',
			city: 'Antwerp',
			created_date_utc: '2025-04-02 10:00:00',
		},
		{
			ID: '7003',
			email: 'lisa@example.com',
			first_name: 'Lisa',
			last_name: 'Maes',
			phone: '',
			gender: 'unknown',
			birthday: '',
			city: '',
			created_date_utc: '2025-04-03 10:00:00',
		},
	];
	/** @param {string} card @param {string} user @param {Partial<LoyaltyMembership>} balances @returns {LoyaltyMembership} */
	const member = (card, user, balances) => ({
		loyaltycard: card,
		user,
		points: 0,
		stamps: 0,
		voided: '0',
		voided_date_utc: '',
		linked_date_utc: '2025-04-05 10:00:00',
		...balances,
	});
	const memberships = [
		member('6001', '7001', { stamps: 4 }),
		member('6001', '7002', { stamps: 9, linked_date_utc: '2025-04-06 10:00:00' }),
		member('6002', '7001', { points: 120 }),
		member('6002', '7003', {
			points: 40,
			voided: '1',
			voided_date_utc: '2025-05-01 10:00:00',
			linked_date_utc: '2025-04-07 10:00:00',
		}),
	];
	return { cards, users, memberships };
}

/** City Deals (dir_2001): Jane (paid), Tom (unpaid), Ann (blocked); Shop Perks (dir_2002): Jane. Newest last here. */
function seedDirectoryUsers() {
	/** @param {number} id @param {string} directory @param {string} registered @param {Partial<DirectoryUser>} fields @returns {DirectoryUser} */
	const user = (id, directory, registered, fields) => ({
		id,
		directory,
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
		registration_date_utc: registered,
		blocked: false,
		paid: false,
		paid_access_expires_utc: '',
		...fields,
	});
	return [
		user(8001, 'dir_2001', '2025-06-01 10:00:00', {
			email: JANE.email,
			first_name: JANE.firstname,
			last_name: JANE.lastname,
			phone: JANE.phone,
			city: 'Ghent',
			paid: true,
		}),
		user(8002, 'dir_2001', '2025-06-02 10:00:00', {
			email: 'tom@example.com',
			first_name: 'Tom',
			last_name: 'Peeters',
			city: 'Antwerp',
		}),
		user(8003, 'dir_2001', '2025-06-03 10:00:00', {
			email: 'ann@example.com',
			first_name: 'Ann',
			last_name: 'Claes',
			blocked: true,
		}),
		user(8004, 'dir_2002', '2025-06-04 10:00:00', {
			email: JANE.email,
			first_name: JANE.firstname,
			last_name: JANE.lastname,
		}),
	];
}

module.exports = {
	PUBLIC_HOST,
	CAMPAIGN_IDS,
	JANE,
	seedCampaigns,
	seedDirectories,
	seedCategories,
	seedFolders,
	seedLoyalty,
	seedDirectoryUsers,
	DEFAULT_ACCESS,
	seedSubaccounts,
	seedSmsGroups,
	seedEmailGroups,
	seedThirdLevelCategories,
};
