// @ts-check
/**
 * Throttling and latency, switchable at runtime: what a production API in front of Coupontools would do.
 * Coupontools publishes no rate limit; the sandbox plays a common one so the node can be tested against it.
 *
 *  - A token bucket per credential (client id): `rate` tokens per second, at most `burst` saved up, full at
 *    the start. A request takes one token; without one it is refused before anything runs: HTTP 429 with
 *    `Retry-After` (whole seconds, an HTTP date, or none) and the failed envelope the sandbox answers 429 with.
 *    Header format: https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 *  - Latency: every accepted request waits `latencyMs` ± `jitterMs` (uniform, seeded) before it is processed.
 *  - Traffic counters: requests in flight now and the most seen, connections that carried API requests open
 *    now and the most seen (a client's connections stay open while it has requests out, refused ones
 *    included, and a while after: the most a client opened at once), accepted and refused counts, and
 *    repeats of a refused request that came back before its Retry-After was over ("early repeats").
 *
 * Settings passed at start (options / CLI flags) are the defaults that `reset()` returns to.
 */

const { createRandom } = require('./random');

/**
 * @typedef {object} RateLimitSpec
 * @property {number} [rate] requests per second per credential; 0 or absent: no limit
 * @property {number} [burst] tokens the bucket holds (requests accepted at once after a quiet time); default = rate
 * @property {'seconds' | 'date' | 'none'} [retryAfter] how a 429 says when to come back; default seconds
 * @property {number} [retryAfterSeconds] fixed Retry-After instead of the time until the next token (≥ 1 s)
 * @property {number} [latencyMs] processing time of every accepted request, default 0
 * @property {number} [jitterMs] latency varies by up to this much either way, default 0
 */

/** @typedef {Required<Omit<RateLimitSpec, 'retryAfterSeconds'>> & Pick<RateLimitSpec, 'retryAfterSeconds'>} RateLimitSettings */

/**
 * @typedef {object} Refusal
 * @property {number} retryAfterMs how long the client is told to wait (from the refusal)
 * @property {Record<string, string>} headers the Retry-After header, unless retryAfter is 'none'
 */

const RETRY_AFTER_MODES = /** @type {const} */ (['seconds', 'date', 'none']);

/** A timer firing a millisecond early, or Date.now() rounding, is not an early repeat. */
const EARLY_TOLERANCE_MS = 5;

/** @param {unknown} value @param {string} name @param {number} [min] */
function checkNumber(value, name, min = 0) {
	if (value === undefined) return;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
		throw new Error(`${name} must be a number >= ${min}`);
}

/**
 * Validates a spec and fills the defaults. `{}` or null: no limit, no latency.
 * @param {RateLimitSpec | null | undefined} input
 * @returns {RateLimitSettings}
 */
function resolveRateLimit(input) {
	const spec = input ?? {};
	const known = ['rate', 'burst', 'retryAfter', 'retryAfterSeconds', 'latencyMs', 'jitterMs'];
	for (const key of Object.keys(spec))
		if (!known.includes(key)) throw new Error(`unknown rate limit setting ${key}`);
	checkNumber(spec.rate, 'rate');
	checkNumber(spec.burst, 'burst', 1);
	checkNumber(spec.retryAfterSeconds, 'retryAfterSeconds', 1);
	checkNumber(spec.latencyMs, 'latencyMs');
	checkNumber(spec.jitterMs, 'jitterMs');
	if (
		spec.retryAfter !== undefined &&
		!(/** @type {readonly string[]} */ (RETRY_AFTER_MODES).includes(spec.retryAfter))
	)
		throw new Error(`retryAfter must be one of ${RETRY_AFTER_MODES.join(', ')}`);
	const rate = spec.rate ?? 0;
	return {
		rate,
		burst: spec.burst ?? Math.max(1, rate),
		retryAfter: spec.retryAfter ?? 'seconds',
		...(spec.retryAfterSeconds !== undefined ? { retryAfterSeconds: spec.retryAfterSeconds } : {}),
		latencyMs: spec.latencyMs ?? 0,
		jitterMs: spec.jitterMs ?? 0,
	};
}

/**
 * Whose bucket a request draws from: the credential it authenticates with (header, body field or v4 key).
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {unknown} body
 */
function credentialKey(headers, body) {
	const fromBody =
		body && typeof body === 'object' ? /** @type {Record<string, unknown>} */ (body).client_id : '';
	return String(headers['x-client-id'] ?? fromBody ?? headers['x-api-key'] ?? '') || '(none)';
}

/**
 * @param {number | string} seed
 * @param {RateLimitSpec | null | undefined} initial settings `reset()` returns to
 * @param {() => number} [clock] ms, for tests
 */
