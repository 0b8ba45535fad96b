import type { DeclarativeRestApiSettings, IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { isResponseError, transientKindOf } from './output';

type Options = DeclarativeRestApiSettings.ResultOptions['options'];

/** Attempts per request, first one included; waits grow 0.5 s, 1 s between them. */
export const MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 500;

/**
 * Calls whose repetition cannot do anything twice: reads, and the two sends Coupontools itself
 * de-duplicates (Send Email with check_unique, Single Use Create with duplicate_check).
 */
const READ_PATHS =
	/\/(list|info|data|opens|claims|validations|search|grouplist|userlist|campaigns|main\/list|verification)$|\/v4\/subaccount$/;

export function isSafeToRepeat(options: Options): boolean {
	const url = options.url ?? '';
	const body = (options.body ?? {}) as IDataObject;
	if ((options.method ?? 'GET') === 'GET') return true;
	if (READ_PATHS.test(url)) return true;
	if (/\/v3\/send\/email$/.test(url) && body.check_unique === true) return true;
	if (/\/v3\/singleuse\/create$/.test(url) && body.duplicate_check === true) return true;
	return false;
}

type Fault = 'not-processed' | 'maybe-processed' | undefined;

/** Transport faults arrive as n8n's wrapper, with the client's error code in httpCode. */
function faultOf(error: unknown): Fault {
	if (!(error instanceof Error)) return undefined;
	if (isResponseError(error)) return transientKindOf(error);
	const code = String((error as { httpCode?: unknown }).httpCode ?? '');
	if (code === 'ECONNREFUSED') return 'not-processed';
	if (/^(ECONNRESET|ECONNABORTED|ETIMEDOUT|EPIPE)$/.test(code)) return 'maybe-processed';
	return undefined;
}

/**
 * Runs one request, repeating it after a transient fault when that is safe: always when Coupontools
 * said it did nothing (429, 503, connection refused); after a fault that may have left the request
 * processed (500, 502, 504, cut-off answer, reset, timeout) only for calls that cannot act twice.
 * Everything else (a refused value, a missing campaign) fails at once.
 */
export async function withRetries<T>(options: Options, send: () => Promise<T>): Promise<T> {
	let failure: unknown;
	for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		try {
			return await send();
		} catch (error) {
			failure = error;
		}
		const fault = faultOf(failure);
		const repeatable =
			fault === 'not-processed' || (fault === 'maybe-processed' && isSafeToRepeat(options));
		if (!repeatable || attempt === MAX_ATTEMPTS) break;
		await sleep(BASE_DELAY_MS * attempt);
	}
	// Already a NodeApiError/NodeOperationError from the engine or our response check; transport.ts words it.
	throw failure;
}
