import {
	byId,
	describeOperations,
	fromList,
	operationOf,
	run,
	useSandbox,
} from '../harness/sandbox';

// Teammates of the sandbox account (test/sandbox/routes/account.js): 5101 Eva, 5102 Marc.
const EVA = '5101';

const account = operationOf('account');

describeOperations('Account', [
	{
		title: 'Create Login Link: POST /v3/account/sso with no parameter, the login link unwrapped',
		parameters: account('singleSignOn'),
		request: { method: 'POST', path: '/v3/account/sso', body: {} },
		output(items) {
			expect(items).toEqual([
				{
					token: expect.stringMatching(/^[a-z0-9]{64}$/),
					url: expect.stringMatching(/^https:\/\/app\.coupontools\.com\/sso\?token=/),
					url_whitelabel: expect.stringContaining('/sso?token='),
				},
			]);
		},
	},
	{
		title: 'Create Teammate Login Link: the teammate number, no campaign sent when left empty',
		parameters: account('teammateSingleSignOn', { teammate: EVA }),
		request: { method: 'POST', path: '/v3/teammate/sso', body: { teammate: EVA } },
		output(items) {
			expect(items).toEqual([
				expect.objectContaining({ ID: EVA, token: expect.stringMatching(/^[a-z0-9]{64}$/) }),
			]);
			expect(String(items[0].url)).not.toContain('campaign=');
		},
	},
	{
		title:
			'Create Teammate Login Link with a campaign picked from the list: the link opens it; a mapped number stays a number',
		parameters: account('teammateSingleSignOn', {
			teammate: '={{ 5102 }}',
			teammateCampaign: fromList('cam_1002'),
		}),
		request: {
			method: 'POST',
			path: '/v3/teammate/sso',
			body: { teammate: 5102, campaign: 'cam_1002' },
		},
		output(items) {
			expect(items[0]).toMatchObject({ ID: '5102' });
			expect(String(items[0].url)).toMatch(/&campaign=cam_1002$/);
		},
	},
]);

describe('Account: documented errors and checks before sending', () => {
	const sandbox = useSandbox();

	test.each([
		{
			code: '503 (teammate not found)',
			parameters: account('teammateSingleSignOn', { teammate: '9999' }),
			message: /Teammate not found \(Coupontools (?:error|code) 503\)/,
			description: /Teammate ID not found/,
		},
		{
			code: '502 (campaign not found)',
			parameters: account('teammateSingleSignOn', {
				teammate: EVA,
				teammateCampaign: byId('cam_9999'),
			}),
			message: /Campaign or directory not found \(Coupontools (?:error|code) 502\)/,
			description: /Campaign ID not found/,
		},
	])('$code', async ({ parameters, message, description }) => {
		const result = await run(sandbox.current, { parameters });
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(description);
		expect(sandbox.current.requests).toHaveLength(1);
	});

	test.each([
		['an empty teammate', { teammate: '={{ "" }}' }, /^Teammate ID is empty/],
		['a teammate that is not a number', { teammate: 'eva' }, /^Teammate ID "eva" is not a number/],
		[
			'a campaign without cam_',
			{ teammate: EVA, teammateCampaign: byId('={{ "1001" }}') },
			/^Campaign "1001" is not a valid ID/,
		],
	])('%s is refused before sending', async (_title, extra, message) => {
		const result = await run(sandbox.current, {
			parameters: account('teammateSingleSignOn', extra),
		});
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});
});
