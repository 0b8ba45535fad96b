import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, run, useSandbox } from './harness/sandbox';

/**
 * The bad-input corpus: each case gets a clear error naming the field and the fix, either before the
 * request (the rule is certain: `sent: false`) or from the API's own code (`sent: true`). Never a crash,
 * never a silent success.
 */
interface BadInput {
	title: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	message: RegExp;
	/** Whether a request reached Coupontools. */
	sent: boolean;
	/**
	 * The error's description when it is not the rule's: an unsent item names its field and says nothing
	 * was sent; a sent one gives Coupontools' own words.
	 */
	description?: string;
}

const email = (value: unknown): INodeParameters => ({
	resource: 'distribution',
	operation: 'sendEmail',
	campaignOrDirectory: byId('cam_1001'),
	email: value as string,
	checkUnique: true,
});
const sms = (phone: string): INodeParameters => ({
	resource: 'distribution',
	operation: 'sendSms',
	campaignOrDirectory: byId('cam_1001'),
	phone,
});
const getCampaign = (value: string): INodeParameters => ({
	resource: 'campaign',
	operation: 'get',
	campaign: byId(value),
});
const session = (code: string): INodeParameters => ({
	resource: 'couponSession',
	operation: 'get',
	couponsession: code,
});
const createMany = (extra: INodeParameters): INodeParameters => ({
	resource: 'singleUse',
	operation: 'createMany',
	campaign: byId('cam_1004'),
	amount: 5,
	status: 'normal',
	automatedCodes: false,
	...extra,
});
const usage = (filters: INodeParameters): INodeParameters => ({
	resource: 'campaign',
	operation: 'getUsageData',
	campaign: byId('cam_1001'),
	sessions: 'all',
	returnAll: true,
	filters,
});
const singleUse = (singleUseFields: INodeParameters): INodeParameters => ({
	resource: 'singleUse',
	operation: 'create',
	campaign: byId('cam_1004'),
	singleUseFields,
});

