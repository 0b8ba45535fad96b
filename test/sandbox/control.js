// @ts-check
/**
 * Control endpoints under /__sandbox/ for processes that do not hold the handle (demo, e2e, benchmarks).
 * No auth, no faults, not written to the request log. Answers are bare JSON (no Coupontools envelope);
 * bad input answers 400 `{ error }`.
 */

const { deliverWebhook } = require('./webhook-delivery');
const { applySessionEvents, registerDirectoryUsers } = require('./timeline');
const { v4PagingOf } = require('./v4-paging');

/** @typedef {import('./types').RouteContext} RouteContext */
/** @typedef {import('./types').RouteResponse} RouteResponse */
/** @typedef {import('./types').RequestLogEntry} RequestLogEntry */
/** @typedef {import('./faults').FaultSpec} FaultSpec */

/**
 * @typedef {object} ControlTarget
 * @property {import('./state').SandboxState} state
 * @property {RequestLogEntry[]} requests
 * @property {() => void} reset
 * @property {(spec: FaultSpec | FaultSpec[] | null) => void} setFaults
 * @property {() => void} clearFaults
 * @property {() => unknown[]} listFaults
 * @property {(spec: import('./rate-limit').RateLimitSpec | null) => void} setRateLimit
 * @property {() => import('./rate-limit').RateLimitSettings} rateLimit
 * @property {() => import('./server').TrafficStats} traffic
 */

/** @param {unknown} body @param {number} [status] @returns {RouteResponse} */
const json = (body, status = 200) => ({ status, body });
/** @param {string} error @returns {RouteResponse} */
const badRequest = (error) => json({ error }, 400);

const ACCOUNT_TOGGLES = /** @type {const} */ (['emailIntegration', 'smsIntegration', 'expired']);

/**
 * @param {ControlTarget} sandbox
 * @returns {import('./types').RouteMap}
 */
function createControlRoutes(sandbox) {
	/** Campaigns deleted through the control endpoint, to restore them. @type {Map<string, any>} */
	const deletedCampaigns = new Map();
	return {
		'GET /__sandbox/health': () => json({ ok: true }),

		'GET /__sandbox/requests': ({ query }) => {
			const since = query.since === undefined ? 0 : Number(query.since);
			if (!Number.isInteger(since) || since < 0)
				return badRequest('since must be a whole number >= 0');
			return json({
				total: sandbox.requests.length,
				requests: sandbox.requests.filter((entry) => entry.seq >= since),
			});
		},

		'DELETE /__sandbox/requests': () => {
			const cleared = sandbox.requests.length;
			sandbox.requests.length = 0;
			return json({ cleared });
		},

		'POST /__sandbox/reset': () => {
			sandbox.reset();
			deletedCampaigns.clear();
			return json({ reset: true, fixtures: sandbox.state.fixtures });
		},

		'GET /__sandbox/faults': () => json({ faults: sandbox.listFaults() }),

		'POST /__sandbox/faults': ({ body }) => {
			try {
				// The body is the spec; an array body arrives as { faults: [...] } (JSON bodies must be objects).
				const spec = Array.isArray(body.faults)
					? /** @type {FaultSpec[]} */ (body.faults)
					: /** @type {FaultSpec} */ (body);
				sandbox.setFaults(spec);
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
			return json({ faults: sandbox.listFaults() });
		},

		'DELETE /__sandbox/faults': () => {
			sandbox.clearFaults();
			return json({ faults: [] });
		},

		'GET /__sandbox/rate-limit': () => json({ rateLimit: sandbox.rateLimit() }),

		// Body: a rate-limit.js spec ({ rate, burst, retryAfter, retryAfterSeconds, latencyMs, jitterMs }); {} = off.
		'POST /__sandbox/rate-limit': ({ body }) => {
			try {
				sandbox.setRateLimit(/** @type {import('./rate-limit').RateLimitSpec} */ (body));
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
			return json({ rateLimit: sandbox.rateLimit() });
		},

		'DELETE /__sandbox/rate-limit': () => {
			sandbox.setRateLimit(null);
			return json({ rateLimit: sandbox.rateLimit() });
		},

		'GET /__sandbox/traffic': () => json(sandbox.traffic()),

		'GET /__sandbox/state': () => json(sandbox.state.summary()),

		'POST /__sandbox/seed-sessions': ({ body }) => {
			const campaign = typeof body.campaign === 'string' ? body.campaign : '';
			const count = Number(body.count);
			try {
				return json(sandbox.state.seedSessions(campaign, count));
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
		},

		// Plays Coupontools calling a webhook receiver at body.url (spec in webhook-delivery.js); answers what it
		// sent and the receiver's HTTP status.
		'POST /__sandbox/webhooks/deliver': async ({ body }) => {
			try {
				return json(
					await deliverWebhook(
						sandbox.state,
						/** @type {import('./webhook-delivery').DeliverySpec} */ (
							/** @type {unknown} */ (body)
						),
					),
				);
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
		},

		// Events over time for the polling trigger (timeline.js): sessions opened / claimed / validated and
		// directory users registered at a given moment.
		'POST /__sandbox/sessions/events': ({ body }) => {
			try {
				return json(applySessionEvents(sandbox.state, /** @type {any} */ (body)));
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
		},

		'POST /__sandbox/directory-users': ({ body }) => {
			try {
				return json(registerDirectoryUsers(sandbox.state, /** @type {any} */ (body)));
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
		},

		// A campaign deleted in the dashboard: every call naming it answers 502 "Campaign ID not found", and it
		// leaves the campaign list. Its sessions stay in the state, so a later POST brings it back with them.
		'DELETE /__sandbox/campaigns/{id}': ({ params }) => {
			const campaign = sandbox.state.campaigns.get(params.id);
			if (!campaign) return badRequest(`unknown campaign ${params.id}`);
			deletedCampaigns.set(params.id, campaign);
			sandbox.state.campaigns.delete(params.id);
			return json({ deleted: params.id });
		},

		'POST /__sandbox/campaigns/{id}/restore': ({ params }) => {
			const campaign = deletedCampaigns.get(params.id);
			if (!campaign) return badRequest(`campaign ${params.id} was not deleted`);
			deletedCampaigns.delete(params.id);
			sandbox.state.campaigns.set(params.id, campaign);
			return json({ restored: params.id });
		},

		// Paging of the v4 lists (v4-paging.js): { pageSize, style: bare | links | meta | laravel }; {} = off.
		'POST /__sandbox/v4-paging': ({ body }) => {
			try {
				sandbox.state.v4Paging = v4PagingOf(body);
			} catch (error) {
				return badRequest(error instanceof Error ? error.message : String(error));
			}
			return json({ v4Paging: sandbox.state.v4Paging });
		},

		'POST /__sandbox/account': ({ body }) => {
			for (const key of Object.keys(body)) {
				if (!(/** @type {readonly string[]} */ (ACCOUNT_TOGGLES).includes(key))) {
					return badRequest(`unknown toggle ${key}; use ${ACCOUNT_TOGGLES.join(', ')}`);
				}
				if (typeof body[key] !== 'boolean') return badRequest(`${key} must be true or false`);
			}
			Object.assign(sandbox.state.account, body);
			return json({ account: sandbox.state.account });
		},
	};
}

module.exports = { createControlRoutes };
