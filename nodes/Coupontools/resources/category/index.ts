import type { INodeProperties } from 'n8n-workflow';

import { coupontoolsOutput } from '../../shared/output';
import { requestLoop } from '../../shared/requestLoop';
import { categoryGetAllFields } from './getAll';
import { categoryGetAllThirdLevelFields } from './getAllThirdLevel';

/** Neither list's answer shape is documented: these keys are tried in order (then the answer's only array). */
const CATEGORY_LIST_KEYS = ['category', 'categories', 'data'];

export const categoryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['category'] } },
		default: 'getAll',
		// An action with a hyphen or punctuation is a template literal: n8n's sentence-case lint compares it with
		// sentenceCase(), which drops punctuation. test/actionNames.test.ts checks the case of every action.
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many categories',
				description: 'Retrieve the campaign categories of the account',
				routing: {
					request: { method: 'POST', url: '/v3/category/list' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: CATEGORY_LIST_KEYS })] },
				},
			},
			{
				name: 'Get Many Third-Level',
				value: 'getAllThirdLevel',
				action: `Get many third-level categories`,
				description:
					'Retrieve the third-level categories (only for accounts that use three category levels)',
				routing: {
					request: { method: 'POST', url: '/v3/category/main/list' },
					operations: { pagination: requestLoop({ repeatable: true }) },
					output: { postReceive: [coupontoolsOutput({ list: CATEGORY_LIST_KEYS })] },
				},
			},
		],
	},
	...categoryGetAllFields,
	...categoryGetAllThirdLevelFields,
];
