import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** An Amount Spent of 0 means "record none": the field is left out of the request. */
export async function omitZeroAmount(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject | undefined;
	if (body && typeof body === 'object' && !body.value) delete body.value;
	return requestOptions;
}

export function sessionCodeField(
	displayOptions: IDisplayOptions,
	description?: string,
): INodeProperties {
	return {
		displayName: 'Session Code',
		name: 'couponsession',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ac6s7u3g8a25ja7x9qg87',
		description:
			description ??
			"The coupon session: the 21-character code at the end of a consumer's coupon URL (digicpn.com/p/<campaign>/<session>), or its 6-character short form",
		displayOptions,
		routing: { send: { type: 'body', property: 'couponsession' } },
	};
}

/** The documented operation values of /v3/couponsession/update (https://docs.coupontools.com). */
export function updateActionFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Action',
			name: 'sessionAction',
			type: 'options',
			default: 'validated',
			description: 'What to record on the coupon session',
			displayOptions,
			options: [
				{ name: 'Claim', value: 'claimed', description: 'Mark the coupon as claimed' },
				{ name: 'Unvoid', value: 'unvoid', description: 'Make a voided coupon usable again' },
				{
					name: 'Validate',
					value: 'validated',
					description: 'Mark the coupon as redeemed, e.g. from a POS',
				},
				{
					name: 'Void',
					value: 'void',
					description: 'Cancel the coupon so it can no longer be used',
				},
			],
			routing: { send: { type: 'body', property: 'operation' } },
		},
		{
			displayName: 'Amount Spent',
			name: 'value',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description:
				'The amount the customer spent, recorded with the validation (leave 0 to record none)',
			displayOptions: {
				...displayOptions,
				show: { ...displayOptions.show, sessionAction: ['validated'] },
			},
			routing: { send: { type: 'body', property: 'value', preSend: [omitZeroAmount] } },
		},
	];
}
