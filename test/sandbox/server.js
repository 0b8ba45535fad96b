// @ts-check
/**
 * The Coupontools sandbox: an HTTP server that behaves like the API as documented in
 * the public Coupontools API documentation (https://docs.coupontools.com). Test infrastructure only; it knows nothing about n8n.
 *
 *   const { startSandbox } = require('./test/sandbox/server');
 *   const sandbox = await startSandbox();            // http://127.0.0.1:<free port>
 *   ... point the credential's Base URL at sandbox.url ...
 *   await sandbox.close();
 *
 * Per API request: read body → log → rate limit (429) → maybe inject a fault → latency → route (404/405) →
 * parse body (400) → auth (1000/101) → handler → answer. Control endpoints (/__sandbox/…) skip log, rate
 * limit, faults and auth.
 */

const http = require('node:http');

const { createState } = require('./state');
const { createFaults, requestKeyOf, BAD_GATEWAY_HTML } = require('./faults');
const { createRateLimit, credentialKey, duplicateSends } = require('./rate-limit');
const { createRouter } = require('./router');
const { loadRouteFiles } = require('./routes');
const { createControlRoutes } = require('./control');
const { authorize } = require('./auth');
const { readBody, parseBody, sendJson, sendTruncatedJson, sendHtml } = require('./http-io');
const { SandboxApiError, httpFailure, scalarFailure, isFailedEnvelope } = require('./envelope');

/** @typedef {import('./types').SandboxOptions} SandboxOptions */
/** @typedef {import('./types').ResolvedOptions} ResolvedOptions */
/** @typedef {import('./types').RequestLogEntry} RequestLogEntry */
/** @typedef {import('./types').RouteResponse} RouteResponse */
/** @typedef {import('./faults').FaultSpec} FaultSpec */
/** @typedef {import('./rate-limit').RateLimitSpec} RateLimitSpec */

const CONTROL_PREFIX = '/__sandbox/';

/**
 * @typedef {object} SandboxHandle
 * @property {string} url e.g. http://127.0.0.1:53211 (no trailing slash): the credential's Base URL
 * @property {number} port
 * @property {import('./state').SandboxState} state live state; `state.fixtures` names the seeded sessions
 * @property {RequestLogEntry[]} requests live request log (API requests only)
 * @property {() => void} reset seed state again, empty the request log, clear faults
 * @property {number | string} faultSeed the default seed of the fault dice (name it to replay a failure)
 * @property {(spec: FaultSpec | FaultSpec[] | null) => void} setFaults replace the fault rules (throws on a bad spec)
 * @property {() => void} clearFaults
 * @property {(spec: RateLimitSpec | null) => void} setRateLimit replace the rate limit and latency (throws on a bad spec)
 * @property {() => import('./rate-limit').RateLimitSettings} rateLimit the active settings
 * @property {() => TrafficStats} traffic in flight now / most seen, accepted, refused, early repeats, duplicate sends
 * @property {() => Promise<void>} close stop listening and drop open connections
 */

/**
 * @typedef {object} TrafficStats
 * @property {number} inFlight API requests open now
 * @property {number} maxInFlight most API requests open at once since the last reset
 * @property {number} connections connections that carried API requests, open now
 * @property {number} maxConnections most such connections open at once since the last reset
 * @property {number} accepted requests the rate limiter let through
 * @property {number} refused requests the rate limiter answered 429
 * @property {number} earlyRepeats repeats of a refused request before its Retry-After was over
 * @property {number} duplicateSends accepted emails to an address that had one already
 */

/**
 * @param {SandboxOptions} options
 * @param {Record<string, string | undefined>} [env] where SANDBOX_FAULT_SEED is read (tests pass their own)
 * @returns {ResolvedOptions}
 */
function resolveOptions(options, env = process.env) {
	return {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		clientId: options.clientId ?? 'sandbox-client-id',
		clientSecret: options.clientSecret ?? 'sandbox-client-secret',
		pageSize: options.pageSize ?? 5000,
		directoryPageSize: options.directoryPageSize ?? 100,
		backlog: options.backlog ?? 511,
		seed: options.seed ?? 'coupontools-sandbox',
		faultSeed: options.faultSeed ?? env.SANDBOX_FAULT_SEED ?? options.seed ?? 'coupontools-sandbox',
		failureHttpStatus: options.failureHttpStatus ?? 'as-documented',
		rateLimit: options.rateLimit ?? {},
		rateClock: options.rateClock,
		now: options.now ?? (() => new Date()),
		onRequest: options.onRequest,
	};
}

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<SandboxHandle>}
 */
