import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL } from '../nodes/Coupontools/shared/credential';

/**
 * Coupontools authenticates every call with the account's client ID and secret sent as headers.
 * The v3 and v4 RPC endpoints read `X-Client-Id` / `X-Client-Secret`; the v4 REST resources
 * (directories, loyalty cards) are documented with `x-api-key` / `x-api-secret`, while working
 * third-party code sends the X-Client pair there too. So v4 REST calls carry both pairs and one
 * credential works for every operation.
 */
export class CoupontoolsApi implements ICredentialType {
	name = 'coupontoolsApi';

	displayName = 'Coupontools API';

	icon: Icon = {
		light: 'file:../icons/coupontools.svg',
		dark: 'file:../icons/coupontools.dark.svg',
	};

	documentationUrl = 'https://github.com/coupontools-community/n8n-nodes-coupontools#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Found in the Coupontools dashboard under Integrations → API',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Found next to the Client ID in the Coupontools dashboard under Integrations → API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: 'e.g. https://api.coupontools.com',
			description:
				'Where the Coupontools API lives. Keep the default unless support told you otherwise; the legacy host https://api4coupons.com serves the same paths.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const clientId = String(credentials.clientId ?? '');
		const clientSecret = String(credentials.clientSecret ?? '');
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			'X-Client-Id': clientId,
			'X-Client-Secret': clientSecret,
		};
		if (isV4RestPath(requestOptions.url)) {
			headers['x-api-key'] = clientId;
			headers['x-api-secret'] = clientSecret;
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v3/coupon/list',
			method: 'POST',
			body: { only_active: true },
			json: true,
		},
		rules: [
			{
				// Coupontools reports bad keys with HTTP 200 and status.status = "failed" (error 1000).
				type: 'responseSuccessBody',
				properties: {
					key: 'status.status',
					value: 'failed',
					message: 'Client ID or secret not correct',
				},
			},
		],
	};
}

/** v4 REST resources: /v4/directory/..., /v4/loyalty/...; /v4/subaccount/... stays RPC style. */
function isV4RestPath(url: string | undefined): boolean {
	return /^(https?:\/\/[^/]+)?\/v4\/(?!subaccount)/.test(url ?? '');
}
