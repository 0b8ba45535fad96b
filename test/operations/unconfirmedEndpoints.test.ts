import type { INodeParameters } from 'n8n-workflow';

import { byId, credentialsFor, run, useSandbox } from '../harness/sandbox';

// The email tool's calls beyond grouplist are inferred from the SMS tool (README, "Endpoints not confirmed
// by public documentation"). A 404 for them must say that the endpoint itself may be wrong. The sandbox
// answers 404 for every path under an unknown prefix, so a Base URL with a path plays that answer.
describe('a 404 from an inferred endpoint says the endpoint is not confirmed', () => {
	const sandbox = useSandbox();
	const nowhere = () =>
		credentialsFor(sandbox.current, { baseUrl: `${sandbox.current.url}/nowhere` });
	const emailGroup = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'emailGroup',
		operation,
		...extra,
	});

	test.each([
		['Create', emailGroup('create', { groupName: 'Leads 2027' })],
		['Get Contacts', emailGroup('getContacts', { emailGroup: byId('gro_4501'), returnAll: true })],
		[
			'Add Contact',
			emailGroup('addContact', { emailGroup: byId('gro_4501'), contactEmail: 'new@example.com' }),
		],
	])('Email Group → %s', async (_title, parameters) => {
		const result = await run(sandbox.current, { parameters, credentials: nowhere() });
		expect(result.error?.message).toMatch(
			/^Coupontools does not know this endpoint, which its public documentation does not confirm \(HTTP 404\)/,
		);
		expect(result.error?.description).toMatch(/Endpoints not confirmed by public documentation/);
		expect(sandbox.current.requests[0].path).toMatch(/^\/nowhere\/v3\/emailtool\//);
	});

	test('the documented Email Group → Get Many keeps the Base URL advice', async () => {
		const result = await run(sandbox.current, {
			parameters: emailGroup('getAll', { returnAll: true }),
			credentials: nowhere(),
		});
		expect(result.error?.message).toMatch(/^Coupontools does not know this endpoint \(/);
		expect(result.error?.description).toMatch(/Base URL/);
	});
});
