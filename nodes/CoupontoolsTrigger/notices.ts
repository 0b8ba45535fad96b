/**
 * The texts at the top of the trigger's panel. n8n's UX guidelines ask for short info boxes that link
 * to the rest (https://docs.n8n.io/integrations/creating-nodes/build/reference/ux-guidelines/); the full
 * setup, the event kinds and the delivery answers are in the README's "Trigger setup" section.
 * Button and section names are n8n 2.x's own: "Webhook URLs" (collapsed by default), "Execute step",
 * "Publish". n8n's notice box renders only links and lists, so the text is plain.
 */
export const SETUP_GUIDE_URL =
	'https://github.com/coupontools-community/n8n-nodes-coupontools#trigger-setup';

export const SETUP_NOTICE = `Paste the Production URL (under Webhook URLs) into your Coupontools dashboard, then publish the workflow. To test, click Execute step and use the Test URL. <a href="${SETUP_GUIDE_URL}" target="_blank">Setup guide</a>`;

export const POLLING_HINT =
	"Can't receive webhooks? The Coupontools Polling Trigger checks for events on a schedule.";
