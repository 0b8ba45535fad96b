/** The words shown for each failure Coupontools documents: a headline and the fix. */
export interface FailureText {
	message: string;
	description: string;
}

/**
 * Hints for the error codes Coupontools documents (https://docs.coupontools.com, error codes). Codes are
 * reused across endpoints, so the API's own words are shown too.
 */
export const ERROR_HINTS: Record<number, FailureText> = {
	1000: {
		message: 'Client ID or secret not correct',
		description:
			'Check the Coupontools API credential: copy the Client ID and Client Secret again from Integrations → API in the Coupontools dashboard, and check the Base URL.',
	},
	101: {
		message: 'The Coupontools account has expired',
		description: 'Renew the Coupontools subscription of this account, then run the node again.',
	},
	102: {
		message: 'Subaccount keys cannot manage subaccounts',
		description:
			"Use the main account's Client ID and Client Secret in the credential for subaccount operations.",
	},
	103: {
		// Also answered by the email tool (email groups), whose text the docs cut off.
		message: 'The account is not connected to the Coupontools SMS services or email tool',
		description:
			'Connect the SMS integration (Integrations → SMS), or for email groups the email tool, in the Coupontools dashboard, then run the node again.',
	},
	104: {
		message: 'The account has no email-marketing integration',
		description:
			'Connect an email integration in the Coupontools dashboard (Integrations → Email marketing), then run the node again.',
	},
	200: {
		message: 'A required field is missing',
		description:
			'Fill in the field Coupontools names above (an expression may have resolved to an empty value).',
	},
	300: {
		message: 'Coupontools rejected a value',
		description: 'Check the field Coupontools names above.',
	},
	301: {
		message: 'A value contains characters Coupontools does not accept',
		description:
			'IDs look like cam_12345, dir_12345 or sub_12345: check the field Coupontools names above for spaces or stray characters.',
	},
	302: {
		message: 'A value is not one of the allowed choices',
		description: 'Pick one of the listed options for the field Coupontools names above.',
	},
	303: {
		message: 'A value has the wrong format',
		description: 'Dates must be written as yyyy-MM-dd (for example 2026-12-31).',
	},
	304: {
		message: 'This email address already exists',
		description:
			'Use another email address, or look the existing subaccount up with Subaccount → Get Many.',
	},
	305: {
		message: 'The email address is not valid',
		description: 'Check the Email field: it must look like name@example.com.',
	},
	502: {
		message: 'Campaign or directory not found',
		description:
			'Check the Campaign (cam_…) or Directory (dir_…) ID; pick it from the list to be sure it exists in this account.',
	},
	503: {
		message: 'Teammate not found',
		description: 'Check the teammate ID.',
	},
	505: {
		message: 'Coupon session or loyalty card not found',
		description:
			'Check the session code (21 characters, or the 6-character short form) or the loyalty card ID.',
	},
	507: {
		message: 'Directory or loyalty card not found',
		description:
			'Check the Directory or Loyalty Card ID; pick it from the list to be sure it exists in this account.',
	},
	509: {
		message: 'Webhook event not found',
		description:
			'Coupontools does not know this evt_… ID: the event is forged, mistyped, or from another account.',
	},
	510: {
		message: 'Subaccount not found',
		description:
			'Check the Subaccount ID (sub_…); pick it from the list to be sure it belongs to this account.',
	},
	514: {
		message: 'Group not found',
		description: 'Check the group ID (gro_…); pick it from the list to be sure it exists.',
	},
	515: {
		message: 'Folder not found',
		description: 'Check the Folder ID in the filters.',
	},
	604: {
		message: 'Coupontools could not send the email',
		description:
			'The email provider connected to Coupontools refused the message. Check the integration under Integrations → Email marketing, and the recipient address.',
	},
};

/** Hints by HTTP status, for answers that name no documented code. */
export const HTTP_HINTS: Record<number, FailureText> = {
	401: ERROR_HINTS[1000],
	403: {
		message: 'Coupontools refused access',
		description:
			'The credential is valid but not allowed to do this. Check the account plan and the API permissions.',
	},
	404: {
		message: 'Coupontools does not know this endpoint',
		description:
			'Check the Base URL of the credential (https://api.coupontools.com or https://api4coupons.com, without a path).',
	},
	429: {
		message: 'Coupontools is rate limiting the requests',
		description:
			"Slow down: enable Batching under the node's Options, or add a Wait node between batches.",
	},
};