async function startSandbox(options = {}) {
	const opts = resolveOptions(options);
	const state = createState({ seed: opts.seed, now: opts.now });
	/** @type {RequestLogEntry[]} */
	const requests = [];
	const faults = createFaults(opts.faultSeed);
	const rateLimit = createRateLimit(
		opts.seed,
		opts.rateLimit,
		opts.rateClock
			? () => /** @type {NonNullable<typeof opts.rateClock>} */ (opts.rateClock).now()
			: Date.now,
	);
	const api = createRouter(loadRouteFiles());
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();

	function reset() {
		state.reset();
		requests.length = 0;
		faults.clear();
		rateLimit.reset();
	}

	/** @returns {TrafficStats} */
	function traffic() {
		return { ...rateLimit.stats(), duplicateSends: duplicateSends(state.emailsSent) };
	}

	const control = createRouter([
		{
			source: 'control.js',
			routes: createControlRoutes({
				state,
				requests,
				reset,
				setFaults: faults.set,
				clearFaults: faults.clear,
				listFaults: faults.list,
				setRateLimit: rateLimit.set,
				rateLimit: rateLimit.settings,
				traffic,
			}),
		},
	]);

	/** @param {number} ms */
	function sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve(undefined);
			}, ms);
			timers.add(timer);
		});
	}

	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		const query = Object.fromEntries(url.searchParams);
		// In flight from arrival until the answer is written or the socket closed.
		if (!path.startsWith(CONTROL_PREFIX)) {
			res.once('close', rateLimit.enter());
			rateLimit.connectedBy(req.socket);
		}
		const raw = await readBody(req);
		const parsed = raw === undefined ? undefined : parseBody(req.headers['content-type'], raw);

		if (path.startsWith(CONTROL_PREFIX)) {
			const match = control.match(method, path);
			if (match.kind !== 'found')
				return sendJson(res, {
					status: match.kind === 'not-found' ? 404 : 405,
					body: { error: `${method} ${path} is not a control endpoint` },
				});
			if (!parsed || !parsed.ok)
				return sendJson(res, { status: 400, body: { error: 'the body must be a JSON object' } });
			const ctx = {
				method,
				path,
				params: match.params,
				query,
				body: parsed.body,
				headers: { ...req.headers },
				state,
				options: opts,
			};
			return sendJson(res, await match.handler(ctx));
		}

		/** @type {RequestLogEntry} */
		const entry = {
			seq: requests.length,
			method,
			path,
			query,
			headers: { ...req.headers },
			body: parsed ? (parsed.ok ? parsed.body : parsed.text) : '(body too large)',
			at: new Date().toISOString(),
		};
		requests.push(entry);
		/** @param {number | undefined} status */
		const done = (status) => {
			if (status !== undefined) entry.status = status;
			if (opts.onRequest) opts.onRequest(entry);
		};

		const requestKey = requestKeyOf(method, path, entry.body);
		const refusal = rateLimit.admit(credentialKey(req.headers, entry.body), requestKey);
		if (refusal) {
			entry.limited = true;
			entry.retryAfterMs = refusal.retryAfterMs;
			sendJson(res, httpFailure(429, 'Too Many Requests', refusal.headers));
			return done(429);
		}

		const fault = faults.pick(method, path, requestKey);
		if (fault) entry.fault = fault.kind;
		switch (fault?.kind) {
			case '429':
				rateLimit.told(requestKey, 1000);
				sendJson(res, httpFailure(429, 'Too Many Requests', { 'Retry-After': '1' }));
				return done(429);
			case '500':
				sendJson(res, httpFailure(500, 'Internal Server Error'));
				return done(500);
			case '502':
				sendHtml(res, 502, BAD_GATEWAY_HTML);
				return done(502);
			case 'reset':
				req.socket.destroy();
				return done(undefined);
			case 'slow':
				await sleep(fault.delayMs);
				break;
			default:
				break;
		}
		const latencyMs = rateLimit.latency();
		if (latencyMs) {
			entry.latencyMs = latencyMs;
			await (opts.rateClock ? opts.rateClock.sleep(latencyMs) : sleep(latencyMs));
		}

		const response = await answer(method, path, query, req.headers, parsed);
		if (fault?.kind === 'reset-after-processing') {
			req.socket.destroy();
			return done(undefined);
		}
		if (fault?.kind === 'truncated') sendTruncatedJson(res, response);
		else sendJson(res, response);
		return done(response.status);
	}

	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {Record<string, string>} query
	 * @param {http.IncomingHttpHeaders} headers
	 * @param {ReturnType<typeof parseBody> | undefined} parsed
	 * @returns {Promise<RouteResponse>}
	 */
	async function answer(method, path, query, headers, parsed) {
		const match = api.match(method, path);
		if (match.kind === 'not-found') return httpFailure(404, 'Not Found');
		if (match.kind === 'method-not-allowed')
			return httpFailure(405, 'Method Not Allowed', { Allow: match.allowed.join(', ') });
		if (!parsed) return httpFailure(413, 'Payload Too Large');
		if (!parsed.ok)
			return scalarFailure(
				400,
				'HTTP/1.0 400 Bad Request. The body is not a JSON object or a form.',
				400,
			);

		const ctx = {
			method,
			path,
			params: match.params,
			query,
			body: parsed.body,
			headers: { ...headers },
			state,
			options: opts,
		};
		/** @type {RouteResponse} */
		let response;
		try {
			response =
				authorize(ctx, opts, state.account, state.subaccountCredentials()) ??
				(await match.handler(ctx));
		} catch (error) {
			if (!(error instanceof SandboxApiError)) {
				// A bug in the sandbox, not an API behaviour: say so loudly, on stderr.
				console.error('[coupontools sandbox] handler crashed:', error);
				return httpFailure(500, 'Internal Server Error');
			}
			response = error.response;
		}
		if (opts.failureHttpStatus === 200 && isFailedEnvelope(response.body))
			response = { ...response, status: 200 };
		return response;
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			console.error('[coupontools sandbox] request failed:', error);
			if (!res.headersSent) sendJson(res, httpFailure(500, 'Internal Server Error'));
			else res.destroy();
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port: opts.port, host: opts.host, backlog: opts.backlog }, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : opts.port;
	const hostInUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;

	return {
		url: `http://${hostInUrl}:${port}`,
		port,
		state,
		requests,
		reset,
		faultSeed: opts.faultSeed,
		setFaults: faults.set,
		clearFaults: faults.clear,
		setRateLimit: rateLimit.set,
		rateLimit: rateLimit.settings,
		traffic,
		close: () =>
			new Promise((resolve, reject) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

module.exports = { startSandbox, resolveOptions };
