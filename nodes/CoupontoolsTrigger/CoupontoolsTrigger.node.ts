import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { collectionField } from '../Coupontools/shared/fields';
import { handleDelivery } from './delivery';
import { ALL_EVENTS, EVENT_OPTIONS } from './events';
import { POLLING_HINT, SETUP_NOTICE } from './notices';

/** Static-data key of the URL the user was asked to paste into Coupontools. */
const CONFIGURED_URL = 'webhookUrl';

export class CoupontoolsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupontools Trigger',
		name: 'coupontoolsTrigger',
		icon: {
			light: 'file:../../icons/coupontools.svg',
			dark: 'file:../../icons/coupontools.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		// The event names as the Events list shows them ("coupon_validated" → "Coupon Validated").
		subtitle:
			'={{ $parameter["events"].includes("*") ? "All Events" : $parameter["events"].map((event) => event.split("_").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ")).join(", ") }}',
		// n8n's node panel groups this trigger with the Coupontools node under one entry and shows this text
		// on it, so it describes the whole app: the actions and both triggers.
		description:
			'Send coupons, manage campaigns, loyalty cards and directories, and start workflows on Coupontools events',
		defaults: { name: 'Coupontools Trigger' },
		eventTriggerDescription: 'Waiting for Coupontools to call the Test URL',
		activationMessage: 'Coupontools events sent to the Production URL now start this workflow.',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Used to verify every event with Coupontools and to read session data.
		credentials: [{ name: 'coupontoolsApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				// Empty on purpose: n8n then answers with the body webhook() returns ({ received: true, ... }).
				// Left unset, n8n's default would send the literal text "firstEntryJson".
				responseData: '',
			},
		],
		properties: [
			{
				displayName: SETUP_NOTICE,
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: POLLING_HINT,
				name: 'pollingHint',
				// n8n's info box with a dismiss button: a pointer, not a warning like the setup notice.
				type: 'callout',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [ALL_EVENTS],
				options: EVENT_OPTIONS,
				description:
					'Which Coupontools events start the workflow. Other events are answered and ignored.',
			},
			collectionField({
				displayName: 'Options',
				name: 'options',
				options: [
					{
						displayName: 'Include Session Data',
						name: 'includeSessionData',
						type: 'boolean',
						default: false,
						description:
							"Whether to add all data of the event's coupon session (claimed, validated, dates, consumer) to the output, read from Coupontools",
					},
					{
						displayName: 'Verify With Coupontools',
						name: 'verify',
						type: 'boolean',
						default: true,
						description:
							'Whether to ask Coupontools to confirm each event before starting the workflow. Without it, anyone who knows the URL can start the workflow with a made-up event. On unless turned off here.',
					},
				],
			}),
		],
	};

	/**
	 * Coupontools cannot be told the URL by API (coupontools-api.md §6): the user pastes it into the dashboard.
	 * The lifecycle only remembers which URL that is, so a changed URL (new host, test vs production) is
	 * announced again in the log when the workflow is activated.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return (
					this.getWorkflowStaticData('node')[CONFIGURED_URL] === this.getNodeWebhookUrl('default')
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				this.getWorkflowStaticData('node')[CONFIGURED_URL] = url;
				this.logger.info(
					`Coupontools Trigger listens at ${url}: paste this URL into the Coupontools dashboard (it cannot be registered by API).`,
				);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// The IDs of started events stay, so a quick deactivate/activate does not start duplicates.
				delete this.getWorkflowStaticData('node')[CONFIGURED_URL];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this);
	}
}