const cases: BadInput[] = [
	// Email
	{
		title: 'email without @',
		parameters: email('not-an-email'),
		message: /^Email "not-an-email" is not an email address: it must look like name@example\.com/,
		sent: false,
	},
	{
		title: 'email without a domain dot',
		parameters: email('jane@example'),
		message: /^Email "jane@example" is not an email address/,
		sent: false,
	},
	{
		title: 'email with a space',
		parameters: email('jane doe@example.com'),
		message: /^Email "jane doe@example\.com" is not an email address/,
		sent: false,
	},
	{
		title: 'email expression resolving to empty',
		parameters: email('={{ $json.missing ?? "" }}'),
		message: /^Email is empty\. Map it to the recipient's address/,
		sent: false,
	},
	{
		title: 'email expression resolving to an object',
		parameters: email('={{ $json.contact }}'),
		items: [{ contact: { email: 'a@example.com' } }],
		message: /^Email resolved to an object, not a single value\. Point the expression at one field/,
		sent: false,
	},
	{
		title: 'email expression resolving to a list',
		parameters: email('={{ $json.emails }}'),
		items: [{ emails: ['a@example.com', 'b@example.com'] }],
		message: /^Email resolved to a list, not a single value/,
		sent: false,
	},
	{
		title: 'very long email (300 characters)',
		parameters: email(`${'a'.repeat(290)}@example`),
		message: /^Email ".{57}…" is not an email address/,
		sent: false,
	},
	{
		title: 'email refused by the provider (API 604)',
		parameters: email('someone@bounce.example'),
		message: /could not send the email \(Coupontools code 604\)/,
		sent: true,
	},
	// Campaign IDs
	{
		title: 'campaign ID with a space (expression)',
		parameters: getCampaign('={{ "cam_12 34" }}'),
		message:
			/^Campaign "cam_12 34" is not a valid ID\. It must start with cam_ followed by letters or digits, e\.g\. cam_12345/,
		sent: false,
	},
	{
		title: 'campaign ID without prefix (expression)',
		parameters: getCampaign('={{ "12345" }}'),
		message: /^Campaign "12345" is not a valid ID\. It must start with cam_/,
		sent: false,
	},
	{
		title: 'directory ID where only campaigns are allowed',
		parameters: getCampaign('={{ "dir_2001" }}'),
		message: /^Campaign "dir_2001" is not a valid ID\. It must start with cam_ /,
		sent: false,
	},
	{
		title: 'campaign ID empty (expression)',
		parameters: getCampaign('={{ "" }}'),
		message: /^Campaign is empty\. Pick one from the list, or enter an ID such as cam_12345/,
		sent: false,
	},
	{
		title: 'campaign ID with full-width unicode digits',
		parameters: getCampaign('={{ "cam_１２３" }}'),
		message: /^Campaign "cam_１２３" is not a valid ID/,
		sent: false,
	},
	{
		title: 'campaign ID with an emoji',
		parameters: email('a@example.com') && {
			...email('a@example.com'),
			campaignOrDirectory: byId('={{ "cam_🎁" }}'),
		},
		message: /^Campaign "cam_🎁" is not a valid ID\. It must start with cam_ or dir_/,
		sent: false,
	},
	{
		title: 'unknown campaign (API 502)',
		parameters: getCampaign('cam_99999'),
		message: /Campaign or directory not found \(Coupontools code 502\)/,
		sent: true,
	},
	// Session codes
	{
		title: 'session code with a dash',
		parameters: session('abc-123'),
		message:
			/^Coupon Session "abc-123" is not a session code: it may contain only letters and digits/,
		sent: false,
	},
	{
		title: 'session code with a URL pasted in',
		parameters: session('https://digicpn.com/p/vuhykb/abc'),
		message: /^Coupon Session "https:\/\/digicpn\.com\/p\/vuhykb\/abc" is not a session code/,
		sent: false,
	},
	{
		title: 'session code empty (expression)',
		parameters: session('={{ "" }}'),
		message: /^Coupon Session is empty\. Enter the session code/,
		sent: false,
	},
	{
		title: 'session code of 500 characters (API 505)',
		parameters: session('a'.repeat(500)),
		message: /Coupon session or loyalty card not found \(Coupontools code 505\)/,
		sent: true,
	},
	{
		title: 'Update Many with no codes',
		parameters: {
			resource: 'couponSession',
			operation: 'updateMany',
			sessionCodes: '={{ " , " }}',
			sessionAction: 'claimed',
		},
		message: /^Session Codes is empty/,
		sent: false,
		description:
			'Enter at least one coupon session code, separated by commas or new lines, or map a list with an expression.',
	},
	// Phones
	{
		title: 'national phone number',
		parameters: sms('0470123456'),
		message: /^Phone "0470123456" is not in E\.164 format: write \+ then the country code/,
		sent: false,
	},
	{
		title: 'phone with spaces',
		parameters: sms('+32 470 12 34 56'),
		message: /^Phone "\+32 470 12 34 56" is not in E\.164 format/,
		sent: false,
	},
	{
		title: 'phone with a leading 0 after +',
		parameters: sms('+0470123456'),
		message: /^Phone "\+0470123456" is not in E\.164 format/,
		sent: false,
	},
	{
		title: 'phone empty (expression)',
		parameters: sms('={{ "" }}'),
		message: /^Phone is empty\. Enter a phone number in E\.164 format/,
		sent: false,
	},
	{
		title: 'phone with letters',
		parameters: sms('+32ABC123456'),
		message: /^Phone "\+32ABC123456" is not in E\.164 format/,
		sent: false,
	},
	// Amounts
	{
		title: 'amount 0',
		parameters: createMany({ amount: 0 }),
		message: /^Amount must be a whole number from 1 to 100000 \(got 0\)/,
		sent: false,
	},
	{
		title: 'amount negative',
		parameters: createMany({ amount: -5 }),
		message: /^Amount must be a whole number from 1 to 100000 \(got -5\)/,
		sent: false,
	},
	{
		title: 'amount over 100,000',
		parameters: createMany({ amount: 100001 }),
		message: /^Amount must be a whole number from 1 to 100000 \(got 100001\)/,
		sent: false,
	},
	{
		title: 'amount with decimals',
		parameters: createMany({ amount: 2.5 }),
		message: /^Amount must be a whole number from 1 to 100000 \(got 2\.5\)/,
		sent: false,
	},
	{
		title: 'amount as words (expression)',
		parameters: createMany({ amount: '={{ "ten" }}' }),
		message: /^Amount must be a whole number from 1 to 100000 \(got ten\)/,
		sent: false,
	},
	{
		title: 'code length 9',
		parameters: createMany({
			automatedCodes: true,
			codePrefix: 'X',
			codeLength: 9,
			codeType: 'numeric',
		}),
		message: /^Code Length must be a whole number from 10 to 25 \(got 9\)/,
		sent: false,
	},
	{
		title: 'code length 26',
		parameters: createMany({
			automatedCodes: true,
			codePrefix: 'X',
			codeLength: 26,
			codeType: 'numeric',
		}),
		message: /^Code Length must be a whole number from 10 to 25 \(got 26\)/,
		sent: false,
	},
	{
		title: 'automated codes with an empty prefix (API 200)',
		parameters: createMany({
			automatedCodes: true,
			codePrefix: '={{ "" }}',
			codeLength: 12,
			codeType: 'numeric',
		}),
		message: /required field is missing \(Coupontools code 200\)/,
		sent: true,
	},
	// Dates
	{
		title: 'start date as words',
		parameters: usage({ startDate: '={{ "yesterday" }}' }),
		message:
			/^Start Date "yesterday" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm \(UTC\)/,
		sent: false,
	},
	{
		title: 'start date 30 February',
		parameters: usage({ startDate: '={{ "2025-02-30" }}' }),
		message: /^Start Date "2025-02-30 00:00" is not a date/,
		sent: false,
	},
	{
		title: 'end date month 13',
		parameters: usage({ endDate: '={{ "2025-13-01" }}' }),
		message: /^End Date "2025-13-01 00:00" is not a date/,
		sent: false,
	},
	{
		title: 'expiry date in day/month/year',
		parameters: singleUse({ expiryDate: '={{ "31/12/2026" }}' }),
		message: /^Expiry Date "31\/12\/2026" is not a date in the format yyyy-MM-dd/,
		sent: false,
	},
	{
		title: 'expiry date as words',
		parameters: singleUse({ expiryDate: '={{ "next week" }}' }),
		message: /^Expiry Date "next week" is not a date/,
		sent: false,
	},
	// Other fields the API rules on
	{
		title: 'custom ID over 50 characters (API 300)',
		parameters: singleUse({ customid: 'x'.repeat(51) }),
		message: /Coupontools rejected a value \(Coupontools code 300\)/,
		sent: true,
	},
	{
		title: 'custom field over 50 characters, unicode (API 300)',
		parameters: singleUse({ customfield1: 'ü'.repeat(60) }),
		message: /Coupontools rejected a value \(Coupontools code 300\)/,
		sent: true,
	},
	{
		title: 'auto validation code together with a custom one (API 300)',
		parameters: singleUse({ autovalcode: '6digits', customvalcode: 'MINE-1' }),
		message: /Coupontools rejected a value \(Coupontools code 300\)/,
		sent: true,
	},
	{
		title: 'single-use email invalid',
		parameters: singleUse({ email: 'x@' }),
		message: /^Email "x@" is not an email address/,
		sent: false,
	},
	{
		title: 'search text empty (API 200)',
		parameters: { resource: 'couponSession', operation: 'search', search: '={{ "" }}' },
		message: /required field is missing \(Coupontools code 200\).*/,
		sent: true,
	},
	{
		title: 'push message empty (API 200)',
		parameters: {
			resource: 'couponSession',
			operation: 'sendPushToAll',
			campaign: byId('cam_1001'),
			message: '={{ "" }}',
		},
		message: /required field is missing \(Coupontools code 200\)/,
		sent: true,
	},
	{
		title: 'validate a voided session (API 300)',
		parameters: {
			resource: 'couponSession',
			operation: 'update',
			couponsession: 'qgji453wqvua871wao5xv',
			sessionAction: 'validated',
		},
		message: /\(Coupontools code 300\)/,
		sent: true,
	},
];

