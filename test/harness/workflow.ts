import type { IDataObject, INode, INodeCredentials, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

/**
 * How a workflow node references the Coupontools credential (the harness hands n8n its data by type). A new
 * object per node: n8n may write to a node's credentials, and a shared object carried that into later runs.
 */
export function credentialReference(): INodeCredentials {
	return { coupontoolsApi: { id: 'cred-1', name: 'Coupontools account' } };
}

/** n8n's node type registry, for the types one test workflow holds. */
export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(name: string): INodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[name], version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * A workflow of one node, for the contexts n8n-core builds around a single node (load options, credential
 * test, webhook, poll). Action runs add a start node (engine.ts) and use NodeTypes directly.
 */
export function singleNodeWorkflow(options: {
	node: INode;
	nodeType: INodeType;
	id?: string;
	name?: string;
	active?: boolean;
	staticData?: IDataObject;
	/** The workflow's Settings → Timezone. */
	timezone?: string;
}): Workflow {
	return new Workflow({
		id: options.id,
		name: options.name,
		nodes: [options.node],
		connections: {},
		active: options.active ?? false,
		nodeTypes: new NodeTypes({ [options.node.type]: options.nodeType }),
		staticData: options.staticData ?? {},
		settings: options.timezone ? { timezone: options.timezone } : {},
	});
}
