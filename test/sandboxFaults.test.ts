import { parseArgs } from './sandbox/cli';
import { faultFor, requestKeyOf } from './sandbox/faults';
import { resolveOptions, startSandbox } from './sandbox/server';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from './harness/sandbox';

/**
 * The sandbox's fault injection (test/sandbox/faults.js) is replayable: a schedule names the requests
 * that fail, per-request dice fault the same requests whatever order they arrive in, and the seed is
 * named (control endpoint, SANDBOX_FAULT_SEED, --fault-seed). Plain HTTP calls, no n8n.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const CAMPAIGN_LIST = '/v3/coupon/list';

async function listCampaigns(sandbox: Sandbox, body: Record<string, unknown> = {}) {
	const res = await fetch(`${sandbox.url}${CAMPAIGN_LIST}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-client-id': SANDBOX_CLIENT_ID,
			'x-client-secret': SANDBOX_CLIENT_SECRET,
		},
		body: JSON.stringify(body),
	});
	await res.arrayBuffer();
	return res.status;
}

async function control(sandbox: Sandbox, method: string, body?: unknown) {
	const res = await fetch(`${sandbox.url}/__sandbox/faults`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('sandbox faults', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	beforeEach(() => sandbox.reset());
	afterAll(async () => await sandbox.close());

	test('a schedule fails exactly the requests it names: #3, #7 and #12', async () => {
		sandbox.setFaults({ kind: '500', requests: [3, 7, 12] });
		const statuses: number[] = [];
		for (let i = 0; i < 13; i++) statuses.push(await listCampaigns(sandbox));
		expect(statuses.map((status, i) => (status === 500 ? i + 1 : 0)).filter(Boolean)).toEqual([
			3, 7, 12,
		]);
		expect(sandbox.requests.filter((r) => r.fault).map((r) => r.seq + 1)).toEqual([3, 7, 12]);
	});

	test('per-request dice fault the same requests in any arrival order, as faultFor plans', async () => {
		const rule = { kinds: ['500', '502'] as Array<'500' | '502'>, rate: 0.5, seed: 'order' };
		const bodies = Array.from({ length: 20 }, (_, i) => ({ page: i + 1 }));
		const faultsOf = () =>
			new Map(
				sandbox.requests.map((r) => [requestKeyOf(r.method, r.path, r.body), r.fault ?? null]),
			);

		sandbox.setFaults({ ...rule, dice: 'request' });
		for (const body of bodies) await listCampaigns(sandbox, body);
		const forwards = faultsOf();

		sandbox.reset();
		sandbox.setFaults({ ...rule, dice: 'request' });
		await Promise.all(
			[...bodies].reverse().map(async (body) => await listCampaigns(sandbox, body)),
		);
		expect(faultsOf()).toEqual(forwards);

		const planned = bodies.map((body) => {
			const key = requestKeyOf('POST', CAMPAIGN_LIST, body);
			return [key, faultFor(rule, key, 1) ?? null];
		});
		expect([...forwards]).toEqual(planned);
		// Both outcomes occur, so the comparison above says something.
		expect(new Set(planned.map(([, fault]) => fault === null))).toEqual(new Set([true, false]));

		// The second attempt of a request rolls again, from the same seed.
		await listCampaigns(sandbox, bodies[0]);
		const key = requestKeyOf('POST', CAMPAIGN_LIST, bodies[0]);
		expect(sandbox.requests.at(-1)?.fault ?? null).toBe(faultFor(rule, key, 2) ?? null);
	});

	test('the control endpoint takes a seed and lists the seed of every rule', async () => {
		expect(
			(await control(sandbox, 'POST', { kind: '502', rate: 0.3, seed: 'replay-me' })).json,
		).toEqual({ faults: [{ kind: '502', rate: 0.3, seed: 'replay-me', injected: 0 }] });
		expect((await control(sandbox, 'POST', { kind: '500', requests: [2] })).json).toEqual({
			faults: [{ kind: '500', requests: [2], seed: sandbox.faultSeed, injected: 0 }],
		});
		await listCampaigns(sandbox);
		await listCampaigns(sandbox);
		expect((await control(sandbox, 'GET')).json).toEqual({
			faults: [{ kind: '500', requests: [2], seed: sandbox.faultSeed, injected: 1 }],
		});
	});

	test('bad schedules and dice are refused', async () => {
		expect(await control(sandbox, 'POST', { kind: '500', requests: [0] })).toEqual({
			status: 400,
			json: {
				error: 'fault 0: requests must be a list of request numbers from 1, without rate or dice',
			},
		});
		expect((await control(sandbox, 'POST', { kind: '500', requests: [1], rate: 0.5 })).status).toBe(
			400,
		);
		expect(await control(sandbox, 'POST', { kind: '500', dice: 'sometimes' })).toEqual({
			status: 400,
			json: { error: 'fault 0: dice must be arrival or request' },
		});
	});
});

describe('the fault seed', () => {
	test('is the faultSeed option, else SANDBOX_FAULT_SEED, else the sandbox seed', async () => {
		const env = { SANDBOX_FAULT_SEED: 'from-env' };
		expect(resolveOptions({}, {}).faultSeed).toBe('coupontools-sandbox');
		expect(resolveOptions({ seed: 'codes' }, {}).faultSeed).toBe('codes');
		expect(resolveOptions({ seed: 'codes' }, env).faultSeed).toBe('from-env');
		expect(resolveOptions({ faultSeed: 'given' }, env).faultSeed).toBe('given');

		const sandbox = await startSandbox({ faultSeed: 'given' });
		expect(sandbox.faultSeed).toBe('given');
		sandbox.setFaults({ kind: '500', rate: 0.5 });
		expect((await control(sandbox, 'GET')).json).toEqual({
			faults: [{ kind: '500', rate: 0.5, seed: 'given', injected: 0 }],
		});
		await sandbox.close();
	});

	test('npm run sandbox takes it as --fault-seed', () => {
		expect(parseArgs(['--fault-seed', 'night-run']).faultSeed).toBe('night-run');
	});
});
