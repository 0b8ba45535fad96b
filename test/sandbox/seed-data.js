// @ts-check
/**
 * The fixed seed of the sandbox account: what a fresh (or reset) sandbox contains.
 * IDs follow the documented formats (coupontools-api.md §4); names and values are invented.
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
		campaign(CAMPAIGN_IDS.load, 'lo4dts', 'Load Test', 'Campaign for benchmarks (seed sessions into it)', {
			folder: '1002',
			tags: ['benchmark'],
			category: 'cat_101',
			created_date_utc: '2025-01-01 00:00:00',
		}),
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

module.exports = {
	PUBLIC_HOST,
	CAMPAIGN_IDS,
	JANE,
	seedCampaigns,
	seedDirectories,
	seedCategories,
	seedFolders,
};
