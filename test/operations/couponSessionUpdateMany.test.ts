/**
 * Coupon Session → Update Many fails a failed code the way every other operation fails an item: the
 * node error (naming the code and the item) unless On Error says otherwise; with Continue, one output
 * item per code, paired to its input item, the failed one carrying `error` (so "Continue (using error
 * output)" routes it to the error branch). Every code is still sent: one failure does not stop the others.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { jsonOf, run, useSandbox } from '../harness/sandbox';

const sandbox = useSandbox();

// Fixture session codes of the default sandbox seed (test/sandbox/README.md).
const CLAIMED = 'kkv53n0eer58xmcj4c0xy';
const FRESH = 'nidglnpgxgnvmlpe0awmu';
const OPENED = 'bjv7no4prumemtn9ybmv9';
const UNKNOWN = 'nosuchsession0000000000';

const parameters = {
	resource: 'couponSession',
	operation: 'updateMany',
	sessionCodes: '={{ $json.codes }}',
	sessionAction: 'claimed',
};
/** Two input items: the second holds the code Coupontools does not know. */
const items = [{ codes: [FRESH] }, { codes: [CLAIMED, UNKNOWN, OPENED] }];

function codesSent(): unknown[] {
	return sandbox.current.requests.map((r) => (r.body as IDataObject).couponsession);
}

describe('Coupon Session → Update Many with one failed code', () => {
	test('On Error → Stop (the default): the node fails, naming the code and its item; every code was sent', async () => {
		const result = await run(sandbox.current, { parameters, items });
		expect(result.error?.message).toMatch(
			new RegExp(`^Session Codes "${UNKNOWN}": .*not found`, 'i'),
		);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/The other 2 codes of item 1 were sent: 2 updated\./);
		expect(codesSent()).toEqual([FRESH, CLAIMED, UNKNOWN, OPENED]);
		expect(result.items).toEqual([]);
	});

	/** An output item as [code, paired input]; n8n keeps only the message of an error item, which names the code. */
	function codeAndPairing(item: INodeExecutionData): [unknown, unknown] {
		const code = item.error
			? /^Session Codes "([^"]+)": /.exec(String(item.json.error))?.[1]
			: item.json.couponsession;
		return [code, item.pairedItem];
	}

	test('On Error → Continue: one item per code, paired to its input, the failed one an error item naming its code', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items,
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map(codeAndPairing)).toEqual([
			[FRESH, { item: 0 }],
			[CLAIMED, { item: 1 }],
			[UNKNOWN, { item: 1 }],
			[OPENED, { item: 1 }],
		]);
		expect(jsonOf(result.items).map((json) => json.success)).toEqual([true, true, undefined, true]);
		const failed = result.items[2];
		expect(failed.json).toEqual({
			error: expect.stringMatching(new RegExp(`^Session Codes "${UNKNOWN}": .*not found`, 'i')),
		});
		expect(failed.error?.message).toBe(failed.json.error);
		expect(failed.error?.description).toMatch(/Check the session code/);
		expect(codesSent()).toEqual([FRESH, CLAIMED, UNKNOWN, OPENED]);
	});

	test('On Error → Continue (using error output): the failed code goes to the error branch, paired', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items,
			onError: 'continueErrorOutput',
		});
		expect(result.items.map(codeAndPairing)).toEqual([
			[FRESH, { item: 0 }],
			[CLAIMED, { item: 1 }],
			[OPENED, { item: 1 }],
		]);
		expect(jsonOf(result.items).every((json) => json.success === true)).toBe(true);
		expect(result.errorItems.map(codeAndPairing)).toEqual([[UNKNOWN, { item: 1 }]]);
		expect(result.errorItems[0].json.error).toMatch(/not found/i);
	});

	test('every code failing: the error counts them and names the first', async () => {
		const result = await run(sandbox.current, {
			parameters,
			items: [{ codes: [UNKNOWN, 'nosuchsession0000000001'] }],
		});
		expect(result.error?.message).toMatch(new RegExp(`^Session Codes "${UNKNOWN}": `));
		expect(result.error?.description).toMatch(
			/The other 1 code of item 0 was sent: 1 failed too \(nosuchsession0000000001\)\./,
		);
		expect(codesSent()).toEqual([UNKNOWN, 'nosuchsession0000000001']);
	});

	test("as an AI agent's tool: the model gets one result per code, the failed one saying why", async () => {
		const result = await run(sandbox.current, {
			parameters,
			items: [{ codes: [FRESH, UNKNOWN] }],
			typeName: 'n8n-nodes-coupontools.coupontoolsTool',
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((json) => [json.couponsession, json.success])).toEqual([
			[FRESH, true],
			[UNKNOWN, false],
		]);
		expect(result.items[1].json.error).toMatch(
			new RegExp(`^Session Codes "${UNKNOWN}": .*not found`, 'i'),
		);
	});
});
