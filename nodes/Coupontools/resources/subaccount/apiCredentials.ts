import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** The subaccount's own API key pair, present in subaccount answers (https://docs.coupontools.com, subaccounts). */
const SECRET_KEYS = ['api_key', 'api_secret'];

/**
 * Runs after the shared output step of every subaccount operation: drops the subaccount's API key pair
 * wherever it appears in the answer, unless the user turned on Include API Credentials.
 */
export async function hideApiCredentials(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('includeApiCredentials', false) === true) return items;
	return items.map((item) => ({ ...item, json: withoutSecrets(item.json) as IDataObject }));
}

function withoutSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutSecrets);
	if (value === null || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (!SECRET_KEYS.includes(key))
			out[key] = withoutSecrets(entry) as IDataObject[keyof IDataObject];
	}
	return out;
}
