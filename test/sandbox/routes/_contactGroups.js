// @ts-check
/**
 * The message tools' group routes (https://docs.coupontools.com/api/others), written once for both tools. The SMS tool is documented
 * (grouplist, userlist, addgroup, addcontact); the email tool documents only grouplist, and the sandbox
 * mirrors the SMS tool for the rest, with `emailgroup` / `email` for `smsgroup` / `phone`.
 *
 * Decided by the sandbox (the docs do not say): grouplist answers `amount_of_groups` + `group` (documented
 * for SMS) for both tools; userlist answers `group_id`, `group_name`, `amount_of_users`, `user` (array);
 * addgroup answers `group { ID, name }`; addcontact answers `group_id`, `action` ("contact_added", or
 * "contact_updated" when the phone / email is already in the group: its fields are overwritten) and
 * `contact`. Group names need not be unique.
 */

const { ok, fail } = require('../envelope');
const {
	text,
	requireFields,
	maxLength,
	idCharacters,
	isEmail,
	isE164,
	phoneDigits,
} = require('../params');
const { isRealDay } = require('../dates');

/** @typedef {import('../types').RouteContext} RouteContext */
/** @typedef {import('../types').Json} Json */
/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../seed-data').ContactGroup} ContactGroup */
/** @typedef {import('../seed-data').SmsContact} SmsContact */
/** @typedef {import('../seed-data').EmailContact} EmailContact */

/**
 * @typedef {object} GroupTool
 * @property {string} prefix e.g. "/v3/smstool"
 * @property {(state: SandboxState) => Map<string, ContactGroup>} groups
 * @property {'smsgroup' | 'emailgroup'} groupParam
 * @property {'phone' | 'email'} contactKey
 * @property {(state: SandboxState) => void} requireService 103 when the account lacks the tool
 * @property {number} firstId new group IDs count up from here
 */

/** @param {SmsContact | EmailContact} contact */
function contactView(contact) {
	const { customfields, ...rest } = contact;
	/** @type {Record<string, string>} */
	const custom = {};
	for (let n = 1; n <= 7; n++) custom[`customfield${n}`] = customfields[n - 1] ?? '';
	return { ...rest, ...custom };
}

/** @param {GroupTool} tool @returns {import('../types').RouteMap} */
function createGroupRoutes(tool) {
	/** 200 missing, 301 bad characters, 514 "Group ID not found". @param {SandboxState} state @param {Json} body */
	function groupParam(state, body) {
		const id = idCharacters(text(body, tool.groupParam), tool.groupParam);
		const group = tool.groups(state).get(id);
		if (!group) return fail(514, 'Group ID not found');
		return group;
	}

	/** @param {RouteContext} ctx */
	function listGroups({ state }) {
		tool.requireService(state);
		const groups = [...tool.groups(state).values()];
		return ok({
			amount_of_groups: groups.length,
			group: groups.map(({ ID, name }) => ({ ID, name })),
		});
	}

	/** @param {RouteContext} ctx */
	function listContacts({ state, body }) {
		tool.requireService(state);
		requireFields(body, [tool.groupParam]);
		const group = groupParam(state, body);
		return ok({
			group_id: group.ID,
			group_name: group.name,
			amount_of_users: group.contacts.length,
			user: group.contacts.map(contactView),
		});
	}

	/** @param {RouteContext} ctx */
	function addGroup({ state, body }) {
		tool.requireService(state);
		requireFields(body, ['group_name']);
		const name = maxLength(body, 'group_name', 100);
		const groups = tool.groups(state);
		const numbers = [...groups.keys()].map((id) => Number(id.slice(4))).filter(Number.isFinite);
		const ID = `gro_${Math.max(tool.firstId - 1, ...numbers) + 1}`;
		groups.set(ID, { ID, name, created_date_utc: state.now(), contacts: [] });
		return ok({ group: { ID, name } });
	}

	/** @param {RouteContext} ctx */
	function addContact({ state, body }) {
		tool.requireService(state);
		requireFields(body, [tool.groupParam, tool.contactKey]);
		const group = groupParam(state, body);
		const address = text(body, tool.contactKey);
		if (tool.contactKey === 'phone' && !isE164(address))
			fail(301, 'Invalid phone number. Use the E.164 format, e.g. +32470123456');
		if (tool.contactKey === 'email' && !isEmail(address)) fail(305, 'Email address not valid');
		const birthday = text(body, 'birthday');
		if (birthday && (!/^\d{4}-\d{2}-\d{2}$/.test(birthday) || !isRealDay(birthday))) {
			fail(303, 'Invalid date format for parameter: birthday. Use yyyy-MM-dd');
		}
		const fields = {
			first_name: maxLength(body, 'first_name', 100),
			last_name: maxLength(body, 'last_name', 100),
			birthday,
			customfields: [1, 2, 3, 4, 5, 6, 7].map((n) => maxLength(body, `customfield${n}`, 50)),
		};
		const same = (/** @type {SmsContact | EmailContact} */ contact) =>
			'phone' in contact
				? phoneDigits(contact.phone) === phoneDigits(address)
				: contact.email.toLowerCase() === address.toLowerCase();
		const existing = group.contacts.find(same);
		if (existing) {
			Object.assign(existing, fields);
			return ok({ group_id: group.ID, action: 'contact_updated', contact: contactView(existing) });
		}
		const contact = /** @type {SmsContact | EmailContact} */ ({
			[tool.contactKey]: address,
			...fields,
			created_date_utc: state.now(),
		});
		group.contacts.push(contact);
		return ok({ group_id: group.ID, action: 'contact_added', contact: contactView(contact) });
	}

	return {
		[`POST ${tool.prefix}/grouplist`]: listGroups,
		[`POST ${tool.prefix}/userlist`]: listContacts,
		[`POST ${tool.prefix}/addgroup`]: addGroup,
		[`POST ${tool.prefix}/addcontact`]: addContact,
	};
}

module.exports = { createGroupRoutes };
