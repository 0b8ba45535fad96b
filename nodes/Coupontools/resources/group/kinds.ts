import type { RequestPolicy } from '../../shared/requestLoop';
import { E164_PHONE } from '../../shared/validation';

/**
 * The two message tools (SMS and email) keep contacts in groups with gro_ IDs, each with its own list and
 * its own four calls. Everything that differs between the Email Group and SMS Group resources is here.
 */
export interface GroupKind {
	/** Resource value, and the picker's parameter name: one per kind, so the two lists never share a name. */
	name: 'smsGroup' | 'emailGroup';
	displayName: string;
	/** How descriptions name it, e.g. "SMS group". */
	noun: string;
	/** listSearch method (Coupontools.node.ts). */
	searchListMethod: 'searchSmsGroups' | 'searchEmailGroups';
	/** The API's body parameter of the group. */
	property: 'smsgroup' | 'emailgroup';
	paths: { groupList: string; contactList: string; addGroup: string; addContact: string };
	/** The contact's required field of Add Contact. */
	contact: {
		displayName: string;
		name: string;
		property: string;
		placeholder: string;
		description: string;
		/** What Add Contact adds, in its operation description. */
		noun: string;
		policy: RequestPolicy;
	};
	/** Add Contact's Additional Fields: names are unique across the node (test/descriptions.test.ts). */
	contactFieldsName: string;
	/**
	 * Whether the calls other than the group list are inferred, not documented: a 404 for them then says
	 * so (RequestPolicy.unconfirmed).
	 */
	inferredCalls: boolean;
}

/** The SMS tool's calls, all documented (https://docs.coupontools.com, SMS tool). */
export const SMS_GROUP: GroupKind = {
	name: 'smsGroup',
	displayName: 'SMS Group',
	noun: 'SMS group',
	searchListMethod: 'searchSmsGroups',
	property: 'smsgroup',
	paths: {
		groupList: '/v3/smstool/grouplist',
		contactList: '/v3/smstool/userlist',
		addGroup: '/v3/smstool/addgroup',
		addContact: '/v3/smstool/addcontact',
	},
	contact: {
		displayName: 'Phone',
		name: 'contactPhone',
		property: 'phone',
		placeholder: 'e.g. +32470123456',
		description:
			'The contact in E.164 format: + and the country code, then the number without its leading 0',
		noun: 'a phone number',
		policy: { rules: { phone: E164_PHONE }, required: ['phone'] },
	},
	contactFieldsName: 'smsContactFields',
	inferredCalls: false,
};

/**
 * The email tool's calls. Only grouplist is documented (https://docs.coupontools.com, email tool); the other
 * three mirror the SMS tool's paths, with `emailgroup` / `email` for `smsgroup` / `phone`: INFERRED (README.md,
 * "Endpoints not confirmed by public documentation"), change the path here if the live API differs.
 */
export const EMAIL_GROUP: GroupKind = {
	name: 'emailGroup',
	displayName: 'Email Group',
	noun: 'email group',
	searchListMethod: 'searchEmailGroups',
	property: 'emailgroup',
	paths: {
		groupList: '/v3/emailtool/grouplist',
		contactList: '/v3/emailtool/userlist',
		addGroup: '/v3/emailtool/addgroup',
		addContact: '/v3/emailtool/addcontact',
	},
	contact: {
		displayName: 'Email',
		name: 'contactEmail',
		property: 'email',
		placeholder: 'e.g. jane@example.com',
		description: "The contact's email address",
		noun: 'an email address',
		policy: {},
	},
	contactFieldsName: 'emailContactFields',
	inferredCalls: true,
};

/** Group lists: `group` is documented for the SMS tool; the email tool's shape is not, so alternatives follow. */
export const GROUP_LIST_KEYS = ['group', 'groups', 'data'];

/** Contact lists (userlist): the docs cut off after `group_id`, so these keys are tried in order (then the only array). */
export const CONTACT_LIST_KEYS = ['user', 'users', 'contact', 'contacts', 'data'];