describe('bad input corpus: clear errors naming the field and the fix', () => {
	const sandbox = useSandbox();

	test('has at least 40 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
	});

	test.each(cases)('$title', async ({ parameters, items, message, sent, description }) => {
		const result = await run(sandbox.current, { parameters, items });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(message);
		if (description !== undefined) expect(result.error?.description).toBe(description);
		else if (sent) expect(result.error?.description).toMatch(/^Coupontools says: \S/);
		else {
			// The field the message starts with, and the fix: nothing left for Coupontools.
			const field = /^Fix the (.+) field for item 0; nothing was sent to Coupontools\.$/.exec(
				String(result.error?.description),
			)?.[1];
			expect({ field, message: result.error?.message.startsWith(`${field} `) }).toEqual({
				field: expect.any(String),
				message: true,
			});
		}
		expect(sandbox.current.requests.length > 0).toBe(sent);
	});

	test('with Continue On Fail each bad item becomes one error item, the good ones still go out', async () => {
		const result = await run(sandbox.current, {
			parameters: email('={{ $json.to }}'),
			items: [
				{ to: 'good1@example.com' },
				{ to: 'bad' },
				{ to: { nested: true } },
				{ to: '' },
				{ to: 'good2@example.com' },
			],
			onError: 'continueRegularOutput',
		});
		expect(
			result.items.map((item) => [
				item.pairedItem,
				item.json.sent ?? false,
				Boolean(item.json.error),
			]),
		).toEqual([
			[{ item: 0 }, true, false],
			[{ item: 1 }, false, true],
			[{ item: 2 }, false, true],
			[{ item: 3 }, false, true],
			[{ item: 4 }, true, false],
		]);
	});
});

