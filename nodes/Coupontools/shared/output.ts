import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { normalizeRecord, normalizeRecordInPlace } from './normalize';

/** How one operation's answer becomes output items. Data, declared next to the operation. */
export interface OutputShape {
	/**
	 * Top-level key holding an array: one output item per element (e.g. `coupon_info` of coupon/list).
	 * For lists whose answer shape is not documented, several candidate keys, tried in order; when none
	 * is present, the answer's only array is taken, so an unexpected key never loses the records.
	 */
	list?: string | string[];
	/** Top-level key holding the one object to output (e.g. `coupon_info` of coupon/info). */
	object?: string;
	/** Fields the answer must carry for the call to count as done (e.g. Send Email's `action: "email_sent"`). */
	expect?: Record<string, string>;
	/** What a success without payload becomes (e.g. `{ deleted: true }`). */
	set?: IDataObject;
	/** Fields added to every successful record (e.g. `{ sent: true }`). */
	mark?: IDataObject;
	/**
	 * An answer that is neither the expected confirmation nor an error, but says the API deliberately did
	 * nothing (Send Email with Check Unique to an address that already got the coupon). It becomes an
	 * item marked with `skipped` instead of an error, so batch runs can count it.
	 */
	skip?: { key: string; pattern: RegExp; mark: IDataObject };
}

/**
 * The one postReceive every operation uses: unwrap, then normalise. It sees only successful answers:
 * transport.ts has already turned failures into errors (errors/).
 */
export function coupontoolsOutput(shape: OutputShape = {}): PostReceiveAction {
	return async function coupontoolsResponse(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const body = response.body as IDataObject | IDataObject[];
		if (
			shape.skip &&
			!Array.isArray(body) &&
			shape.skip.pattern.test(String(body[shape.skip.key] ?? ''))
		) {
			const rest = { ...body };
			delete rest.status;
			return [
				{ json: normalizeRecord({ ...shape.skip.mark, ...rest }), pairedItem: { item: itemIndex } },
			];
		}
		if (shape.expect && !Array.isArray(body)) {
			for (const [key, wanted] of Object.entries(shape.expect)) {
				if (body[key] !== wanted) {
					throw new NodeApiError(
						this.getNode(),
						{ action: String(body[key] ?? '') } as JsonObject,
						{
							message: `Coupontools did not confirm the request (expected ${key} "${wanted}", got "${String(body[key] ?? 'nothing')}")`,
							description:
								'Coupontools answered without an error but also without the confirmation it gives when the request is done, so this item is not reported as a success. Check the result in the Coupontools dashboard before retrying.',
							itemIndex,
						},
					);
				}
			}
		}

		// The records are the freshly parsed answer's own, except `set`, a constant of the description.
		const normalize = shape.set && !Array.isArray(body) ? normalizeRecord : normalizeRecordInPlace;
		return recordsOf(body, shape).map((json) => ({
			json: normalize(shape.mark ? { ...shape.mark, ...json } : json),
			pairedItem: { item: itemIndex },
		}));
	};
}

function recordsOf(body: IDataObject | IDataObject[], shape: OutputShape): IDataObject[] {
	if (Array.isArray(body)) return body.map(asRecord);
	if (shape.set) return [shape.set];
	if (shape.list)
		return listRecords(body, typeof shape.list === 'string' ? [shape.list] : shape.list);
	if (shape.object && body[shape.object] && typeof body[shape.object] === 'object') {
		return [asRecord(body[shape.object])];
	}
	// Pass everything through except the envelope (`status: { status: 'OK' }`), so an undocumented shape
	// never loses data; a v4 bare answer's own `status` (a directory's "active") is data and stays.
	const rest = { ...body };
	if (rest.status !== null && typeof rest.status === 'object') delete rest.status;
	return [rest];
}

/**
 * The records of a list answer (also for pickers): the value under the first candidate key present, else
 * (with several candidates) the answer's only top-level array.
 */
export function listRecords(body: IDataObject, keys: string[]): IDataObject[] {
	const key = keys.find((candidate) => body[candidate] !== undefined && body[candidate] !== null);
	const arrays = Object.values(body).filter(Array.isArray);
	const list =
		key !== undefined ? body[key] : keys.length > 1 && arrays.length === 1 ? arrays[0] : undefined;
	if (Array.isArray(list)) return list.map(asRecord);
	if (list && typeof list === 'object') {
		const values = Object.values(list as IDataObject);
		// Some list endpoints answer an object keyed by ID instead of an array; a lone record is one item.
		return values.length && values.every(isObject) ? values.map(asRecord) : [asRecord(list)];
	}
	return [];
}

function isObject(value: unknown): boolean {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asRecord(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as IDataObject[keyof IDataObject] };
}
