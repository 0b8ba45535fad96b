import { mock } from 'jest-mock-extended';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteData,
	INode,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createEmptyRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { singleNodeWorkflow } from './workflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The "Test" button of a credential, as n8n's CredentialsTester runs it for a declarative credential test:
 * the test request becomes the routing of a one-property copy of the node that uses the credential, runs
 * through n8n-core's RoutingNode with the credential's own authenticate, then the rules are applied.
 */
export async function testCredential(
	credentialType: ICredentialType,
	nodeType: INodeType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = credentialType.test;
	if (!test) throw new Error(`${credentialType.name} has no test request`);
	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'credential-test',
		name: 'Temp-Node',
		type: nodeTypeCopy.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = singleNodeWorkflow({ node, nodeType: nodeTypeCopy });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const additionalData = mock<any>({
		credentialsHelper: new TestCredentialsHelper({ [credentialType.name]: data }),
		currentNodeParameters: node.parameters,
	}) as IWorkflowExecuteAdditionalData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const credentialsDecrypted = {
		id: 'cred-1',
		name: 'Test credential',
		type: credentialType.name,
		data,
	};

	let response;
	try {
		response = await new RoutingNode(context, nodeTypeCopy, credentialsDecrypted).runNode();
	} catch (caught) {
		const error = caught as {
			message: string;
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (error.cause?.response) {
			return {
				status: 'Error',
				message:
					error.cause.response.statusText ||
					`Received HTTP status code: ${error.cause.response.status}`,
			};
		}
		return { status: 'Error', message: error.cause?.code ?? error.message };
	}
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash.get for the dotted keys of credential test rules (lodash is not a devDependency here). */
function valueAt(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) =>
				current && typeof current === 'object'
					? (current as Record<string, unknown>)[key]
					: undefined,
			value,
		);
}
