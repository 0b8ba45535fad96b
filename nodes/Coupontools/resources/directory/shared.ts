import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locator';

/** List answers of the v3 directory endpoints are not documented: these keys are tried in order (then the answer's only array). */
export const DIRECTORY_LIST_KEYS = ['data', 'directories'];
export const DIRECTORY_CAMPAIGN_LIST_KEYS = ['data', 'coupon_info'];
export const REGISTERED_USER_LIST_KEYS = ['data', 'users'];

/**
 * The two API generations name a directory differently: v3 bodies take dir_12345, v4 REST paths the
 * number. Each operation shows one Directory picker fed by the list of the generation it calls
 * (/v3/directory/list or GET /v4/directory), so a picked directory never depends on how the two IDs
 * relate. Get and Get Registered Users call either, chosen by the ID's form (idForms.ts).
 */
interface DirectoryGeneration {
	/** Parameter name in the node: `directory` where a dir_ ID goes into the body, `directoryId` for v4 paths. */
	name: 'directory' | 'directoryId';
	/** listSearch method (Coupontools.node.ts). */
	searchListMethod: 'searchDirectories' | 'searchV4Directories';
	idPlaceholder: string;
	idRegex: string;
	idErrorMessage: string;
	/** The API's body key; none for v4, whose value goes into the path (`{directoryId}`, see shared/path.ts). */
	bodyProperty?: 'directory';
}

const V3_DIRECTORY: DirectoryGeneration = {
	name: 'directory',
	searchListMethod: 'searchDirectories',
	idPlaceholder: 'e.g. dir_12345',
	idRegex: 'dir_[A-Za-z0-9]+',
	idErrorMessage: 'A directory ID starts with dir_, e.g. dir_12345',
	bodyProperty: 'directory',
};

const V4_DIRECTORY: DirectoryGeneration = {
	name: 'directoryId',
	searchListMethod: 'searchV4Directories',
	idPlaceholder: 'e.g. 12345',
	idRegex: '(dir_)?[0-9]+',
	idErrorMessage: 'The directory ID is a number, e.g. 12345 (dir_12345 works too)',
};

/**
 * Get and Get Registered Users: the list shows the numbers of GET /v4/directory (the documented v4 read);
 * By ID also takes a dir_ ID, which keeps the v3 call (idForms.ts routes by the form).
 */
const EITHER_DIRECTORY: DirectoryGeneration = {
	name: 'directory',
	searchListMethod: 'searchV4Directories',
	idPlaceholder: 'e.g. 12345 or dir_12345',
	idRegex: '([0-9]+|dir_[A-Za-z0-9]+)',
	idErrorMessage: 'A directory ID is a number, e.g. 12345, or starts with dir_, e.g. dir_12345',
	bodyProperty: 'directory',
};

function directoryPicker(
	generation: DirectoryGeneration,
	displayOptions: IDisplayOptions,
	description = 'The directory to use',
): INodeProperties {
	return idLocator({
		displayName: 'Directory',
		name: generation.name,
		description,
		searchListMethod: generation.searchListMethod,
		// Which ID form the list gives: the v3 and v4 calls take different ones.
		listPlaceholder:
			generation.searchListMethod === 'searchDirectories'
				? 'Select a directory (gives its dir_… ID)…'
				: 'Select a directory (gives its numeric ID)…',
		idPlaceholder: generation.idPlaceholder,
		idRegex: generation.idRegex,
		idErrorMessage: generation.idErrorMessage,
		property: generation.bodyProperty,
		displayOptions,
	});
}

/** The v3 form: a dir_… ID in the body. */
export function directoryLocator(displayOptions: IDisplayOptions): INodeProperties {
	return directoryPicker(V3_DIRECTORY, displayOptions);
}

/**
 * Either form (Get, Get Registered Users): a number, as the list shows it, makes the v4 call `v4Call`;
 * a dir_ ID, as Get Many returns it, the v3 call `v3Call`.
 */
export function eitherDirectoryLocator(
	displayOptions: IDisplayOptions,
	calls: { v4Call: string; v3Call: string },
): INodeProperties {
	return directoryPicker(
		EITHER_DIRECTORY,
		displayOptions,
		`The directory: a number such as 12345 (as the list shows it) reads it with ${calls.v4Call}; a dir_ ID such as dir_12345 (as Get Many returns it) with ${calls.v3Call}`,
	);
}

/** The v4 REST form: a number in the path. */
export function v4DirectoryLocator(displayOptions: IDisplayOptions): INodeProperties {
	return directoryPicker(V4_DIRECTORY, displayOptions);
}

/** A registered user in a v4 REST path (`{userId}`); a reg_ ID from Get Registered Users works too (shared/path.ts). */
export function v4UserIdField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 12345',
		description:
			'The registered user: the ID from Create User, or the reg_… ID from Get Registered Users',
		displayOptions,
	};
}
