/**
 * What one item costs n8n's declarative engine in expression evaluations, for the operations people run over
 * thousands of items. RoutingNode reads `node.parameters[property.name]` and resolves it for *every* top-level
 * property of the node on every item, shown or hidden, so a field that shares its name with fields of other
 * operations has its expression evaluated once per namesake. Each evaluation builds a WorkflowDataProxy; in a
 * real n8n that was about 60 µs, a sixth of Send Email's per-item time when `email` and `additionalFields`
 * had 4 and 6 namesakes (BENCHMARKS.md). These fields therefore have names no other property uses.
 *
 * Runs the real engine (WorkflowExecute → RoutingNode) against the sandbox and counts the evaluations n8n makes.
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Coupontools } from '../nodes/Coupontools/Coupontools.node';
import { countingEvaluations } from './harness/expressions';
import { byId, fromList, jsonOf, run, useSandbox } from './harness/sandbox';

interface BatchCase {
	title: string;
	parameters: INodeParameters;
	/** The parameters above that hold an expression. */
	expressions: number;
	items: IDataObject[];
	/** What the sandbox must have received from each item (proves the expressions were resolved per item). */
	received(item: IDataObject): IDataObject;
}

const people: IDataObject[] = [1, 2, 3, 4, 5, 6].map((n) => ({
	email: `person${n}@example.com`,
	first: `Name${n}`,
	phone: `+3247000000${n}`,
}));

const CASES: BatchCase[] = [
	{
		title: 'Distribution → Send Email',
		parameters: {
			resource: 'distribution',
			operation: 'sendEmail',
			campaignOrDirectory: byId('cam_1001'),
			email: '={{ $json.email }}',
			checkUnique: false,
			additionalFields: { firstname: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ email: p.email, firstname: p.first }),
	},
	{
		title: 'Distribution → Send SMS',
		parameters: {
			resource: 'distribution',
			operation: 'sendSms',
			campaignOrDirectory: byId('cam_1002'),
			phone: '={{ $json.phone }}',
			text: '={{ "Hi " + $json.first }}',
		},
		expressions: 2,
		items: people,
		received: (p) => ({ phone: p.phone, body: `Hi ${String(p.first)}` }),
	},
	{
		title: 'Email Group → Add Contact',
		parameters: {
			resource: 'emailGroup',
			operation: 'addContact',
			emailGroup: byId('gro_4501'),
			contactEmail: '={{ $json.email }}',
			emailContactFields: { first_name: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ email: p.email, first_name: p.first }),
	},
	{
		title: 'SMS Group → Add Contact',
		parameters: {
			resource: 'smsGroup',
			operation: 'addContact',
			smsGroup: byId('gro_4002'),
			contactPhone: '={{ $json.phone }}',
			smsContactFields: { first_name: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ phone: p.phone, first_name: p.first }),
	},
	{
		title: 'Single Use → Create',
		parameters: {
			resource: 'singleUse',
			operation: 'create',
			campaign: byId('cam_1001'),
			singleUseFields: { email: '={{ $json.email }}', firstname: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ email: p.email, firstname: p.first }),
	},
	{
		title: 'Directory → Create User',
		parameters: {
			resource: 'directory',
			operation: 'createUser',
			directoryId: fromList('2001'),
			directoryUserEmail: '={{ $json.email }}',
			directoryUserFields: { firstName: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ email: p.email, first_name: p.first }),
	},
	{
		title: 'Loyalty Card → Create User',
		parameters: {
			resource: 'loyaltyCard',
			operation: 'createUser',
			cardUserEmail: '={{ $json.email }}',
			password: 'pw-123456',
			cardUserFields: { firstName: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ email: p.email, first_name: p.first }),
	},
	{
		title: 'Subaccount → Create',
		parameters: {
			resource: 'subaccount',
			operation: 'create',
			subaccountEmail: '={{ $json.email }}',
			subaccountFields: { first_name: '={{ $json.first }}' },
		},
		expressions: 2,
		items: people,
		received: (p) => ({ email: p.email, first_name: p.first }),
	},
];

describe('batch operations: each expression is evaluated at most twice per item', () => {
	const sandbox = useSandbox();

	test.each(CASES.map((c) => [c.title, c]))('%s', async (_title, batch) => {
		const { result, evaluations } = await countingEvaluations(
			async () => await run(sandbox.current, { parameters: batch.parameters, items: batch.items }),
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toHaveLength(batch.items.length);
		const bodies = sandbox.current.requests.map((r) => r.body as IDataObject);
		expect(bodies).toHaveLength(batch.items.length);
		for (const item of batch.items)
			expect(bodies).toContainEqual(expect.objectContaining(batch.received(item)));

		// Twice is the engine's floor: once while it walks the properties, once when the shown field's routing
		// reads it. Plus one for the base URL (`={{ $credentials.baseUrl }}`). A namesake field adds one more each.
		expect(evaluations / batch.items.length).toBeLessThanOrEqual(2 * batch.expressions + 1);
	});

	test('the guard has teeth: a field that shares its name is evaluated once more per namesake', async () => {
		// The same node with one more property named like Add Contact's address field, shown for another operation.
		const nodeType = new Coupontools();
		const contactEmail = nodeType.description.properties.find(
			(p) => p.name === 'contactEmail',
		) as INodeProperties;
		nodeType.description = {
			...nodeType.description,
			properties: [
				...nodeType.description.properties,
				{
					...contactEmail,
					displayOptions: { show: { resource: ['smsGroup'], operation: ['addContact'] } },
				},
			],
		};
		const parameters = {
			resource: 'emailGroup',
			operation: 'addContact',
			emailGroup: byId('gro_4501'),
			contactEmail: '={{ $json.email }}',
		};
		const alone = await countingEvaluations(
			async () => await run(sandbox.current, { parameters, items: people }),
		);
		const withNamesake = await countingEvaluations(
			async () => await run(sandbox.current, { parameters, items: people, nodeType }),
		);
		expect(withNamesake.result.error).toBeUndefined();
		expect(withNamesake.evaluations - alone.evaluations).toBe(people.length);
	});
});
