import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** The parts of n8n's (express) response object used to refuse a delivery. */
interface ResponseLike {
	status(code: number): ResponseLike;
	setHeader(name: string, value: string): unknown;
	json(body: unknown): unknown;
}

export type RefusalStatus = 400 | 401 | 405 | 503;

/**
 * Answers the sender directly and starts nothing. 503 carries Retry-After: the event may be genuine and
 * only could not be checked, so Coupontools should send it again.
 */
export function refuse(
	this: IWebhookFunctions,
	status: RefusalStatus,
	reason: string,
): IWebhookResponseData {
	const response = this.getResponseObject() as unknown as ResponseLike;
	if (status === 405) response.setHeader('Allow', 'POST');
	if (status === 503) response.setHeader('Retry-After', '60');
	response.status(status).json({ received: false, error: reason });
	return { noWebhookResponse: true };
}

/** HTTP 200 with this body (the webhook description's empty responseData makes n8n send it as is). */
export function acknowledge(details: IDataObject): { webhookResponse: IDataObject } {
	return { webhookResponse: { received: true, ...details } };
}