function createRateLimit(seed, initial, clock = Date.now) {
	const defaults = resolveRateLimit(initial);
	let settings = defaults;
	let random = createRandom(seed);
	/** @type {Map<string, { tokens: number, at: number }>} */
	let buckets = new Map();
	/** refused request (method, path, body) → time before which a repeat is early */
	let notBefore = new Map();
	const counts = {
		inFlight: 0,
		maxInFlight: 0,
		connections: 0,
		maxConnections: 0,
		accepted: 0,
		refused: 0,
		earlyRepeats: 0,
	};
	/** Connections that carried an API request, until they close. */
	const sockets = new WeakSet();

	/** @param {RateLimitSpec | null | undefined} spec */
	function set(spec) {
		settings = resolveRateLimit(spec);
		buckets = new Map();
	}

	/** Back to the start settings, full buckets, counters at zero. */
	function reset() {
		settings = defaults;
		random = createRandom(seed);
		buckets = new Map();
		notBefore = new Map();
		// Requests and connections still open keep counting down; the most starts again from them.
		counts.maxInFlight = counts.inFlight;
		counts.maxConnections = counts.connections;
		counts.accepted = counts.refused = counts.earlyRepeats = 0;
	}

	/** A request arrived (call `leave` when its answer is finished or its socket closed). */
	function enter() {
		counts.inFlight++;
		if (counts.inFlight > counts.maxInFlight) counts.maxInFlight = counts.inFlight;
		let left = false;
		return () => {
			if (left) return;
			left = true;
			counts.inFlight--;
		};
	}

	/**
	 * An API request arrived on this connection: counted once per connection, until it closes.
	 * @param {import('node:net').Socket} socket
	 */
	function connectedBy(socket) {
		if (sockets.has(socket)) return;
		sockets.add(socket);
		counts.connections++;
		if (counts.connections > counts.maxConnections) counts.maxConnections = counts.connections;
		socket.once('close', () => counts.connections--);
	}

	/**
	 * Takes a token from the credential's bucket, or says when to come back.
	 * @param {string} credential
	 * @param {string} requestKey identifies "the same request" for early-repeat counting
	 * @returns {Refusal | undefined} undefined: accepted
	 */
	function admit(credential, requestKey) {
		const now = clock();
		const due = notBefore.get(requestKey);
		if (due !== undefined) {
			if (now + EARLY_TOLERANCE_MS < due) counts.earlyRepeats++;
			notBefore.delete(requestKey);
		}
		if (!settings.rate) {
			counts.accepted++;
			return undefined;
		}
		const bucket = buckets.get(credential) ?? { tokens: settings.burst, at: now };
		bucket.tokens = Math.min(
			settings.burst,
			bucket.tokens + ((now - bucket.at) / 1000) * settings.rate,
		);
		bucket.at = now;
		buckets.set(credential, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			counts.accepted++;
			return undefined;
		}
		counts.refused++;
		const untilToken = ((1 - bucket.tokens) / settings.rate) * 1000;
		const seconds = settings.retryAfterSeconds ?? Math.max(1, Math.ceil(untilToken / 1000));
		/** @type {Refusal} */
		let refusal;
		if (settings.retryAfter === 'date') {
			// HTTP dates have whole seconds: round up so the client never comes back before the token is there.
			const date = Math.ceil((now + seconds * 1000) / 1000) * 1000;
			refusal = {
				retryAfterMs: date - now,
				headers: { 'Retry-After': new Date(date).toUTCString() },
			};
		} else if (settings.retryAfter === 'none') {
			refusal = { retryAfterMs: Math.ceil(untilToken), headers: {} };
		} else {
			refusal = { retryAfterMs: seconds * 1000, headers: { 'Retry-After': String(seconds) } };
		}
		// Without a header the client cannot know; only a told wait makes a repeat "early".
		if (settings.retryAfter !== 'none') notBefore.set(requestKey, now + refusal.retryAfterMs);
		return refusal;
	}

	/**
	 * A refusal told by someone else (the `429` fault): a repeat before `retryAfterMs` counts as early too.
	 * @param {string} requestKey @param {number} retryAfterMs
	 */
	function told(requestKey, retryAfterMs) {
		notBefore.set(requestKey, clock() + retryAfterMs);
	}

	/** Processing time of one accepted request, in ms. */
	function latency() {
		const { latencyMs, jitterMs } = settings;
		if (!latencyMs && !jitterMs) return 0;
		return Math.max(0, latencyMs + (random.next() * 2 - 1) * jitterMs);
	}

	function stats() {
		return { ...counts };
	}

	return {
		set,
		reset,
		enter,
		connectedBy,
		admit,
		told,
		latency,
		stats,
		settings: () => ({ ...settings }),
		/** Whether any setting is on (the server skips the work otherwise). */
		active: () => settings.rate > 0 || settings.latencyMs > 0 || settings.jitterMs > 0,
	};
}

/**
 * Sends accepted twice for one address since the last reset: a batch sends each address once, so every
 * further accepted send is a duplicate (e.g. a repeated request whose first answer was lost).
 * @param {Record<string, unknown[]>} emailsSent state.emailsSent
 */
function duplicateSends(emailsSent) {
	let duplicates = 0;
	for (const sends of Object.values(emailsSent)) duplicates += Math.max(0, sends.length - 1);
	return duplicates;
}

module.exports = {
	createRateLimit,
	resolveRateLimit,
	credentialKey,
	duplicateSends,
	RETRY_AFTER_MODES,
};
