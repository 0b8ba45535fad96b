import type { CoupontoolsFailure } from './envelope';
import type { FailureText } from './hints';
import { ERROR_HINTS, HTTP_HINTS } from './hints';

/** What n8n shows for a failure: a headline naming what went wrong, and a description with the fix. */

/**
 * The API often prefixes its words with an HTTP status line ("HTTP/1.0 422 Unprocessable entity.", or
 * "HTTP/1.0 401 Unauthorized. Client ID or Secret not correct."): protocol noise for a user, and
 * misleading when it disagrees with the real status. Only the words after it are shown.
 */
const STATUS_LINE = /^\s*HTTP\/\d(?:\.\d)?\s+\d{3}\b[^.;]*[.;]?/i;

function apiWordsOf(failure: CoupontoolsFailure): string {
	const words = [...failure.details, failure.apiMessage]
		.map((text) => text.replace(STATUS_LINE, '').trim().replace(/\.+$/, ''))
		.filter(Boolean);
	return [...new Set(words)].join('; ');
}

/**
 * "Coupontools code 502", never "error 502": the API's codes overlap HTTP statuses (502, 503, 505) and
 * must not read like "Bad Gateway".
 */
function codeLabelOf(failure: CoupontoolsFailure): string {
	if (!failure.codes.length) return `HTTP ${failure.httpCode}`;
	return `Coupontools ${failure.codes.length > 1 ? 'codes' : 'code'} ${failure.codes.join(', ')}`;
}

/** Turns a failure into the message and fix hint shown in n8n. */
export function describeFailure(failure: CoupontoolsFailure): FailureText {
	const code = failure.codes[0];
	const hint = (code !== undefined ? ERROR_HINTS[code] : undefined) ?? HTTP_HINTS[failure.httpCode];
	const apiWords = apiWordsOf(failure);
	const codeLabel = codeLabelOf(failure);

	if (hint) {
		return {
			message: `${hint.message} (${codeLabel})`,
			description: apiWords
				? `Coupontools says: ${apiWords}. ${hint.description}`
				: hint.description,
		};
	}
	if (failure.unreadable && failure.httpCode < 500) {
		return {
			message: `Coupontools sent an answer n8n cannot read (HTTP ${failure.httpCode})`,
			description: `Coupontools answered with ${failure.apiMessage}. This is usually a temporary fault on their side: enable Retry On Fail in the node settings, or try again later. If it persists, check the Base URL of the credential.`,
		};
	}
	if (failure.httpCode >= 500) {
		return {
			message: `Coupontools is unavailable (HTTP ${failure.httpCode}${failure.codes.length ? `, ${codeLabel}` : ''})`,
			description: `Coupontools answered with ${apiWords || 'a server error'}. This is usually temporary: enable Retry On Fail in the node settings, or try again later.`,
		};
	}
	return {
		message: `Coupontools refused the request (${codeLabel})`,
		description: apiWords
			? `Coupontools says: ${apiWords}.`
			: 'Coupontools gave no reason. Check the fields of this operation.',
	};
}

/** The words for a transport fault: what happened, and whether Coupontools may have acted. */
export function describeNetworkFault(
	code: string,
	rawMessage: string,
): { message: string; description: string } {
	const retry = 'Enable Retry On Fail in the node settings to try again automatically.';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(rawMessage)) {
		return {
			message: 'Coupontools did not answer in time',
			description: `The request timed out. Coupontools may still have processed it: check before resending. ${retry} The limit is set under Options → Timeout.`,
		};
	}
	if (code === 'ECONNRESET' || /socket hang up/i.test(rawMessage)) {
		return {
			message: 'The connection to Coupontools was closed before it answered',
			description: `Coupontools (or a proxy) dropped the connection mid-request. It may have processed the request: check before resending. ${retry}`,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			message: 'Coupontools refused the connection',
			description: `Nothing answered at the Base URL of the credential. Check the Base URL; if it is right, Coupontools may be down. ${retry}`,
		};
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: 'The Coupontools host could not be found',
			description:
				'Check the Base URL of the credential (https://api.coupontools.com) and the network of this n8n instance.',
		};
	}
	return {
		message: `The request to Coupontools failed${code ? ` (${code})` : ''}`,
		description: `${rawMessage.replace(/[\r\n]+/g, ' ').slice(0, 200)}. ${retry}`,
	};
}