describe('a date that is not one names the zone its node version reads it in (README "Dates and output format")', () => {
	const sandbox = useSandbox();
	const paidAccess = (expiresAt: string): INodeParameters => ({
		resource: 'directory',
		operation: 'givePaidAccess',
		directoryId: byId('2001'),
		userId: '8002',
		options: { expiresAt },
	});
	const inWorkflowZone =
		"in the workflow's time zone (Europe/Brussels), or one with its own offset such as 2026-11-01T08:00:00+01:00.";
	const cases: Array<[string, INodeParameters, string, string]> = [
		[
			'Start Date',
			usage({ startDate: '={{ "yesterday" }}' }),
			`Start Date "yesterday" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm, ${inWorkflowZone}`,
			'Start Date "yesterday" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm (UTC).',
		],
		[
			'End Date',
			usage({ endDate: '={{ "2025-13-01" }}' }),
			`End Date "2025-13-01" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm, ${inWorkflowZone}`,
			'End Date "2025-13-01 00:00" is not a date in the format yyyy-MM-dd or yyyy-MM-dd HH:mm (UTC).',
		],
		[
			'Expires At',
			paidAccess('={{ "next week" }}'),
			`Expires At "next week" is not a date in the format yyyy-MM-dd HH:mm:ss, ${inWorkflowZone}`,
			'Expires At "next week" is not a date in the format yyyy-MM-dd HH:mm:ss (UTC).',
		],
	];

	// 1.2 reads a date without a zone in the workflow's time zone; 1 and 1.1 read it as UTC.
	test.each(
		cases.flatMap(([field, parameters, inWorkflowZoneMessage, utcMessage]) =>
			[
				[1.2, inWorkflowZoneMessage],
				[1.1, utcMessage],
				[1, utcMessage],
			].map(([typeVersion, message]) => [field, typeVersion, parameters, message] as const),
		),
	)('%s, version %p', async (_, typeVersion, parameters, message) => {
		const result = await run(sandbox.current, {
			parameters,
			typeVersion: Number(typeVersion),
			timezone: 'Europe/Brussels',
		});
		expect(result.error?.message).toBe(message);
		expect(sandbox.current.requests).toEqual([]);
	});
});
