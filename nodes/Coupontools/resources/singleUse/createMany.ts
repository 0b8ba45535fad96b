import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../shared/fields';

const displayOptions = { show: { resource: ['singleUse'], operation: ['createMany'] } };
const withCodes = { show: { ...displayOptions.show, automatedCodes: [true] } };

export const singleUseCreateManyFields: INodeProperties[] = [
	campaignLocator(displayOptions),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 10,
		required: true,
		typeOptions: { minValue: 1, maxValue: 100000 },
		description: 'How many single-use URLs to create (1 to 100,000)',
		displayOptions,
		routing: { send: { type: 'body', property: 'amount' } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'normal',
		description: 'The state the new coupons start in',
		displayOptions,
		options: [
			{ name: 'Activated', value: 'activated', description: 'Already activated' },
			{ name: 'Normal', value: 'normal', description: 'Ready to be opened by the consumer' },
			{ name: 'Voided', value: 'voided', description: 'Voided until you unvoid them' },
		],
		routing: { send: { type: 'body', property: 'status' } },
	},
	{
		displayName: 'Automated Codes',
		name: 'automatedCodes',
		type: 'boolean',
		default: false,
		description: 'Whether Coupontools also generates a custom validation code for each URL',
		displayOptions,
		routing: { send: { type: 'body', property: 'automated_codes' } },
	},
	{
		displayName: 'Code Prefix',
		name: 'codePrefix',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. XMAS-',
		description: 'Text every generated code starts with',
		displayOptions: withCodes,
		routing: { send: { type: 'body', property: 'code_prefix' } },
	},
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 10, maxValue: 25 },
		description: 'Length of each code after the prefix (10 to 25)',
		displayOptions: withCodes,
		routing: { send: { type: 'body', property: 'code_length' } },
	},
	{
		displayName: 'Code Type',
		name: 'codeType',
		type: 'options',
		default: 'alphanumeric',
		displayOptions: withCodes,
		options: [
			{ name: 'Alphanumeric', value: 'alphanumeric' },
			{ name: 'Numeric', value: 'numeric' },
		],
		routing: { send: { type: 'body', property: 'code_type' } },
	},
];
