import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from './harness/engine';
import { byId, credentialsFor, run, useSandbox } from './harness/sandbox';

// Recognisable values: if any of them shows up anywhere in what n8n keeps, the test names it.
const CANARY = 'canary-secret-7f3a9c1e';
const WRONG_CANARY = 'canary-wrong-secret-42b8d0';

/** Everything n8n stores or shows of a run: execution data, output items and the error with all its own properties. */
function everythingVisible(result: RunResult): string {
	const seen = new WeakSet<object>();
	const deep = (value: unknown): unknown => {
		if (value === null || typeof value !== 'object') return value;
		if (seen.has(value as object)) return '[circular]';
		seen.add(value as object);
		const out: Record<string, unknown> = {};
		for (const key of Object.getOwnPropertyNames(value))
			out[key] = deep((value as Record<string, unknown>)[key]);
		return out;
	};
	return JSON.stringify([
		deep(result.run),
		deep(result.error),
		deep(result.items),
		deep(result.errorItems),
	]);
}

describe('the client secret never appears in outputs, errors or execution data', () => {
	const sandbox = useSandbox({ clientSecret: CANARY });
	const GET_MANY: INodeParameters = { resource: 'campaign', operation: 'getAll' };
	const SEND: INodeParameters = {
		resource: 'distribution',
		operation: 'sendEmail',
		campaignOrDirectory: byId('cam_1001'),
		email: '={{ $json.email }}',
		checkUnique: true,
	};

	const paths: Array<[string, () => Promise<RunResult>]> = [
		[
			'success',
			async () =>
				await run(sandbox.current, {
					parameters: GET_MANY,
					credentials: credentialsFor(sandbox.current, { clientSecret: CANARY }),
				}),
		],
		[
			'wrong secret (error 1000)',
			async () =>
				await run(sandbox.current, {
					parameters: GET_MANY,
					credentials: credentialsFor(sandbox.current, { clientSecret: WRONG_CANARY }),
				}),
		],
		[
			'API error (502)',
			async () =>
				await run(sandbox.current, {
					parameters: { ...GET_MANY, operation: 'get', campaign: byId('cam_9999') },
					credentials: credentialsFor(sandbox.current, { clientSecret: CANARY }),
				}),
		],
		...(['reset', '502', 'truncated', '500', '429'] as const).map(
			(kind): [string, () => Promise<RunResult>] => [
				`transport fault ${kind}`,
				async () => {
					sandbox.current.setFaults({ kind });
					return await run(sandbox.current, {
						// A refusal (429) is waited out; a short Max Wait keeps the case quick.
						parameters: { ...GET_MANY, rateLimits: { maxWaitMinutes: 0.02 } },
						credentials: credentialsFor(sandbox.current, { clientSecret: CANARY }),
					});
				},
			],
		),
		[
			'timeout',
			async () => {
				sandbox.current.setFaults({ kind: 'slow', delayMs: 1000 });
				return await run(sandbox.current, {
					parameters: { ...GET_MANY, requestOptions: { timeout: 200 } },
					credentials: credentialsFor(sandbox.current, { clientSecret: CANARY }),
				});
			},
		],
		[
			'connection refused',
			async () =>
				await run(sandbox.current, {
					// A refused connection is tried again within Max Wait When Throttled; keep it short.
					parameters: { ...GET_MANY, rateLimits: { maxWaitMinutes: 0.02 } },
					credentials: credentialsFor(sandbox.current, {
						clientSecret: CANARY,
						baseUrl: 'http://127.0.0.1:9',
					}),
				}),
		],
		[
			'Continue On Fail with mixed failures',
			async () =>
				await run(sandbox.current, {
					parameters: SEND,
					items: [{ email: 'ok@example.com' }, { email: 'bad' }, { email: 'x@bounce.example' }],
					onError: 'continueRegularOutput',
					credentials: credentialsFor(sandbox.current, { clientSecret: CANARY }),
				}),
		],
	];

	test.each(paths)('%s', async (_title, go) => {
		const result = await go();
		const visible = everythingVisible(result);
		expect(visible.length).toBeGreaterThan(100);
		expect(visible).not.toContain(CANARY);
		expect(visible).not.toContain(WRONG_CANARY);
		// The request did carry the secret: the check above is not vacuous.
		if (sandbox.current.requests.length)
			expect([CANARY, WRONG_CANARY]).toContain(
				sandbox.current.requests[0].headers['x-client-secret'],
			);
	});
});
