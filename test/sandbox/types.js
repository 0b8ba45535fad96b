// @ts-check
/**
 * Shared JSDoc types of the Coupontools sandbox. No runtime code: `require` it only for `import()` types.
 *
 * @typedef {Record<string, unknown>} Json
 *
 * @typedef {object} SandboxOptions
 * @property {string} [host] Interface to bind. Default 127.0.0.1 (the sandbox never listens on other interfaces by default).
 * @property {number} [port] 0 picks a free port.
 * @property {string} [clientId]
 * @property {string} [clientSecret]
 * @property {number} [pageSize] Sessions per page of /v3/campaign/*. Default 5000 (N-coupon). Loyalty card users
 *   (/v3/loyaltyusers/list, paging not documented) page by it too.
 * @property {number} [directoryPageSize] Registrations per page of directory lists. Default 100 (N-v3-dir).
 * @property {number} [backlog] Listen backlog (pending connections). Default 511, Node's; the benchmarks raise it because
 *   n8n opens one connection per item, all at once, and a real API front end queues more than 511.
 * @property {number | string} [seed] Seed of every generated code, and of the fault dice unless `faultSeed` is set.
 * @property {number | string} [faultSeed] Default seed of the fault dice (faults.js): this, else the SANDBOX_FAULT_SEED
 *   environment variable, else `seed`. A fault spec's own `seed` wins.
 * @property {'as-documented' | 200} [failureHttpStatus] HTTP status of "failed" envelopes: per envelope kind, or always 200.
 * @property {() => Date} [now] Clock for dates written by requests (tests may pin it).
 * @property {{ now(): number, sleep(ms: number): Promise<void> }} [rateClock] Clock of the rate limiter (token
 *   buckets, Retry-After) and of the latency. Default: the system's. Engine tests give it the node's limiter
 *   clock, so both sides of a throttled run share one time.
 * @property {import('./rate-limit').RateLimitSpec} [rateLimit] Token bucket per credential and latency (rate-limit.js);
 *   `reset()` returns to these. Default: no limit, no latency.
 * @property {(entry: RequestLogEntry) => void} [onRequest] Called when a logged API request is finished (the CLI prints it).
 *
 * @typedef {Required<Omit<SandboxOptions, 'onRequest' | 'rateClock'>> & Pick<SandboxOptions, 'onRequest' | 'rateClock'>} ResolvedOptions
 *
 * @typedef {object} RequestLogEntry
 * @property {number} seq Index in the log (0-based); `GET /__sandbox/requests?since=N` returns entries with seq >= N.
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers Lowercased names, values as received (not redacted).
 * @property {unknown} body Parsed JSON or form body; the raw text when it could not be parsed.
 * @property {string} at ISO time the request arrived.
 * @property {string} [fault] The injected fault kind, if any.
 * @property {true} [limited] Refused by the rate limiter (429) before anything ran.
 * @property {number} [retryAfterMs] With `limited`: the wait the answer told (Retry-After), from `at`.
 * @property {number} [latencyMs] The latency (rate limit spec, with its seeded jitter) this request waited.
 * @property {number} [status] HTTP status answered (absent when the socket was destroyed).
 *
 * @typedef {object} RouteResponse
 * @property {number} status
 * @property {unknown} body JSON-serialisable.
 * @property {Record<string, string>} [headers]
 *
 * @typedef {object} RouteContext
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} params `{id}` path parameters.
 * @property {Record<string, string>} query
 * @property {Json} body
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {import('./state').SandboxState} state
 * @property {ResolvedOptions} options
 *
 * @typedef {(ctx: RouteContext) => RouteResponse | Promise<RouteResponse>} RouteHandler
 * @typedef {Record<string, RouteHandler>} RouteMap Keys are "METHOD /path", e.g. "POST /v3/coupon/list" or "GET /v4/directory/{id}".
 */

module.exports = {};
