/**
 * The names n8n's node panel ("+") shows for this package, and the texts around them. n8n builds the
 * entries from the node descriptions (n8n's editor, useActionsGenerator): an operation's `action`, and for
 * a trigger each option of its Events field, named by the option's `action` or else "On <name in lower
 * case>". It lists the Coupontools node and the Coupontools Trigger under one entry (the trigger's name
 * without "Trigger" is the node's name) and copies the trigger's description onto that entry; the Polling
 * Trigger has an entry of its own.
 */
import type { INode, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { CoupontoolsApi } from '../credentials/CoupontoolsApi.credentials';
import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { CoupontoolsPollTrigger } from '../nodes/CoupontoolsPollTrigger/CoupontoolsPollTrigger.node';
import { CoupontoolsTrigger } from '../nodes/CoupontoolsTrigger/CoupontoolsTrigger.node';
import { singleNodeWorkflow } from './harness/workflow';

const action = new Coupontools().description;
const webhook = new CoupontoolsTrigger().description;
const polling = new CoupontoolsPollTrigger().description;

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

/** Every operation's panel name, per resource, in the order the panel lists them. */
function operationActions(): Record<string, string[]> {
	const resources = optionsOf(action.properties.find((p) => p.name === 'resource'));
	return Object.fromEntries(
		resources.map((resource) => [
			resource.name,
			optionsOf(
				action.properties.find(
					(p) =>
						p.name === 'operation' &&
						p.displayOptions?.show?.resource?.includes(resource.value as string),
				),
			).map((operation) => String(operation.action)),
		]),
	);
}

/** A trigger's panel names, as n8n makes them: `action`, else "On " + the option's name in lower case. */
function triggerActions(description: typeof webhook): string[] {
	const events = description.properties.find((p) => p.displayName === 'Events');
	return optionsOf(events)
		.filter((option) => !['*', '', ' '].includes(option.name))
		.map((option) => option.action ?? `On ${option.name.toLowerCase()}`);
}

const allActions = () => [
	...Object.values(operationActions()).flat(),
	...triggerActions(webhook),
	...triggerActions(polling),
];

/** Compounds that take a hyphen, as the unhyphenated spellings a name must not use. */
const UNHYPHENATED = [
	/\bsingle sign on\b/i,
	/\bsign on (link|token)\b/i,
	/\bsingle use\b/i,
	/\bthird level\b/i,
	/\be mail\b/i,
	/\bre send\b/i,
];
/** Words that keep their capitals inside a sentence-case name. */
const PROPER = new Set(['SMS', 'URL', 'API', 'Coupontools']);

describe('action names in the node panel', () => {
	test('every name, per resource, in the order the panel lists them', () => {
		expect(operationActions()).toEqual({
			Account: ['Create a login link for the account', 'Create a login link for a teammate'],
			Campaign: ['Get a campaign', 'Get many campaigns', 'Get usage data of a campaign'],
			Category: ['Get many categories', 'Get many third-level categories'],
			'Coupon Session': [
				'Get a coupon session',
				'Search coupon sessions',
				'Send a push notification to a coupon session',
				'Send a push notification to all wallet passes of a campaign',
				'Update a coupon session (claim, validate or void)',
				'Update many coupon sessions (claim, validate or void)',
			],
			Directory: [
				'Block a directory user',
				'Create a directory user',
				'Create a login token for a directory user',
				'Get a directory',
				'Get campaigns of a directory',
				'Get many directories',
				'Get registered users of a directory',
				'Get a directory user',
				'Give a directory user paid access',
				'Revoke paid access from a directory user',
				'Unblock a directory user',
				'Update the payment status of a directory user',
			],
			Distribution: ['Send a coupon by email', 'Send a coupon by SMS'],
			'Email Group': [
				'Add a contact to an email group',
				'Create an email group',
				'Get contacts of an email group',
				'Get many email groups',
			],
			'Loyalty Card': [
				'Add many users to a loyalty card',
				'Add a user to a loyalty card',
				'Copy a loyalty card',
				'Create a loyalty user with a password',
				'Get a loyalty card',
				'Get many loyalty cards',
				'Get many users of a loyalty card',
				'Get many users of a loyalty card from the v3 API',
				'Get a user of a loyalty card',
				'Link a user to a loyalty card',
				'Search users of a loyalty card by name, email or phone',
				'Send a push notification to a user of a loyalty card',
				'Send a push notification to all users of a loyalty card',
				'Update a user of a loyalty card (points, stamps or void)',
			],
			'Single Use': [
				'Create a single-use coupon link',
				'Create many single-use coupon links',
				'Delete a single-use coupon link',
			],
			'SMS Group': [
				'Add a contact to an SMS group',
				'Create an SMS group',
				'Get contacts of an SMS group',
				'Get many SMS groups',
			],
			Subaccount: [
				'Create a subaccount',
				'Create a login link for a subaccount',
				'Create a password reset link for a subaccount',
				'Get a subaccount',
				'Get many subaccounts',
				'Update a subaccount',
			],
			'Webhook Event': ['Verify a webhook event'],
		});
	});

	test('no two entries share a name, the triggers included', () => {
		const names = allActions();
		const repeated = names.filter((name, i) => names.indexOf(name) !== i);
		expect(repeated).toEqual([]);
	});

	test.each(allActions().map((name) => [name]))(
		'"%s": at most 60 characters, hyphenated compounds, sentence case',
		(name) => {
			expect(name.length).toBeLessThanOrEqual(60);
			expect(UNHYPHENATED.filter((pattern) => pattern.test(name))).toEqual([]);
			// n8n's sentence case: capital first letter, lower case after it except proper nouns (SMS, API, …).
			expect(name).toMatch(/^[A-Z]/);
			const capitalised = name
				.slice(1)
				.split(/[\s,()]+/)
				.filter((word) => /[A-Z]/.test(word) && !PROPER.has(word));
			expect(capitalised).toEqual([]);
		},
	);

	test('the same word for the same idea: "all", never "every"; "link", never "URL"', () => {
		for (const name of allActions()) {
			expect({ name, every: /\bevery\b/i.test(name) }).toEqual({ name, every: false });
			expect({ name, url: /\burl\b/i.test(name) && !/public URL/.test(name) }).toEqual({
				name,
				url: false,
			});
		}
	});

	test('the operations of one intention are told apart: the three lists of loyalty card users', () => {
		const loyalty = operationActions()['Loyalty Card'];
		const lists = loyalty.filter((name) => /^(Get|Search) .*users of a loyalty card/.test(name));
		expect(lists).toEqual([
			'Get many users of a loyalty card',
			'Get many users of a loyalty card from the v3 API',
			'Search users of a loyalty card by name, email or phone',
		]);
	});
});

describe('the two triggers in the node panel', () => {
	test("the webhook trigger's events say they are instant and need a public URL", () => {
		expect(triggerActions(webhook)).toEqual([
			'On any event (instant, needs a public URL)',
			'On coupon claimed (instant, needs a public URL)',
			'On coupon created (instant, needs a public URL)',
			'On coupon removed (instant, needs a public URL)',
			'On coupon updated (instant, needs a public URL)',
			'On coupon validated (instant, needs a public URL)',
		]);
	});

	test("the polling trigger's events say they are checked on a schedule", () => {
		expect(triggerActions(polling)).toEqual([
			'On coupon claimed (checked on a schedule)',
			'On coupon opened (checked on a schedule)',
			'On coupon validated (checked on a schedule)',
			'On directory user registered (checked on a schedule)',
		]);
	});

	test('the entry grouping the node and the webhook trigger describes the whole app', () => {
		// n8n shows the trigger's description on the grouped entry, above the actions.
		expect(webhook.name.replace('Trigger', '')).toBe(action.name);
		expect(webhook.description).toBe(
			'Send coupons, manage campaigns, loyalty cards and directories, and start workflows on Coupontools events',
		);
		expect(polling.description).toBe(
			'Checks Coupontools on a schedule for coupons opened, claimed or validated and new directory users; no public URL needed',
		);
	});
});

describe('the polling trigger panel', () => {
	const fields = polling.properties;
	const options = fields.find((p) => p.name === 'options')?.options as INodeProperties[];
	const option = (name: string) => options.find((p) => p.name === name);

	test('its first line is an info box, not a warning', () => {
		expect(fields[0]).toMatchObject({ name: 'pollingNotice', type: 'callout' });
		expect(fields[0].displayName).toBe(
			'Checks Coupontools for new events at the Poll Times above. To get each event the moment it happens, use the Coupontools Trigger instead (it needs a public URL).',
		);
		expect(fields.filter((p) => p.type === 'notice')).toEqual([]);
	});

	test('every choice of every list has a description', () => {
		for (const field of fields.filter((p) => p.type === 'options' || p.type === 'multiOptions'))
			for (const choice of optionsOf(field))
				expect({ field: field.name, choice: choice.name, described: !!choice.description }).toEqual(
					{ field: field.name, choice: choice.name, described: true },
				);
	});

	test("Start From is read in the workflow's time zone, and empty means from publishing on", () => {
		const text = option('startFrom')?.description ?? '';
		expect(text).toMatch(/in the workflow's time zone/);
		expect(text).toMatch(/Leave it empty to start only for events that happen after publishing/);
		expect(text).not.toMatch(/UTC/);
	});

	test('Max Requests per Poll says in plain words what the default allows every minute', () => {
		const field = option('maxRequestsPerPoll');
		expect(field?.default).toBe(100);
		expect(field?.description).toMatch(
			/^How many requests one check may send to Coupontools: one per watched campaign and event/,
		);
		expect(field?.description).toMatch(
			/The default 100, with the default Poll Times \(every minute\), checks 33 campaigns for all three coupon events, or 99 for one event, each minute/,
		);
		expect(field?.description).not.toMatch(/upper bound|calls/i);
	});
});

describe('canvas subtitles name the events as the Events list does', () => {
	const subtitleOf = (nodeType: INodeType, events: string[]) => {
		const node: INode = {
			id: 'n',
			name: 'Trigger',
			type: nodeType.description.name,
			typeVersion: 1,
			position: [0, 0],
			parameters: { events },
		};
		const workflow = singleNodeWorkflow({ node, nodeType });
		// The editor resolves the subtitle like this (n8n's useNodeHelpers.getNodeSubtitle).
		return workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle as string,
			'internal',
			{},
		);
	};

	test('polling trigger', () => {
		expect(
			subtitleOf(new CoupontoolsPollTrigger(), ['coupon_validated', 'directory_user_registered']),
		).toBe('Coupon Validated, Directory User Registered');
	});

	test('webhook trigger', () => {
		expect(subtitleOf(new CoupontoolsTrigger(), ['coupon_claimed', 'coupon_validated'])).toBe(
			'Coupon Claimed, Coupon Validated',
		);
		expect(subtitleOf(new CoupontoolsTrigger(), ['*'])).toBe('All Events');
	});
});

describe('credential placeholders', () => {
	test('show an example of the value; the descriptions say where to find it', () => {
		for (const field of new CoupontoolsApi().properties) {
			expect({ field: field.name, placeholder: field.placeholder }).toEqual({
				field: field.name,
				placeholder: expect.stringMatching(/^e\.g\. \S+$/),
			});
		}
	});
});
