import { sleep } from 'n8n-workflow';
import { parseArgs } from './sandbox/cli';
import { createRandom } from './sandbox/random';
import { startSandbox } from './sandbox/server';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from './harness/sandbox';

/**
 * The sandbox's rate limiter and latency (test/sandbox/rate-limit.js), over HTTP: what the limiter tests of
 * the node rely on. Plain HTTP calls, no n8n.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

async function sendEmail(sandbox: Sandbox, email: string, clientId = SANDBOX_CLIENT_ID) {
	const res = await fetch(`${sandbox.url}/v3/send/email`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-client-id': clientId,
			'x-client-secret': SANDBOX_CLIENT_SECRET,
		},
		body: JSON.stringify({ campaign: 'cam_1005', email, check_unique: false }),
	});
	return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

async function control(sandbox: Sandbox, method: string, route: string, body?: unknown) {
	const res = await fetch(`${sandbox.url}/__sandbox/${route}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as { rateLimit: { rate: number } } };
}

describe('sandbox rate limit', () => {
	let sandbox: Sandbox;
	/** The token bucket's clock, driven by the tests: no wall-clock time passes for it between requests. */
	const START_MS = Date.UTC(2025, 5, 2, 10, 0, 0, 500);
	let clockMs = START_MS;
	beforeAll(async () => {
		sandbox = await startSandbox({
			rateLimit: { rate: 5, burst: 5 },
			// Latency still passes for real (the test reads what was logged, not how long it took).
			rateClock: {
				now: () => clockMs,
				sleep: async (ms: number) => await sleep(ms),
			},
		});
	});
	beforeEach(() => {
		clockMs = START_MS;
		sandbox.reset();
	});
	afterAll(async () => await sandbox.close());

	test('a token bucket per credential: burst accepted, then 429 with Retry-After and the failed envelope', async () => {
		sandbox.setRateLimit({ rate: 1, burst: 5 });
		const answers = await Promise.all(
			Array.from({ length: 8 }, async (_, i) => await sendEmail(sandbox, `a${i}@example.com`)),
		);
		const refused = answers.filter((a) => a.status === 429);
		expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
		expect(refused).toHaveLength(3);
		// Eight requests out at once, on eight connections: the refused ones count too.
		expect(sandbox.traffic().maxConnections).toBe(8);
		expect(refused[0].retryAfter).toBe('1');
		expect(refused[0].body).toEqual({
			status: {
				status: 'failed',
				errors: { error_code: 429, error_message: 'HTTP/1.0 429 Too Many Requests' },
			},
		});
		// Refused requests did nothing.
		expect(Object.keys(sandbox.state.emailsSent)).toHaveLength(5);
		expect(sandbox.requests.filter((r) => r.limited)).toHaveLength(3);
		expect(sandbox.requests.find((r) => r.limited)?.retryAfterMs).toBe(1000);
		// Another credential has its own bucket (it is then refused by auth, not by the limiter).
		expect((await sendEmail(sandbox, 'other@example.com', 'someone-else')).status).not.toBe(429);
		expect(sandbox.traffic()).toMatchObject({ accepted: 6, refused: 3, duplicateSends: 0 });
	});

	test('the bucket refills at the rate; repeats before Retry-After and duplicate sends are counted', async () => {
		sandbox.setRateLimit({ rate: 10, burst: 1 });
		expect((await sendEmail(sandbox, 'x@example.com')).status).toBe(200);
		expect((await sendEmail(sandbox, 'y@example.com')).status).toBe(429);
		expect((await sendEmail(sandbox, 'y@example.com')).status).toBe(429); // early: told 1 s
		clockMs += 99;
		expect((await sendEmail(sandbox, 'z@example.com')).status).toBe(429); // 0.99 of a token
		clockMs += 1;
		expect((await sendEmail(sandbox, 'x@example.com')).status).toBe(200);
		expect(sandbox.traffic()).toMatchObject({ earlyRepeats: 1, duplicateSends: 1, refused: 3 });
	});

	test('Retry-After as an HTTP date or left out; latency with jitter; reset returns to the start settings', async () => {
		sandbox.setRateLimit({ rate: 1, burst: 1, retryAfter: 'date' });
		await sendEmail(sandbox, 'd1@example.com');
		const byDate = await sendEmail(sandbox, 'd2@example.com');
		// The next token comes at 10:00:01.5; an HTTP date has whole seconds, so it says 10:00:02.
		expect(byDate.retryAfter).toBe('Mon, 02 Jun 2025 10:00:02 GMT');
		expect(sandbox.requests.at(-1)?.retryAfterMs).toBe(1500);

		sandbox.setRateLimit({ rate: 1, burst: 1, retryAfter: 'none' });
		await sendEmail(sandbox, 'n1@example.com');
		const none = await sendEmail(sandbox, 'n2@example.com');
		expect(none.status).toBe(429);
		expect(none.retryAfter).toBeNull();

		sandbox.setRateLimit({ latencyMs: 150, jitterMs: 50 });
		await Promise.all([sendEmail(sandbox, 'l1@example.com'), sendEmail(sandbox, 'l2@example.com')]);
		// 150 ms ± 50, the jitter drawn from the sandbox seed: the first two draws since the reset.
		const draws = createRandom('coupontools-sandbox');
		const expected = [draws.next(), draws.next()].map((r) => 150 + (r * 2 - 1) * 50);
		const waited = sandbox.requests.slice(-2).map((request) => request.latencyMs);
		expect(waited.sort((a, b) => Number(a) - Number(b))).toEqual(expected.sort((a, b) => a - b));
		expect(sandbox.traffic().maxInFlight).toBe(2);

		sandbox.reset();
		expect(sandbox.rateLimit()).toEqual({
			rate: 5,
			burst: 5,
			retryAfter: 'seconds',
			latencyMs: 0,
			jitterMs: 0,
		});
	});

	test('control endpoints set, read and clear it; bad settings are refused', async () => {
		expect(await control(sandbox, 'POST', 'rate-limit', { rate: 50, latencyMs: 100 })).toEqual({
			status: 200,
			json: {
				rateLimit: { rate: 50, burst: 50, retryAfter: 'seconds', latencyMs: 100, jitterMs: 0 },
			},
		});
		expect((await control(sandbox, 'GET', 'rate-limit')).json.rateLimit.rate).toBe(50);
		expect((await control(sandbox, 'POST', 'rate-limit', { rate: 'fast' })).status).toBe(400);
		expect((await control(sandbox, 'POST', 'rate-limit', { speed: 1 })).json).toEqual({
			error: 'unknown rate limit setting speed',
		});
		expect((await control(sandbox, 'DELETE', 'rate-limit')).json.rateLimit.rate).toBe(0);
		// Connections kept alive from earlier calls stay counted; the most starts again from them.
		const { connections, maxConnections, ...counts } = (await control(sandbox, 'GET', 'traffic'))
			.json as unknown as Record<string, number>;
		expect(maxConnections).toBe(connections);
		expect(counts).toEqual({
			inFlight: 0,
			maxInFlight: 0,
			accepted: 0,
			refused: 0,
			earlyRepeats: 0,
			duplicateSends: 0,
		});
	});
});

test('npm run sandbox takes the rate limit and latency as flags', () => {
	const options = parseArgs([
		'--rate',
		'50',
		'--burst',
		'60',
		'--latency',
		'100',
		'--jitter',
		'20',
		'--retry-after',
		'date',
	]);
	expect(options.rateLimit).toEqual({
		rate: 50,
		burst: 60,
		retryAfter: 'date',
		latencyMs: 100,
		jitterMs: 20,
	});
	expect(parseArgs(['--retry-after', '3']).rateLimit).toMatchObject({ retryAfterSeconds: 3 });
	expect(() => parseArgs(['--rate', '-5'])).toThrow('rate must be a number >= 0');
	expect(() => parseArgs(['--retry-after', 'later'])).toThrow(/retryAfter must be one of/);
});
