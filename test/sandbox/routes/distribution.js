// @ts-check
/** Distribution routes: send a coupon (or a directory) by email or SMS (https://docs.coupontools.com/api/coupon, https://docs.coupontools.com/api/v4/directory). */

const { ok, fail } = require('../envelope');
const { text, bool, isEmail, isE164 } = require('../params');
const {
	campaignOrDirectoryParam,
	sessionParam,
	requiredText,
	requireIntegration,
} = require('../lookup');
const { sessionUrl } = require('../views');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../state').Session} Session */

/** Addresses at this domain make the sandbox answer 604 (email sending error), so tests can reach that code. */
const BOUNCING_DOMAIN = '@bounce.example';

/**
 * check_unique: when this address already received this campaign, the docs say the send is skipped
 * but show no answer for it. The sandbox answers `status OK` with `action: "email_already_sent"`, no new
 * session and no single_use_code: only `action: "email_sent"` means an email left, so the node must not
 * report any other action as a send. A directory send creates no session: single_use_code is "" and
 * single_use_url is the directory's page; `couponsession` is ignored for directories.
 * @param {RouteContext} ctx
 */
function sendEmail({ state, body }) {
	requireIntegration(state, 'email');
	const target = campaignOrDirectoryParam(state, body);
	const email = requiredText(body, 'email');
	if (!isEmail(email)) fail(305, 'Email address not valid');
	const targetId = target.kind === 'campaign' ? target.campaign.ID : target.directory.ID;
	const subject =
		text(body, 'subject') ||
		(target.kind === 'campaign' ? target.campaign.title : target.directory.name);
	const address = email.toLowerCase();
	const previous = state.emailsSent[address] ?? [];

	if (
		bool(body, 'check_unique', false) &&
		previous.some((delivery) => delivery.campaign === targetId)
	) {
		return ok({ campaign: targetId, subject, receiver: email, action: 'email_already_sent' });
	}

	if (address.endsWith(BOUNCING_DOMAIN))
		fail(604, 'Error sending email: the email provider rejected the message');

	/** @type {Session | undefined} */
	let session;
	if (target.kind === 'campaign') {
		session = text(body, 'couponsession')
			? sessionParam(state, body, { campaign: targetId })
			: state.createSession(targetId, {
					firstname: text(body, 'firstname'),
					lastname: text(body, 'lastname'),
					email,
				});
	}
	state.emailsSent[address] = [
		...previous,
		{ campaign: targetId, session: session ? session.session : '', subject, at: state.now() },
	];
	return ok({
		campaign: targetId,
		subject,
		receiver: email,
		single_use_code: session ? session.session : '',
		single_use_url: session
			? sessionUrl(state, session)
			: target.kind === 'directory'
				? target.directory.url
				: '',
		action: 'email_sent',
	});
}

/** `body` (the SMS text) is optional here: no copy of the docs says whether it is required. @param {RouteContext} ctx */
function sendSms({ state, body }) {
	requireIntegration(state, 'sms');
	const target = campaignOrDirectoryParam(state, body);
	const phone = requiredText(body, 'phone');
	if (!isE164(phone)) fail(301, 'Invalid phone number. Use the E.164 format, e.g. +32470123456');
	const message = text(body, 'body');
	const targetId = target.kind === 'campaign' ? target.campaign.ID : target.directory.ID;
	const session = target.kind === 'campaign' ? state.createSession(targetId, { phone }) : undefined;
	state.smsSent.push({
		campaign: targetId,
		session: session ? session.session : '',
		phone,
		message,
		at: state.now(),
	});
	return ok({
		campaign: targetId,
		message,
		phone: phone.slice(1),
		single_use_code: session ? session.session : '',
		single_use_url: session
			? sessionUrl(state, session)
			: target.kind === 'directory'
				? target.directory.url
				: '',
	});
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/send/email': sendEmail,
	'POST /v3/send/sms': sendSms,
};
