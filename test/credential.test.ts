import { CoupontoolsApi } from '../credentials/CoupontoolsApi.credentials';
import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { testCredential } from './harness/credentialTest';
import {
	credentialsFor,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	useSandbox,
} from './harness/sandbox';

describe('credential test (the "Test" button)', () => {
	const sandbox = useSandbox();

	test('correct keys: connection successful, via the cheap campaign list', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.current.requests).toHaveLength(1);
		const [request] = sandbox.current.requests;
		expect({ method: request.method, path: request.path, body: request.body }).toEqual({
			method: 'POST',
			path: '/v3/coupon/list',
			body: { only_active: true },
		});
		expect(request.headers).toMatchObject({
			'x-client-id': SANDBOX_CLIENT_ID,
			'x-client-secret': SANDBOX_CLIENT_SECRET,
		});
	});

	test('wrong secret: error 1000 arrives with HTTP 200 and still fails the test', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current, { clientSecret: 'wrong' }),
		);
		expect(result).toEqual({ status: 'Error', message: 'Client ID or secret not correct' });
	});

	test('a Base URL with a trailing slash works', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current, { baseUrl: `${sandbox.current.url}/` }),
		);
		expect(result.status).toBe('OK');
		expect(sandbox.current.requests[0].path).toBe('/v3/coupon/list');
	});

	test('nothing at the Base URL: the test fails', async () => {
		const result = await testCredential(
			new CoupontoolsApi(),
			new Coupontools(),
			credentialsFor(sandbox.current, { baseUrl: 'http://127.0.0.1:9' }),
		);
		expect(result.status).toBe('Error');
	});
});
