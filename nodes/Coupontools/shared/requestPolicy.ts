import type { IDataObject } from 'n8n-workflow';

import type { BatchPolicy } from './batch';
import type { PageLocation } from './pagination';
import type { ValidationPolicy } from './validation';

/**
 * What one operation declares about its calls, next to its method and path:
 * `routing: { request, operations: { pagination: requestLoop({ ... }) }, output }`.
 */
export interface RequestPolicy extends ValidationPolicy {
	/**
	 * Whether a call may be repeated after a fault that may have acted (500, 502, 504, a cut-off answer,
	 * a reset, a timeout): true for reads, false (the default) for writes, or a function of the body for
	 * writes Coupontools de-duplicates itself (Send Email with check_unique, Single Use Create with
	 * duplicate_check). Faults where Coupontools certainly did nothing (429, 503, connection refused) are
	 * always repeated.
	 */
	repeatable?: boolean | ((body: IDataObject) => boolean);
	/** Where the API's `page` parameter goes when Return All is on; absent for lists answered in one piece. */
	pages?: PageLocation;
	/**
	 * A GET of a v4 REST list (/v4/…) by this operation is read whole, following its pages when the
	 * answers carry them (v4Pages.ts); Limit stops early. Its output steps see the records as one list.
	 */
	v4List?: boolean;
	/**
	 * One call per entry of this body parameter (a list, or text separated by commas, spaces or new lines),
	 * each with its own result; one failure does not stop the others. Only Coupon Session → Update Many.
	 */
	perEntry?: { param: string; label: string; whenEmpty: string };
	/**
	 * Input items become bulk calls: each item's body is one record of the list `param`, `size` records
	 * per call, and each item gets its own entry of the answer (batch.ts). Only Loyalty Card → Add Many Users.
	 */
	batch?: BatchPolicy;
	/**
	 * The endpoint is inferred, not in the public docs (README.md, "Endpoints not confirmed by public
	 * documentation"): a 404 then says so, instead of blaming the credential's Base URL.
	 */
	unconfirmed?: boolean;
}
