import type { INode, INodeParameters, INodeIssues } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Coupontools } from '../../nodes/Coupontools/Coupontools.node';

const type = new Coupontools();

/**
 * What the editor flags on a Coupontools node with these parameters (version 1): n8n's own parameter
 * check, the one behind "workflow has issues".
 */
export function parameterIssues(parameters: INodeParameters): INodeIssues | null {
	const full = NodeHelpers.getNodeParameters(
		type.description.properties,
		parameters,
		true,
		false,
		null,
		type.description,
	) as INodeParameters;
	const node: INode = {
		id: 'n',
		name: 'Coupontools',
		type: 'coupontools',
		typeVersion: 1,
		position: [0, 0],
		parameters: full,
	};
	return NodeHelpers.getNodeParametersIssues(type.description.properties, node, type.description);
}
