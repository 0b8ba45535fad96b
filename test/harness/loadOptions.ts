import { mock } from 'jest-mock-extended';
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';
import { TestCredentialsHelper } from './credentials';
import { NODE_TYPE } from './engine';
import { credentialReference, singleNodeWorkflow } from './workflow';

/**
 * The context n8n gives a picker's search method while the user types in the editor: n8n-core's real
 * LoadOptionsContext over the node with its current parameters and the credential.
 */
export function pickerContext(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters = {},
	nodeType: INodeType = new Coupontools(),
): ILoadOptionsFunctions {
	const node: INode = {
		id: 'picker-node',
		name: 'Coupontools',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentialReference(),
	};
	const workflow = singleNodeWorkflow({ node, nodeType });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const additionalData = mock<any>({
		credentialsHelper: new TestCredentialsHelper({ coupontoolsApi: credentials }),
		currentNodeParameters: parameters,
	}) as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.campaign');
}
