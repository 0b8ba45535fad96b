// @ts-check
/**
 * Webhook verification (https://www.coupontools.com/en/api-and-webhooks/webhooks): the documented way to check that an event really came from Coupontools.
 * Events exist only when the sandbox delivered them (webhook-delivery.js records them in state.webhookEvents).
 */

const { ok, fail } = require('../envelope');
const { text, idCharacters } = require('../params');
const { requiredText } = require('../lookup');

/** @typedef {import('../types').RouteContext} RouteContext */

/**
 * The docs list `session` beside `webhook` but do not say what it changes. The sandbox looks the event
 * up by its evt_ ID alone and answers what it recorded, so a payload whose session (or type, campaign)
 * differs from the real event is caught by the receiver comparing the two, not hidden by a 509.
 * @param {RouteContext} ctx
 */
function verifyWebhook({ state, body }) {
	const id = idCharacters(requiredText(body, 'webhook'), 'webhook');
	const session = text(body, 'session');
	if (session !== '' && !/^[A-Za-z0-9]+$/.test(session))
		fail(301, 'Invalid character in parameter: session');
	const event = state.webhookEvents.get(id);
	if (!event) return fail(509, 'Webhook not found');
	return ok({
		result: 'valid',
		webhook: event.webhook,
		date: event.date,
		campaign: event.campaign,
		session: event.session,
		type: event.type,
	});
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/webhook/verification': verifyWebhook,
};
