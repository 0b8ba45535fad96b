import type { IDataObject } from 'n8n-workflow';

import { faultFor, requestKeyOf } from '../sandbox/faults';
import type { Sandbox } from './sandbox';

/**
 * Replayable fault runs. The sandbox's `dice: 'request'` rolls each attempt of each request from the
 * fault seed alone (test/sandbox/faults.js), so what an item meets does not depend on the order n8n's
 * concurrent requests arrive in: the test plans every item's faults from the seed and expects exactly
 * that, and a failure names the seed to replay it with.
 */

export type FaultKind = '429' | '500' | '502' | 'truncated' | 'reset' | 'reset-after-processing';

/**
 * What each fault is to the node (shared/requestLoop.ts, sendWithRetries): a refusal is waited out and
 * sent again; after any other fault Coupontools may have acted, so a repeatable call is repeated, 3
 * attempts at most. `processed`: the sandbox acted before the fault (test/sandbox/README.md, Faults).
 */
const EFFECT: Record<FaultKind, { refusal: boolean; processed: boolean; message: string }> = {
	'429': { refusal: true, processed: false, message: '' },
	'500': {
		refusal: false,
		processed: false,
		message: 'Coupontools is unavailable (HTTP 500, Coupontools code 500)',
	},
	'502': { refusal: false, processed: false, message: 'Coupontools is unavailable (HTTP 502)' },
	truncated: {
		refusal: false,
		processed: true,
		message: 'Coupontools sent an answer n8n cannot read (HTTP 200)',
	},
	reset: {
		refusal: false,
		processed: false,
		message: 'The connection to Coupontools was closed before it answered',
	},
	'reset-after-processing': {
		refusal: false,
		processed: true,
		message: 'The connection to Coupontools was closed before it answered',
	},
};

/** Attempts of a repeatable call after faults that may have acted (shared/limiter.ts, MAX_ATTEMPTS). */
const MAX_ATTEMPTS = 3;

export interface ItemPlan {
	/** The fault of each attempt, in order; null for the attempt that was answered. */
	attempts: Array<FaultKind | null>;
	/** The item's error message when its last attempt failed; undefined when it was answered. */
	error?: string;
	/** Whether Coupontools acted on any attempt (the email left, the URL was made). */
	processed: boolean;
	/** Whether it acted before the answered attempt (that answer is then a duplicate check's hit). */
	processedBefore: boolean;
}

/** The attempts a repeatable request makes under a `dice: 'request'` rule, and how it ends. */
export function planOf(
	rule: { seed: string | number; rate: number; kinds: readonly FaultKind[] },
	key: string,
): ItemPlan {
	const attempts: Array<FaultKind | null> = [];
	let maybeFaults = 0;
	let processed = false;
	for (;;) {
		const kind = faultFor(rule, key, attempts.length + 1) as FaultKind | undefined;
		if (!kind) {
			attempts.push(null);
			return { attempts, processed: true, processedBefore: processed };
		}
		attempts.push(kind);
		processed ||= EFFECT[kind].processed;
		if (!EFFECT[kind].refusal && ++maybeFaults >= MAX_ATTEMPTS)
			return { attempts, error: EFFECT[kind].message, processed, processedBefore: processed };
	}
}

/** The faults the sandbox injected on each distinct request, in arrival order, keyed like the dice. */
export function attemptsByRequest(
	sandbox: Sandbox,
	path: string,
): Map<string, { body: IDataObject; attempts: Array<FaultKind | null> }> {
	const byKey = new Map<string, { body: IDataObject; attempts: Array<FaultKind | null> }>();
	for (const request of sandbox.requests) {
		if (request.path !== path) continue;
		const key = requestKeyOf(request.method, request.path, request.body);
		const entry = byKey.get(key) ?? { body: request.body as IDataObject, attempts: [] };
		entry.attempts.push((request.fault as FaultKind | undefined) ?? null);
		byKey.set(key, entry);
	}
	return byKey;
}

/** Runs the assertions; a failure says which fault seed to replay it with. */
export function withFaultSeed(seed: string | number, file: string, assertions: () => void): void {
	let failure: Error | undefined;
	try {
		assertions();
	} catch (caught) {
		failure = caught as Error;
	}
	if (failure) {
		throw new Error(
			`Fault seed "${seed}": replay with SANDBOX_FAULT_SEED='${seed}' npx jest ${file}\n\n${failure.message}`,
			{ cause: failure },
		);
	}
}
