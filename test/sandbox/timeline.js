// @ts-check
/**
 * Events over time, for the polling trigger's tests: coupon sessions opened, claimed and validated, and
 * directory users registered, at a given moment (default: the sandbox clock's now). The usage-data calls
 * (routes/campaign.js) and the v4 directory users list then show them by that date, as Coupontools would.
 *
 * Used in process (`applySessionEvents(state, spec)`) and over HTTP (control.js: POST
 * /__sandbox/sessions/events, POST /__sandbox/directory-users).
 */

const { formatUtc, addSeconds } = require('./dates');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./state').Session} Session */

/** The lifecycle a session goes through, in order; an event implies the ones before it (as the update call does). */
const STEPS = /** @type {const} */ (['opened', 'claimed', 'validated']);
/** @type {Record<typeof STEPS[number], { flag: 'opened' | 'claimed' | 'validated', date: 'open_date_utc' | 'claim_date_utc' | 'validation_date_utc' }>} */
const STEP_FIELDS = {
	opened: { flag: 'opened', date: 'open_date_utc' },
	claimed: { flag: 'claimed', date: 'claim_date_utc' },
	validated: { flag: 'validated', date: 'validation_date_utc' },
};

/**
 * "yyyy-MM-dd HH:mm:ss", ISO 8601 (with Z or an offset) or a Date → the API's "yyyy-MM-dd HH:mm:ss" UTC.
 * @param {unknown} value
 * @param {string} now
 */
function apiTime(value, now) {
	if (value === undefined || value === null || value === '') return now;
	if (value instanceof Date) return formatUtc(value);
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value))
		return value;
	const parsed = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
	if (!parsed || Number.isNaN(parsed.getTime()))
		throw new Error(
			`at must be "yyyy-MM-dd HH:mm:ss" (UTC) or an ISO 8601 date, not ${String(value)}`,
		);
	return formatUtc(parsed);
}

/**
 * @typedef {object} SessionEventSpec
 * @property {string} campaign  cam_…
 * @property {'opened' | 'claimed' | 'validated' | 'created'} event
 * @property {string} [session]  an existing session of the campaign; without it, new sessions are created
 * @property {unknown} [at]  when (default: now); "yyyy-MM-dd HH:mm:ss" UTC or ISO 8601
 * @property {number} [count]  new sessions to create (default 1; only without `session`)
 * @property {number} [everySeconds]  spacing between the new sessions' events (default 0: all at `at`)
 * @property {string} [value]  validation value (validated only)
 */

/**
 * Makes `event` happen to one session (or `count` new ones) at `at`. Earlier steps that never happened
 * happen at the same moment (a validation claims and opens); steps that already happened keep their date.
 * @param {SandboxState} state
 * @param {SessionEventSpec} spec
 * @returns {{ campaign: string, event: string, sessions: string[], at: string }}
 */
function applySessionEvents(state, spec) {
	const campaign = String(spec.campaign ?? '');
	if (!state.campaigns.has(campaign)) throw new Error(`unknown campaign ${campaign}`);
	if (!['opened', 'claimed', 'validated', 'created'].includes(String(spec.event)))
		throw new Error('event must be created, opened, claimed or validated');
	const at = apiTime(spec.at, state.now());
	const count = spec.count === undefined ? 1 : Number(spec.count);
	if (!Number.isInteger(count) || count < 1 || count > 100_000)
		throw new Error('count must be a whole number from 1 to 100,000');
	const every = Number(spec.everySeconds ?? 0);
	if (!Number.isFinite(every) || every < 0) throw new Error('everySeconds must be >= 0');
	/** @type {Session[]} */
	let sessions;
	if (spec.session) {
		const found = state.findSession(String(spec.session));
		if (!found || found.campaign !== campaign)
			throw new Error(`session ${spec.session} is not a session of ${campaign}`);
		sessions = [found];
	} else {
		sessions = [];
		for (let i = 0; i < count; i++) {
			const when = addSeconds(at, Math.floor(i * every));
			sessions.push(state.createSession(campaign, { status: { created_date_utc: when } }));
		}
	}
	sessions.forEach((session, index) => {
		const when = spec.session ? at : addSeconds(at, Math.floor(index * every));
		if (spec.event === 'created') return;
		for (const step of STEPS) {
			const { flag, date } = STEP_FIELDS[step];
			if (session.status[flag] !== '1') {
				session.status[flag] = '1';
				session.status[date] = when;
				if (step === 'claimed' && !session.status.claimtype) session.status.claimtype = 'button';
			}
			if (step === spec.event) break;
		}
		if (spec.event === 'validated' && spec.value !== undefined)
			session.status.validation_value = String(spec.value);
	});
	return { campaign, event: String(spec.event), sessions: sessions.map((s) => s.session), at };
}

/**
 * @typedef {object} RegistrationSpec
 * @property {string | number} directory  dir_2001 or 2001
 * @property {unknown} [at]  when (default: now)
 * @property {string} [email]  default member<id>@example.com
 * @property {string} [first_name]
 * @property {string} [last_name]
 * @property {number} [count]  registrations (default 1), one per `everySeconds` from `at`
 * @property {number} [everySeconds]
 */

/**
 * Registers users in a directory at `at` (the v4 list shows it as `created_at`).
 * @param {SandboxState} state
 * @param {RegistrationSpec} spec
 * @returns {{ directory: string, users: number[], at: string }}
 */
function registerDirectoryUsers(state, spec) {
	const wanted = String(spec.directory ?? '');
	const directory = [...state.directories.values()].find(
		(candidate) => candidate.ID === wanted || String(candidate.id) === wanted,
	);
	if (!directory) throw new Error(`unknown directory ${wanted}`);
	const at = apiTime(spec.at, state.now());
	const count = spec.count === undefined ? 1 : Number(spec.count);
	if (!Number.isInteger(count) || count < 1 || count > 100_000)
		throw new Error('count must be a whole number from 1 to 100,000');
	const every = Number(spec.everySeconds ?? 0);
	/** @type {number[]} */
	const users = [];
	for (let i = 0; i < count; i++) {
		const id = state.directoryUsers.lastId + 1;
		const user = state.directoryUsers.register(
			directory.ID,
			{
				email: count === 1 && spec.email ? spec.email : `member${id}@example.com`,
				first_name: spec.first_name ?? 'Member',
				last_name: spec.last_name ?? String(id),
			},
			addSeconds(at, Math.floor(i * every)),
		);
		users.push(user.id);
	}
	return { directory: directory.ID, users, at };
}

module.exports = { applySessionEvents, registerDirectoryUsers, apiTime };
