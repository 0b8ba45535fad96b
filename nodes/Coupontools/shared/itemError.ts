import type { IExecutePaginationFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { transportError } from './errors';
import { RunCancelledError, WaitBudgetExceededError } from './limiter';
import type { RequestPolicy } from './requestPolicy';

/** A 404 of an inferred endpoint: the endpoint itself may be wrong, which the user should know first. */
export function unconfirmedEndpoint(
	this: IExecutePaginationFunctions,
	error: NodeApiError | NodeOperationError,
	policy: RequestPolicy,
): NodeApiError | NodeOperationError {
	if (!policy.unconfirmed || !(error instanceof NodeApiError) || error.httpCode !== '404')
		return error;
	return new NodeApiError(
		this.getNode(),
		{ message: error.message },
		{
			message:
				'Coupontools does not know this endpoint, which its public documentation does not confirm (HTTP 404)',
			description:
				'This operation\'s path is inferred from similar documented calls (README, "Endpoints not confirmed by public documentation"): Coupontools may name it differently. If the Base URL of the credential is right (https://api.coupontools.com, without a path), tell the maintainers which call your account answers.',
			httpCode: '404',
			itemIndex: this.getItemIndex(),
		},
	);
}

/**
 * Our errors pass through; the limiter's budget error becomes this item's error; anything else
 * is worded as a transport fault, without the request it carries.
 */
export function asNodeError(
	this: IExecutePaginationFunctions,
	caught: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (caught instanceof NodeOperationError || caught instanceof NodeApiError) return caught;
	if (caught instanceof RunCancelledError)
		return new NodeApiError(this.getNode(), {} as JsonObject, {
			message: caught.message,
			itemIndex,
		});
	// The run's limiter stopped waiting out refusals: this item's error says how many were not sent and
	// how to send only the rest (limiter/budget.ts). A NodeApiError without HTTP code or API words, because n8n's
	// declarative engine wraps any other error class in one with the code "none" (n8n-core routing-node.ts).
	if (caught instanceof WaitBudgetExceededError) {
		// Nothing answered at all (connection refused): that is the headline a user can act on (a wrong
		// Base URL, Coupontools down); the waiting and the rerun advice follow in the description.
		const last = caught.cause;
		const unreachable = last instanceof NodeApiError && !last.httpCode;
		return new NodeApiError(this.getNode(), {} as JsonObject, {
			message: unreachable ? last.message : caught.message,
			description: unreachable
				? `${caught.message} ${last.description ?? ''}`.trim()
				: caught.description,
			itemIndex,
		});
	}
	return transportError(this.getNode(), caught, itemIndex);
}
