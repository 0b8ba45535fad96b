// @ts-check
/**
 * Fault injection, switchable at runtime. Each rule rolls its own seeded dice, so a run that sends its
 * requests in the same order meets the same faults every time. Two ways to make it exact whatever the order:
 *
 *   requests: [3, 7, 12]    a schedule, no dice: the rule's 3rd, 7th and 12th matching requests fail
 *   dice: 'request'         the roll for the nth attempt of a request (same method, path and body) depends
 *                           only on the seed, that request and n: concurrent requests (n8n sends every item
 *                           at once) meet the same faults in any arrival order; `faultFor` replays a roll
 *
 * The seed of a rule is its `seed`, else the sandbox's fault seed (the SANDBOX_FAULT_SEED environment
 * variable, else the sandbox seed); `list()` shows it, so a failing run can name it and be replayed.
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
 * @property {number | string} [seed] default: the sandbox's fault seed
 * @property {number} [count] inject at most this many faults, then let requests through (e.g. "fail once")
 * @property {number[]} [requests] inject on exactly these matching requests (1-based, in the order they reach
 *   this rule) instead of rolling dice; `rate` must then be left out
 * @property {'arrival' | 'request'} [dice] 'arrival' (default): one roll per matching request, in arrival
 *   order; 'request': one roll per attempt of each request, independent of arrival order (`faultFor`)
 */

/** @typedef {{ kind: FaultKind, delayMs: number }} PickedFault */

/** @param {unknown} value */
function isKind(value) {
	return typeof value === 'string' && /** @type {readonly string[]} */ (KINDS).includes(value);
}

/**
 * The roll of `dice: 'request'`: the fault (or none) for the `attempt`-th arrival (1-based) of the request
 * `key` (method, path and JSON body, as the server logs them) under a rule with this seed, rate and kinds.
 * Pure, so a test can plan what the sandbox will inject.
 * @param {{ seed: number | string, rate?: number, kinds: readonly FaultKind[] }} rule
 * @param {string} key
 * @param {number} attempt
 * @returns {FaultKind | undefined}
 */
function faultFor({ seed, rate = 1, kinds }, key, attempt) {
	const random = createRandom(`${seed}|${key}|${attempt}`);
	if (random.next() >= rate) return undefined;
	return kinds.length === 1 ? kinds[0] : kinds[random.int(kinds.length)];
}

/** "METHOD /path <JSON body>": what makes two requests the same request (the server's request key). */
function requestKeyOf(
	/** @type {string} */ method,
	/** @type {string} */ path,
	/** @type {unknown} */ body,
) {
	return `${method} ${path} ${JSON.stringify(body)}`;
}

/**
 * @typedef {object} Rule
 * @property {FaultSpec} spec
 * @property {FaultKind[]} kinds
 * @property {RegExp | undefined} regex
 * @property {number | string} seed
 * @property {import('./random').Random} random
 * @property {number} injected
 * @property {number} seen matching requests so far
 * @property {Set<number> | undefined} schedule `requests`
 * @property {Map<string, number>} attempts request key → arrivals so far (`dice: 'request'`)
 */

/**
 * @param {number | string} defaultSeed the sandbox's fault seed
 */
function createFaults(defaultSeed) {
	/** @type {Rule[]} */
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
			const schedule = spec.requests;
			if (
				schedule !== undefined &&
				(!Array.isArray(schedule) ||
					!schedule.every((n) => Number.isInteger(n) && n >= 1) ||
					spec.rate !== undefined ||
					spec.dice !== undefined)
			) {
				throw new Error(
					`fault ${index}: requests must be a list of request numbers from 1, without rate or dice`,
				);
			}
			if (spec.dice !== undefined && spec.dice !== 'arrival' && spec.dice !== 'request')
				throw new Error(`fault ${index}: dice must be arrival or request`);
			let regex;
			try {
				regex = spec.pathPattern ? new RegExp(spec.pathPattern) : undefined;
			} catch {
				throw new Error(`fault ${index}: pathPattern is not a valid regular expression`);
			}
			const seed = spec.seed ?? defaultSeed;
			return {
				spec: { ...spec },
				kinds,
				regex,
				seed,
				random: createRandom(seed),
				injected: 0,
				seen: 0,
				schedule: schedule ? new Set(schedule) : undefined,
				attempts: new Map(),
			};
		});
	}

	function clear() {
		rules = [];
	}

	/**
	 * The fault for this request, if a rule matches and its schedule or dice say so. Rules are tried in order.
	 * @param {string} method
	 * @param {string} path
	 * @param {string} [key] the request key (requestKeyOf), for `dice: 'request'`
	 * @returns {PickedFault | undefined}
	 */
	function pick(method, path, key = `${method} ${path}`) {
		for (const rule of rules) {
			if (rule.regex && !rule.regex.test(path)) continue;
			if (rule.spec.method && rule.spec.method.toUpperCase() !== method) continue;
			rule.seen++;
			const kind = rolled(rule, key);
			if (!kind) continue;
			rule.injected++;
			return { kind, delayMs: rule.spec.delayMs ?? 2000 };
		}
		return undefined;
	}

	/** @param {Rule} rule @param {string} key @returns {FaultKind | undefined} */
	function rolled(rule, key) {
		if (rule.spec.count !== undefined && rule.injected >= rule.spec.count) return undefined;
		if (rule.schedule) {
			if (!rule.schedule.has(rule.seen)) return undefined;
			return rule.kinds.length === 1
				? rule.kinds[0]
				: rule.kinds[rule.random.int(rule.kinds.length)];
		}
		if (rule.spec.dice === 'request') {
			const attempt = (rule.attempts.get(key) ?? 0) + 1;
			rule.attempts.set(key, attempt);
			return faultFor({ seed: rule.seed, rate: rule.spec.rate, kinds: rule.kinds }, key, attempt);
		}
		if (rule.random.next() >= (rule.spec.rate ?? 1)) return undefined;
		return rule.kinds.length === 1 ? rule.kinds[0] : rule.kinds[rule.random.int(rule.kinds.length)];
	}

	function list() {
		return rules.map((rule) => ({ ...rule.spec, seed: rule.seed, injected: rule.injected }));
	}

	return { set, clear, pick, list };
}

/** The page a proxy shows when the API behind it is down. */
const BAD_GATEWAY_HTML =
	'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

module.exports = { createFaults, faultFor, requestKeyOf, KINDS, BAD_GATEWAY_HTML };
