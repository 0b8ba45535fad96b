// @ts-check
/** Finding the records a request names, with the API's documented "not found" errors. */

const { fail, SandboxApiError, validationFailure, siblingFailure } = require('./envelope');
const { text, idCharacters } = require('./params');

/** @typedef {import('./types').Json} Json */
/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./state').Session} Session */
/** @typedef {import('./seed-data').Campaign} Campaign */
/** @typedef {import('./seed-data').Directory} Directory */

/**
 * The `campaign` parameter: 200 missing, 301 bad characters, 502 "Campaign ID not found".
 * @param {SandboxState} state
 * @param {Json} body
 * @returns {Campaign}
 */
function campaignParam(state, body) {
	const id = idCharacters(requiredText(body, 'campaign'), 'campaign');
	const campaign = state.campaigns.get(id);
	if (!campaign) return fail(502, 'Campaign ID not found');
	return campaign;
}

/**
 * The `campaign` parameter of the send calls, which also takes a directory (dir_…): 502 with
 * "Directory ID not found" for an unknown dir_ ID (N-v3-dir).
 * @param {SandboxState} state
 * @param {Json} body
 * @returns {{ kind: 'campaign', campaign: Campaign } | { kind: 'directory', directory: Directory }}
 */
function campaignOrDirectoryParam(state, body) {
	const id = idCharacters(requiredText(body, 'campaign'), 'campaign');
	if (id.startsWith('dir_')) {
		const directory = state.directories.get(id);
		if (!directory) return fail(502, 'Directory ID not found');
		return { kind: 'directory', directory };
	}
	const campaign = state.campaigns.get(id);
	if (!campaign) return fail(502, 'Campaign ID not found');
	return { kind: 'campaign', campaign };
}

/**
 * The `couponsession` parameter: 21-char code or 6-char short form. 200 missing, 301 bad characters,
 * 505 "Couponsession not found" (also when it belongs to another campaign than `campaign`).
 * @param {SandboxState} state
 * @param {Json} body
 * @param {{ campaign?: string, sibling?: boolean }} [options] sibling: answer 505 in the sibling-errors envelope (campaign single push)
 * @returns {Session}
 */
function sessionParam(state, body, options = {}) {
	const code = requiredText(body, 'couponsession');
	if (!/^[A-Za-z0-9]+$/.test(code))
		return fail(301, 'Invalid character in parameter: couponsession');
	const session = state.findSession(code);
	if (!session || (options.campaign && session.campaign !== options.campaign)) {
		const error = { code: 505, description: 'Couponsession not found' };
		throw new SandboxApiError(
			options.sibling ? siblingFailure([error]) : validationFailure([error]),
		);
	}
	return session;
}

/** @param {Json} body @param {string} name */
function requiredText(body, name) {
	const value = text(body, name);
	if (value === '') fail(200, `Missing parameter: ${name}`);
	return value;
}

/**
 * 103 / 104: the account must have the SMS or email integration connected (toggle via POST /__sandbox/account).
 * @param {SandboxState} state
 * @param {'sms' | 'email'} kind
 */
function requireIntegration(state, kind) {
	if (kind === 'sms' && !state.account.smsIntegration) {
		fail(103, 'This account is not connected with the Coupontools SMS services');
	}
	if (kind === 'email' && !state.account.emailIntegration) {
		fail(
			104,
			'This account has no email marketing integration. Set one up under Integrations → Email marketing',
		);
	}
}

module.exports = {
	campaignParam,
	campaignOrDirectoryParam,
	sessionParam,
	requiredText,
	requireIntegration,
};
