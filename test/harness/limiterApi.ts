import type { INode, NodeApiError } from 'n8n-workflow';

import { answerError, parseCoupontoolsFailure } from '../../nodes/Coupontools/shared/errors';
import type { FakeClock } from './limiterClock';

/**
 * Coupontools as the limiter's unit tests see it (test/shared/limiter*.test.ts): failures are the errors
 * production makes of an answer (nodes/Coupontools/shared/errors/), which the limiter classifies with
 * production's faultClassOf.
 */

/** A Coupontools node as n8n hands it to the errors it makes. */
export const node: INode = {
	id: '1',
	name: 'Coupontools',
	type: 'n8n-nodes-coupontools.coupontools',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * The error production makes of a failed answer with this HTTP status and headers (errors/), classified
 * as production classifies it: the limiter reads it through faultClassOf, as in the node.
 */
export function answered(status: number, headers: Record<string, string> = {}): NodeApiError {
	return answerError(
		node,
		parseCoupontoolsFailure(status, { status: { status: 'failed' } })!,
		headers,
	);
}

/**
 * A throttling API on the fake clock: a token bucket (rate per second, burst), latency per accepted
 * request, 429 with Retry-After beyond it. Records every arrival so tests can check what the API saw.
 */
export function throttlingApi(
	clock: FakeClock,
	{
		rate,
		burst = rate,
		latencyMs = 0,
		retryAfter = 'seconds',
	}: {
		rate: number;
		burst?: number;
		latencyMs?: number;
		retryAfter?: 'seconds' | 'date' | 'none';
	},
) {
	let tokens = burst;
	let filledAt = 0;
	let inFlight = 0;
	const seen = {
		arrivals: [] as Array<{ id: string; at: number; accepted: boolean }>,
		accepted: new Map<string, number>(),
		notBefore: new Map<string, number>(),
		earlyRepeats: 0,
		maxInFlight: 0,
	};
	const send = (id: string) => async (): Promise<string> => {
		const now = clock.now();
		if ((seen.notBefore.get(id) ?? 0) > now) seen.earlyRepeats++;
		tokens = Math.min(burst, tokens + ((now - filledAt) / 1000) * rate);
		filledAt = now;
		if (tokens < 1) {
			seen.arrivals.push({ id, at: now, accepted: false });
			const waitMs = Math.max(1000, Math.ceil((1 - tokens) / rate) * 1000);
			// An HTTP date has whole seconds: rounded up, as test/sandbox/rate-limit.js does.
			const retryAt =
				retryAfter === 'date' ? Math.ceil((now + waitMs) / 1000) * 1000 : now + waitMs;
			const headers: Record<string, string> =
				retryAfter === 'seconds'
					? { 'retry-after': String(waitMs / 1000) }
					: retryAfter === 'date'
						? { 'retry-after': new Date(retryAt).toUTCString() }
						: {};
			if (retryAfter !== 'none') seen.notBefore.set(id, retryAt);
			throw answered(429, headers);
		}
		tokens -= 1;
		seen.arrivals.push({ id, at: now, accepted: true });
		inFlight++;
		seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
		if (latencyMs) await clock.sleep(latencyMs);
		inFlight--;
		seen.accepted.set(id, (seen.accepted.get(id) ?? 0) + 1);
		return id;
	};
	return { send, seen };
}

/** A send the test answers by hand. */
export function manualSend() {
	const calls: Array<{ resolve: (v: string) => void; reject: (e: unknown) => void }> = [];
	const send = async () =>
		await new Promise<string>((resolve, reject) => calls.push({ resolve, reject }));
	return { send, calls };
}

export function settled<T>(promises: Array<Promise<T>>) {
	const results: Array<PromiseSettledResult<T> | undefined> = promises.map(() => undefined);
	promises.forEach((p, i) =>
		p.then(
			(value) => (results[i] = { status: 'fulfilled', value }),
			(reason: unknown) => (results[i] = { status: 'rejected', reason }),
		),
	);
	return { results, done: () => results.every((r) => r !== undefined) };
}
