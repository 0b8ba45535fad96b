// @ts-check
/**
 * `npm run sandbox [-- options]`: runs the Coupontools sandbox until Ctrl+C.
 *
 *   --port N                    default 8787, or the SANDBOX_PORT environment variable
 *   --host H                    default 127.0.0.1
 *   --seed S                    seed of generated codes (default "coupontools-sandbox")
 *   --fault-seed S              default seed of the fault dice (default: SANDBOX_FAULT_SEED, else the seed)
 *   --failure-http-status 200   answer every failed envelope with HTTP 200 (default: as documented)
 *   --page-size N               sessions per page of /v3/campaign/* (default 5000)
 *   --backlog N                 listen backlog (default 511)
 *   --rate N                    accept N requests per second per credential, 429 + Retry-After beyond (default: no limit)
 *   --burst N                   requests the rate limiter accepts at once after a quiet time (default: the rate)
 *   --retry-after seconds|date|none|N   how a 429 says when to come back; N = always N seconds (default seconds)
 *   --latency MS                processing time of every accepted request (default 0)
 *   --jitter MS                 the latency varies by up to MS either way (default 0)
 *   --quiet                     do not print one line per request
 */

const { startSandbox } = require('./server');
const { resolveRateLimit } = require('./rate-limit');

const USAGE =
	'Usage: node test/sandbox/cli.js [--port 8787] [--host 127.0.0.1] [--seed S] [--fault-seed S] [--failure-http-status 200] [--page-size N] [--backlog N] [--rate N] [--burst N] [--retry-after seconds|date|none|N] [--latency MS] [--jitter MS] [--quiet]';

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {import('./types').SandboxOptions & { quiet: boolean }} */
	const options = { port: Number(process.env.SANDBOX_PORT || 8787), quiet: false };
	/** @type {import('./rate-limit').RateLimitSpec} */
	const rateLimit = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--quiet') options.quiet = true;
		else if (arg === '--port') options.port = Number(value());
		else if (arg === '--host') options.host = value();
		else if (arg === '--seed') options.seed = value();
		else if (arg === '--fault-seed') options.faultSeed = value();
		else if (arg === '--page-size') options.pageSize = Number(value());
		else if (arg === '--backlog') options.backlog = Number(value());
		else if (arg === '--rate') rateLimit.rate = Number(value());
		else if (arg === '--burst') rateLimit.burst = Number(value());
		else if (arg === '--latency') rateLimit.latencyMs = Number(value());
		else if (arg === '--jitter') rateLimit.jitterMs = Number(value());
		else if (arg === '--retry-after') {
			const mode = value();
			if (/^\d+$/.test(mode)) rateLimit.retryAfterSeconds = Number(mode);
			else rateLimit.retryAfter = /** @type {'seconds' | 'date' | 'none'} */ (mode);
		} else if (arg === '--failure-http-status') {
			const status = value();
			if (status !== '200' && status !== 'as-documented')
				throw new Error('--failure-http-status takes 200 or as-documented');
			options.failureHttpStatus = status === '200' ? 200 : 'as-documented';
		} else if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`unknown option ${arg}`);
	}
	// Throws with the setting's name on a bad value.
	options.rateLimit = resolveRateLimit(rateLimit);
	if (!Number.isInteger(options.port) || Number(options.port) < 0 || Number(options.port) > 65535)
		throw new Error('--port must be 0..65535');
	if (
		options.pageSize !== undefined &&
		(!Number.isInteger(options.pageSize) || options.pageSize < 1)
	)
		throw new Error('--page-size must be >= 1');
	return options;
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
		process.exit(2);
	}
	const { quiet, ...sandboxOptions } = options;
	const sandbox = await startSandbox({
		...sandboxOptions,
		onRequest: quiet
			? undefined
			: (entry) =>
					console.log(
						`${entry.method} ${entry.path} ${entry.status ?? 'socket destroyed'}${entry.fault ? ` [fault: ${entry.fault}]` : ''}`,
					),
	});
	const { resolveOptions } = require('./server');
	const { clientId, clientSecret } = resolveOptions(sandboxOptions);
	console.log(
		`Coupontools sandbox on ${sandbox.url}  client ID: ${clientId}  client secret: ${clientSecret}  (Ctrl+C stops it)`,
	);
	const limit = sandbox.rateLimit();
	if (limit.rate || limit.latencyMs || limit.jitterMs)
		console.log(
			`Rate limit: ${limit.rate ? `${limit.rate}/s per credential, burst ${limit.burst}, Retry-After as ${limit.retryAfterSeconds ? `${limit.retryAfterSeconds} s` : limit.retryAfter}` : 'none'}; latency ${limit.latencyMs} ± ${limit.jitterMs} ms`,
		);

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

// Run as a program; required (tests read parseArgs), it only defines.
if (require.main === module) {
	main().catch((error) => {
		const code = error && typeof error === 'object' && 'code' in error ? error.code : '';
		console.error(
			code === 'EADDRINUSE'
				? 'The port is already in use: pass --port or set SANDBOX_PORT.'
				: error,
		);
		process.exit(1);
	});
}

module.exports = { parseArgs };
