// @ts-check
/**
 * Fault injection, switchable at runtime. Each rule rolls its own seeded dice, so a test run injects
 * the same faults on the same requests every time.
 *
 * Kinds:
 *   429                     429 + Retry-After: 1, JSON body; the request is not processed
 *   500                     500 with a JSON failed envelope; not processed
 *   502                     502 with an HTML page (text/html), like a proxy in front of the API; not processed
 *   slow                    waits delayMs, then processes and answers normally
 *   truncated               processes the request, then answers valid headers and the first half of the JSON
 *   reset                   destroys the socket without processing or answering
 *   reset-after-processing  processes the request (state changes), then destroys the socket: a lost answer
 */

const { createRandom } = require('./random');

const KINDS = /** @type {const} */ ([
	'429',
	'500',
	'502',
	'slow',
	'truncated',
	'reset',
	'reset-after-processing',
]);

/** @typedef {typeof KINDS[number]} FaultKind */

/**
 * @typedef {object} FaultSpec
 * @property {FaultKind} [kind]
 * @property {FaultKind[]} [kinds] one is picked per injected fault (seeded)
 * @property {number} [rate] 0..1, default 1
 * @property {string} [pathPattern] regular expression tested against the path, default every path
 * @property {string} [method] only this HTTP method
 * @property {number} [delayMs] for "slow", default 2000
 * @property {number | string} [seed] default: the sandbox seed
 * @property {number} [count] inject at most this many faults, then let requests through (e.g. "fail once")
 */

/** @typedef {{ kind: FaultKind, delayMs: number }} PickedFault */

/** @param {unknown} value */
function isKind(value) {
	return typeof value === 'string' && /** @type {readonly string[]} */ (KINDS).includes(value);
}

/**
 * @param {number | string} defaultSeed
 */
function createFaults(defaultSeed) {
	/** @type {{ spec: FaultSpec, kinds: FaultKind[], regex: RegExp | undefined, random: import('./random').Random, injected: number }[]} */
	let rules = [];

	/**
	 * Replaces the active rules. An empty object, null or [] clears them. Throws on an invalid spec.
	 * @param {FaultSpec | FaultSpec[] | null | undefined} input
	 */
	function set(input) {
		const specs =
			input == null ? [] : Array.isArray(input) ? input : Object.keys(input).length ? [input] : [];
		rules = specs.map((spec, index) => {
			const kinds = spec.kinds ?? (spec.kind !== undefined ? [spec.kind] : []);
			if (!kinds.length || !kinds.every(isKind)) {
				throw new Error(`fault ${index}: kind(s) must be some of ${KINDS.join(', ')}`);
			}
			const rate = spec.rate ?? 1;
			if (typeof rate !== 'number' || rate < 0 || rate > 1)
				throw new Error(`fault ${index}: rate must be a number from 0 to 1`);
			if (spec.count !== undefined && (!Number.isInteger(spec.count) || spec.count < 0)) {
				throw new Error(`fault ${index}: count must be a whole number`);
			}
			let regex;
			try {
				regex = spec.pathPattern ? new RegExp(spec.pathPattern) : undefined;
			} catch {
				throw new Error(`fault ${index}: pathPattern is not a valid regular expression`);
			}
			return {
				spec: { ...spec },
				kinds,
				regex,
				random: createRandom(spec.seed ?? defaultSeed),
				injected: 0,
			};
		});
	}

	function clear() {
		rules = [];
	}

	/**
	 * The fault for this request, if a rule matches and its dice say so. Rules are tried in order.
	 * @param {string} method
	 * @param {string} path
	 * @returns {PickedFault | undefined}
	 */
	function pick(method, path) {
		for (const rule of rules) {
			if (rule.regex && !rule.regex.test(path)) continue;
			if (rule.spec.method && rule.spec.method.toUpperCase() !== method) continue;
			if (rule.spec.count !== undefined && rule.injected >= rule.spec.count) continue;
			if (rule.random.next() >= (rule.spec.rate ?? 1)) continue;
			rule.injected++;
			const kind =
				rule.kinds.length === 1 ? rule.kinds[0] : rule.kinds[rule.random.int(rule.kinds.length)];
			return { kind, delayMs: rule.spec.delayMs ?? 2000 };
		}
		return undefined;
	}

	function list() {
		return rules.map((rule) => ({ ...rule.spec, injected: rule.injected }));
	}

	return { set, clear, pick, list };
}

/** The page a proxy shows when the API behind it is down. */
const BAD_GATEWAY_HTML =
	'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

module.exports = { createFaults, KINDS, BAD_GATEWAY_HTML };
