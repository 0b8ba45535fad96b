import type { IDataObject } from 'n8n-workflow';

import { toV4Id } from './path';

/**
 * Checks we can make before calling Coupontools, because the rule is certain from the docs
 * (https://docs.coupontools.com). Keyed by the API's own parameter name, so one table covers every
 * operation that sends it; an operation whose rule differs declares it in its policy (ValidationPolicy).
 * Each rule returns what is wrong and how to fix it, or undefined when the value is fine.
 */
export interface FieldRule {
	/** The field's name as the user sees it in the node. */
	label: string;
	check(value: unknown): string | undefined;
}

/** What one operation checks beyond FIELD_RULES, declared with it (see requestHook.ts). */
export interface ValidationPolicy {
	/** Rules that replace the default of a body parameter for this operation. */
	rules?: Record<string, FieldRule>;
	/**
	 * Body parameters the docs mark required on operations whose empty optional fields are dropped before
	 * sending (dropEmptyBodyFields): an expression that resolved to "" must still be reported as empty.
	 */
	required?: string[];
	/** Placeholders of the operation's URL (filled by fillPathIds) and the rule for their value. */
	pathIds?: Record<string, FieldRule>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_AND_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

function text(value: unknown): string | undefined {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function isRealDay(value: string): boolean {
	const [year, month, day] = value.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

function prefixedId(prefixes: string[], example: string): FieldRule['check'] {
	const pattern = new RegExp(`^(${prefixes.join('|')})_[A-Za-z0-9]+$`);
	return (value) => {
		const id = text(value)?.trim();
		if (!id) return `is empty. Pick one from the list, or enter an ID such as ${example}.`;
		if (!pattern.test(id))
			return `"${shorten(id)}" is not a valid ID. It must start with ${prefixes.map((p) => `${p}_`).join(' or ')} followed by letters or digits, e.g. ${example}.`;
		return undefined;
	};
}

function dateRule(pattern: RegExp, format: string): FieldRule['check'] {
	return (value) => {
		const date = text(value)?.trim();
		if (!date) return undefined;
		if (!pattern.test(date) || !isRealDay(date))
			return `"${shorten(date)}" is not a date in the format ${format}.`;
		return undefined;
	};
}

function integerBetween(min: number, max: number): FieldRule['check'] {
	return (value) => {
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max)
			return `must be a whole number from ${min} to ${max} (got ${shorten(String(value))}).`;
		return undefined;
	};
}

export const FIELD_RULES: Record<string, FieldRule> = {
	campaign: { label: 'Campaign', check: prefixedId(['cam'], 'cam_12345') },
	couponsession: {
		label: 'Coupon Session',
		check: (value) => {
			const code = text(value)?.trim();
			if (!code)
				return 'is empty. Enter the session code from the coupon URL (21 characters, or its 6-character short form).';
			if (!/^[A-Za-z0-9]+$/.test(code))
				return `"${shorten(code)}" is not a session code: it may contain only letters and digits (e.g. ac6s7u3g8a25ja7x9qg87).`;
			return undefined;
		},
	},
	email: {
		label: 'Email',
		check: (value) => {
			const email = text(value)?.trim();
			if (!email) return "is empty. Map it to the recipient's address, e.g. {{ $json.email }}.";
			if (!EMAIL.test(email))
				return `"${shorten(email)}" is not an email address: it must look like name@example.com.`;
			return undefined;
		},
	},
	// Formats differ by operation: SMS operations declare E164_PHONE.
	phone: { label: 'Phone', check: () => undefined },
	amount: { label: 'Amount', check: integerBetween(1, 100000) },
	code_length: { label: 'Code Length', check: integerBetween(10, 25) },
	start_date: {
		label: 'Start Date',
		check: dateRule(DAY_AND_TIME, 'yyyy-MM-dd or yyyy-MM-dd HH:mm (UTC)'),
	},
	end_date: {
		label: 'End Date',
		check: dateRule(DAY_AND_TIME, 'yyyy-MM-dd or yyyy-MM-dd HH:mm (UTC)'),
	},
	expiry_date: {
		label: 'Expiry Date',
		check: dateRule(DAY_AND_TIME, 'yyyy-MM-dd or yyyy-MM-dd HH:mm:ss'),
	},
	birthday: { label: 'Birthday', check: dateRule(DAY, 'yyyy-MM-dd') },
	birth_date: { label: 'Birth Date', check: dateRule(DAY, 'yyyy-MM-dd') },
	subaccount: { label: 'Subaccount', check: prefixedId(['sub'], 'sub_12345') },
	package: {
		label: 'Package',
		check: (value) => (text(value)?.trim() ? prefixedId(['pac'], 'pac_123')(value) : undefined),
	},
	// Subaccount operations declare ISO_COUNTRY; elsewhere the format is not documented.
	country: { label: 'Country', check: () => undefined },
	directory: { label: 'Directory', check: prefixedId(['dir'], 'dir_12345') },
	// No prefix is documented for loyalty card IDs; 301 is documented for characters other than these.
	loyaltycard: {
		label: 'Loyalty Card',
		check: (value) => {
			const id = text(value)?.trim();
			if (!id) return 'is empty. Pick a loyalty card from the list, or enter its ID, e.g. 123456.';
			if (!/^[A-Za-z0-9_]+$/.test(id))
				return `"${shorten(id)}" is not a loyalty card ID: it may contain only letters, digits and _.`;
			return undefined;
		},
	},
	// The format of loyalty user IDs is not documented; directory operations declare REGISTERED_USER_ID.
	user: {
		label: 'User ID',
		check: (value) =>
			text(value)?.trim()
				? undefined
				: 'is empty. Enter the ID of the loyalty card user, e.g. from Get Many Users (V3 API) or Search Users.',
	},
	// Loyalty Card → Search Users declares LOYALTY_USER_SEARCH.
	search: { label: 'Search For', check: () => undefined },
	expires_at: { label: 'Expires At', check: dateRule(DAY_AND_TIME, 'yyyy-MM-dd HH:mm:ss (UTC)') },
	smsgroup: { label: 'SMS Group', check: prefixedId(['gro'], 'gro_12345') },
	webhook: { label: 'Event ID', check: prefixedId(['evt'], 'evt_JsOKTu2rlzjZsxPaleUx') },
	// Webhook verification names the coupon session `session` (same code as `couponsession` elsewhere).
	session: {
		label: 'Session Code',
		check: (value) => {
			const code = text(value)?.trim();
			if (!code)
				return 'is empty. Copy the session code from the webhook payload (its session field).';
			if (!/^[A-Za-z0-9]+$/.test(code))
				return `"${shorten(code)}" is not a session code: it may contain only letters and digits (e.g. ac6s7u3g8a25ja7x9qg87).`;
			return undefined;
		},
	},
};

/** Send Email / Send SMS: a campaign or a directory. */
export const SEND_TARGET: FieldRule = {
	label: 'Campaign',
	check: prefixedId(['cam', 'dir'], 'cam_12345 or dir_12345'),
};

/** Send SMS and SMS Group → Add Contact: required, E.164. */
export const E164_PHONE: FieldRule = {
	label: 'Phone',
	check: (value) => {
		const phone = text(value)?.trim();
		if (!phone) return 'is empty. Enter a phone number in E.164 format, e.g. +32470123456.';
		if (!E164.test(phone))
			return `"${shorten(phone)}" is not in E.164 format: write + then the country code and the number without its leading 0, no spaces, e.g. +32470123456.`;
		return undefined;
	},
};

/** Subaccount Create / Update: ISO 3166-1 alpha-2. */
export const ISO_COUNTRY: FieldRule = {
	label: 'Country',
	check: (value) => {
		const country = text(value)?.trim();
		if (!country || /^[A-Za-z]{2}$/.test(country)) return undefined;
		return `"${shorten(country)}" is not a two-letter ISO 3166-1 country code, e.g. BE or US.`;
	},
};

/** Registered users of a directory (v3) are reg_…. */
export const REGISTERED_USER_ID: FieldRule = {
	label: 'User ID',
	check: prefixedId(['reg'], 'reg_12345'),
};

/** Loyalty Card → Search Users: Coupontools refuses other characters (error 301). */
export const LOYALTY_USER_SEARCH: FieldRule = {
	label: 'Search For',
	check: (value) => {
		const search = text(value)?.trim() ?? '';
		if (!/^[A-Za-z0-9_@-]{3,}$/.test(search))
			return `"${shorten(search)}" cannot be searched: use at least 3 characters, only letters, digits, -, _ and @ (e.g. jane@example, not jane@example.com).`;
		return undefined;
	},
};

/** The directory of a v4 REST path: a number (dir_… is reduced to it by fillPathIds). */
export const V4_DIRECTORY_ID: FieldRule = {
	label: 'Directory',
	check: (value) => {
		const directory = toV4Id(value);
		if (!directory)
			return 'is empty. Pick a directory from the list, or enter its numeric ID, e.g. 12345.';
		if (!/^\d+$/.test(directory))
			return `"${directory}" is not a directory ID of the v4 API: it is a number, e.g. 12345 (dir_12345 is accepted too).`;
		return undefined;
	},
};

/** The user of a v4 REST path: an empty ID would address another endpoint. */
export const V4_USER_ID: FieldRule = {
	label: 'User ID',
	check: (value) =>
		toV4Id(value)
			? undefined
			: "is empty. Enter the registered user's ID, e.g. 12345 or reg_12345.",
};

/** The loyalty card of a v4 REST path: a number. */
export const V4_LOYALTY_CARD_ID: FieldRule = {
	label: 'Loyalty Card',
	check: (value) => {
		const card = text(value)?.trim();
		if (!card) return 'is empty. Pick a loyalty card from the list, or enter its ID, e.g. 123456.';
		if (!/^\d+$/.test(card))
			return `"${shorten(card)}" is not a loyalty card ID: it is a number, e.g. 123456.`;
		return undefined;
	},
};

/** The user of a card in a v4 REST path: a number (an empty ID would address the list). */
export const V4_LOYALTY_USER_ID: FieldRule = {
	label: 'User ID',
	check: (value) => {
		const user = text(value)?.trim();
		if (!user) return 'is empty. Enter the ID of the user on the card, e.g. from Get Many Users.';
		if (!/^\d+$/.test(user))
			return `"${shorten(user)}" is not a user ID: it is a number, e.g. 123456.`;
		return undefined;
	},
};

/** Loyalty Card → Copy: the documented limit of the new name. */
export const CARD_COPY_NAME: FieldRule = {
	label: 'Name',
	check: (value) => {
		const name = text(value) ?? '';
		return name.length > 50
			? `is ${name.length} characters long; Coupontools takes at most 50. Shorten it.`
			: undefined;
	},
};

/** Teammate single sign-on: teammates are numbered (the docs answer 301 to anything else). */
export const TEAMMATE_ID: FieldRule = {
	label: 'Teammate ID',
	check: (value) => {
		const id = text(value)?.trim();
		if (!id) return 'is empty. Enter the number of the teammate, e.g. 12345.';
		if (!/^\d+$/.test(id))
			return `"${shorten(id)}" is not a number: teammate IDs are numbers, e.g. 12345.`;
		return undefined;
	},
};

export interface FieldProblem {
	label: string;
	problem: string;
}

/**
 * Every problem in a request (the IDs of its path, then the body), in a stable order. Values that
 * expressions turned into objects or lists are caught for every field: one call sends one value.
 */
export function findFieldProblems(
	body: IDataObject | undefined,
	policy: ValidationPolicy = {},
	pathValues: Record<string, unknown> = {},
): FieldProblem[] {
	const problems: FieldProblem[] = [];
	for (const [name, rule] of Object.entries(policy.pathIds ?? {})) {
		const problem = rule.check(pathValues[name]);
		if (problem) problems.push({ label: rule.label, problem });
	}
	const ruleOf = (param: string) => policy.rules?.[param] ?? FIELD_RULES[param];
	for (const param of policy.required ?? []) {
		const rule = ruleOf(param);
		const problem = body?.[param] === undefined ? rule?.check('') : undefined;
		if (problem) problems.push({ label: rule.label, problem });
	}
	for (const [param, value] of Object.entries(body ?? {})) {
		const rule = ruleOf(param);
		const label = rule?.label ?? param;
		if (value !== null && typeof value === 'object' && !isAllowedObject(param)) {
			problems.push({
				label,
				problem: `resolved to ${Array.isArray(value) ? 'a list' : 'an object'}, not a single value. Point the expression at one field, e.g. {{ $json.${param} }}.`,
			});
			continue;
		}
		const problem = rule?.check(value);
		if (problem) problems.push({ label, problem });
	}
	return problems;
}

/** Parameters whose API value is legitimately structured. */
function isAllowedObject(param: string): boolean {
	return param === 'filter' || param === 'pagination' || param === 'users';
}

function shorten(value: string): string {
	return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
