// @ts-check
'use strict';
/**
 * What only a running n8n shows: the package is loaded as a community package (node and credential
 * types under their real names), and the credential test runs as the editor's "Test" button runs it.
 */

const { loadedTypes } = require('../../scripts/lib/n8n-runtime');
const { e2eContext, authOf, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } = require('./lib/context');

const ctx = e2eContext();
const CREDENTIAL = {
	id: 'coupontoolsSandbox1',
	name: 'Coupontools (sandbox)',
	type: 'coupontoolsApi',
};

describe(`n8n ${ctx.line} with the package installed`, () => {
	beforeEach(async () => {
		await ctx.sandbox.reset();
	});

	test('the server lists both node types and the credential type under the community-package names', async () => {
		const types = await loadedTypes(ctx.baseUrl, ctx.owner.cookie);
		expect(types.nodes).toEqual(
			expect.arrayContaining([
				'n8n-nodes-coupontools.coupontools',
				'n8n-nodes-coupontools.coupontoolsTrigger',
			]),
		);
		expect(types.credentials).toContain('coupontoolsApi');
		// n8n-nodes-base loaded too: the package did not replace or break the built-in nodes.
		expect(types.nodes).toEqual(
			expect.arrayContaining(['n8n-nodes-base.webhook', 'n8n-nodes-base.code']),
		);
	});

	test('credential test (POST /rest/credentials/test, owner session): OK with the sandbox keys', async () => {
		const res = await ctx.rest('POST', '/rest/credentials/test', {
			credentials: {
				...CREDENTIAL,
				data: {
					clientId: SANDBOX_CLIENT_ID,
					clientSecret: SANDBOX_CLIENT_SECRET,
					baseUrl: ctx.sandboxUrl,
				},
			},
		});
		expect(res.status).toBe(200);
		expect(res.json.data.status).toBe('OK');

		const requests = await ctx.sandbox.requests();
		expect(requests.map((r) => ({ method: r.method, path: r.path, body: r.body }))).toEqual([
			{ method: 'POST', path: '/v3/coupon/list', body: { only_active: true } },
		]);
		expect(authOf(requests[0])).toEqual({
			clientId: SANDBOX_CLIENT_ID,
			clientSecret: SANDBOX_CLIENT_SECRET,
		});
	});

	test('credential test: a wrong secret is "Client ID or secret not correct", and the secret is not echoed', async () => {
		const wrong = 'not-the-sandbox-secret';
		const res = await ctx.rest('POST', '/rest/credentials/test', {
			credentials: {
				...CREDENTIAL,
				data: { clientId: SANDBOX_CLIENT_ID, clientSecret: wrong, baseUrl: ctx.sandboxUrl },
			},
		});
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual({
			status: 'Error',
			message:
				'Client ID or secret not correct: copy both again from Integrations → API in the Coupontools dashboard',
		});
		expect(res.text).not.toContain(wrong);

		const requests = await ctx.sandbox.requests();
		expect(requests).toHaveLength(1);
		expect(authOf(requests[0])).toEqual({ clientId: SANDBOX_CLIENT_ID, clientSecret: wrong });
		expect(requests[0].body).toEqual({ only_active: true });
	});

	test('credential test of the stored credential as the editor sends it (secret blanked): n8n fills in the stored secret', async () => {
		// The editor never receives a stored secret; it sends a placeholder and the server merges the stored value.
		const stored = await ctx.rest('GET', `/rest/credentials/${CREDENTIAL.id}?includeData=true`);
		expect(stored.status).toBe(200);
		const data = stored.json.data.data;
		expect(data.clientId).toBe(SANDBOX_CLIENT_ID);
		expect(data.clientSecret).not.toBe(SANDBOX_CLIENT_SECRET);

		const res = await ctx.rest('POST', '/rest/credentials/test', {
			credentials: { ...CREDENTIAL, data },
		});
		expect(res.status).toBe(200);
		expect(res.json.data.status).toBe('OK');
		const [request] = await ctx.sandbox.requests();
		expect(authOf(request)).toEqual({
			clientId: SANDBOX_CLIENT_ID,
			clientSecret: SANDBOX_CLIENT_SECRET,
		});
	});
});
