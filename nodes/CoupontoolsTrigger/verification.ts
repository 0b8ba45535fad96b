import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { coupontoolsApiRequest } from '../Coupontools/shared/transport';
import type { EventClaim } from './payload';

/** Coupontools waits for the answer to its delivery; a verification that takes longer is treated as unavailable. */
export const API_TIMEOUT_MS = 10_000;

/**
 * Codes that are Coupontools' definitive word about the event itself (509 "Webhook not found", or a
 * value it will not accept). Any other failure (credential, account, server, network, an unknown code)
 * says nothing about the event, so the sender is asked to retry instead of the event being dropped.
 */
const EVENT_REFUSAL_CODES = new Set([509, 505, 200, 300, 301, 302]);

export interface ConfirmedEvent {
	webhook?: string;
	type?: string;
	date?: string;
	campaign?: string;
	session?: string;
}

export type ApiOutcome<T> =
	| { kind: 'ok'; value: T }
	/** Coupontools refused: the event (or session) is not what the payload says. */
	| { kind: 'refused'; reason: string; detail: string }
	/** No usable answer: Coupontools down, slow, or the credential broken. Retry later. */
	| { kind: 'unavailable'; detail: string };

interface ThrownApiError {
	message?: string;
	description?: string | null;
	httpCode?: string | null;
	errorResponse?: IDataObject;
}

function codesOf(error: ThrownApiError): number[] {
	const raw = error.errorResponse?.error_code;
	const list = Array.isArray(raw)
		? raw
		: raw === undefined || raw === null || raw === ''
			? []
			: [raw];
	return list.map(Number).filter((code) => Number.isFinite(code));
}

/** Calls Coupontools through the shared request (credential, envelope check) and sorts the failure kinds. */
export async function callCoupontools(
	this: IWebhookFunctions,
	path: string,
	body: IDataObject,
): Promise<ApiOutcome<IDataObject>> {
	try {
		return {
			kind: 'ok',
			value: await coupontoolsApiRequest.call(this, 'POST', path, body, {
				timeout: API_TIMEOUT_MS,
			}),
		};
	} catch (caught) {
		const error = caught as ThrownApiError;
		const detail = [error.message, error.description].filter(Boolean).join(' ');
		const codes = codesOf(error);
		const httpCode = Number(error.httpCode);
		const definitive =
			codes.length > 0 &&
			codes.every((code) => EVENT_REFUSAL_CODES.has(code)) &&
			!(httpCode >= 500);
		if (!definitive) return { kind: 'unavailable', detail };
		return {
			kind: 'refused',
			reason: codes.includes(509)
				? 'Coupontools does not know this event'
				: `Coupontools refused to confirm this event (Coupontools code ${codes.join(', ')})`,
			detail,
		};
	}
}

const COMPARED: Array<{
	field: keyof ConfirmedEvent & keyof EventClaim;
	label: string;
	caseInsensitive?: boolean;
}> = [
	{ field: 'type', label: 'type' },
	{ field: 'campaign', label: 'campaign' },
	// Session codes are case-insensitive in the API.
	{ field: 'session', label: 'session', caseInsensitive: true },
];

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim()
		? value.trim()
		: typeof value === 'number'
			? String(value)
			: undefined;
}

/**
 * The documented authenticity check (coupontools-api.md §6): POST /v3/webhook/verification with the evt_ ID
 * and the session. Only `result: "valid"` counts, and only when what Coupontools confirms matches what
 * the payload claims (a genuine ID must not carry a forged type, campaign or session).
 */
export async function verifyEvent(
	this: IWebhookFunctions,
	claim: EventClaim & { eventId: string },
): Promise<ApiOutcome<ConfirmedEvent>> {
	const outcome = await callCoupontools.call(this, '/v3/webhook/verification', {
		webhook: claim.eventId,
		...(claim.session ? { session: claim.session } : {}),
	});
	if (outcome.kind !== 'ok') return outcome;
	const answer = outcome.value;
	if (answer.result !== 'valid') {
		const result = text(answer.result) ?? 'nothing';
		return {
			kind: 'refused',
			reason: 'Coupontools did not confirm this event',
			detail: `result "${result}"`,
		};
	}
	const confirmed: ConfirmedEvent = {
		webhook: text(answer.webhook),
		type: text(answer.type),
		date: text(answer.date),
		campaign: text(answer.campaign),
		session: text(answer.session),
	};
	if (confirmed.webhook !== undefined && confirmed.webhook !== claim.eventId) {
		return {
			kind: 'refused',
			reason: 'Coupontools confirmed another event ID',
			detail: `asked ${claim.eventId}`,
		};
	}
	for (const { field, label, caseInsensitive } of COMPARED) {
		const claimed = claim[field];
		const actual = confirmed[field];
		if (claimed === undefined || actual === undefined) continue;
		const same = caseInsensitive
			? claimed.toLowerCase() === actual.toLowerCase()
			: claimed === actual;
		if (!same) {
			return {
				kind: 'refused',
				reason: `The payload's ${label} does not match the event Coupontools confirmed`,
				detail: `${label}: payload "${claimed}", Coupontools "${actual}"`,
			};
		}
	}
	return { kind: 'ok', value: confirmed };
}
