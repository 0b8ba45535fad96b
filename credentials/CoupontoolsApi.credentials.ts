import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL } from '../nodes/Coupontools/shared/credential';

/** What the credential test says when Coupontools refuses the keys: what happened, and where to look. */
export const CREDENTIAL_REFUSED =
	'Client ID or secret not correct: copy both again from Integrations → API in the Coupontools dashboard';

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
			placeholder: 'e.g. 7f3c9a21d4e8b605',
			description: 'Found in the Coupontools dashboard under Integrations → API',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. 2b8e6f0a9c4d7e13a5f1b9c0d6e2a8f4',
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
				// Coupontools reports bad keys with HTTP 200 and status.status = "failed" (code 1000).
				// The keys are on the dashboard's API page:
				// https://www.coupontools.com/en/api-and-webhooks/authentication
				type: 'responseSuccessBody',
				properties: {
					key: 'status.status',
					value: 'failed',
					message: CREDENTIAL_REFUSED,
				},
			},
		],
	};
}

/** v4 REST resources: /v4/directory/..., /v4/loyalty/...; /v4/subaccount/... stays RPC style. */
function isV4RestPath(url: string | undefined): boolean {
	return /^(https?:\/\/[^/]+)?\/v4\/(?!subaccount)/.test(url ?? '');
}
