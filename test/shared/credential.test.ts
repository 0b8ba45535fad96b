import type {
	ICredentialDataDecryptedObject,
	INode,
	IWorkflowDataProxyAdditionalKeys,
} from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';
import {
	BASE_URL_EXPRESSION,
	baseUrlOf,
	DEFAULT_BASE_URL,
} from '../../nodes/Coupontools/shared/credential';
import { singleNodeWorkflow } from '../harness/workflow';

describe('credential: one rule for the Base URL', () => {
	test.each([
		[{}, DEFAULT_BASE_URL],
		[{ baseUrl: '' }, DEFAULT_BASE_URL],
		[{ baseUrl: 'http://127.0.0.1:8787/' }, 'http://127.0.0.1:8787'],
		[{ baseUrl: 'https://api4coupons.com//' }, 'https://api4coupons.com'],
	])('%j → %s', (credentials, url) => {
		expect(baseUrlOf(credentials)).toBe(url);
	});

	test('the expression n8n evaluates says the same as baseUrlOf', () => {
		const node: INode = {
			id: '1',
			name: 'Coupontools',
			type: 'coupontools',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const { expression } = singleNodeWorkflow({ node, nodeType: new Coupontools() });
		for (const baseUrl of [undefined, '', 'http://127.0.0.1:8787/', 'https://api4coupons.com//']) {
			const credentials: ICredentialDataDecryptedObject = baseUrl === undefined ? {} : { baseUrl };
			expect(
				expression.getSimpleParameterValue(node, BASE_URL_EXPRESSION, 'manual', {
					$credentials: credentials,
				} as IWorkflowDataProxyAdditionalKeys),
			).toBe(baseUrlOf(credentials));
		}
	});
});
