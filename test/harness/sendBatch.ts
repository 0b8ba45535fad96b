import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from './sandbox';
import { byId } from './sandbox';

/**
 * A Send Email batch, the throttling tests' workload (test/throttling.test.ts, test/maxWait.test.ts):
 * one distinct address per item, Check Unique on, the node's Rate Limits setting if given.
 */
export const sendEmail = (rateLimits?: INodeParameters): INodeParameters => ({
	resource: 'distribution',
	operation: 'sendEmail',
	campaignOrDirectory: byId('cam_1004'),
	email: '={{ $json.email }}',
	checkUnique: true,
	...(rateLimits ? { rateLimits } : {}),
});

export const addresses = (count: number, tag: string): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({ email: `${tag}${i}@example.com` }));

/** How many accepted sends each address got. */
export function deliveriesOf(sandbox: Sandbox, items: IDataObject[]): number[] {
	const sent = sandbox.state.emailsSent as Record<string, unknown[]>;
	return items.map(({ email }) => sent[String(email)]?.length ?? 0);
}
