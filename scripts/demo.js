#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run demo`: the package in a real n8n, against the local Coupontools sandbox.
 *
 *   npm run demo                  build if needed, provision n8n 2.8.4, start sandbox + n8n on
 *                                 127.0.0.1:5678, run the "CRM event to coupon email" example once,
 *                                 then keep n8n running for the editor until Ctrl+C
 *   npm run demo -- --once        run the example and exit: 0 only if the coupon was sent
 *   npm run demo -- --port 5679   another port for n8n (5678 is n8n's usual one)
 *
 * n8n's own log goes to .demo/n8n-start.log (the user folder, recreated on every run).
 * Plain CommonJS like scripts/lib: dev tooling, not part of the package.
 */

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureDevDependencies } = require('./lib/dev-deps');

const REPO_ROOT = path.resolve(__dirname, '..');
const DEMO_DIR = path.join(REPO_ROOT, '.demo');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const N8N_VERSION = '2.8.4';
const CRM_WORKFLOW_NAME = 'CRM event to coupon email';
const SAMPLE_CONTACT = { firstName: 'Sam', lastName: 'Carter', email: 'sam.carter@example.com' };
/** Node types whose workflows start from outside (a POST): these are activated. A Schedule trigger is not. */
const EVENT_TRIGGER_TYPES = new Set([
	'n8n-nodes-base.webhook',
	'n8n-nodes-coupontools.coupontoolsTrigger',
]);

/** @param {string} msg */
const say = (msg) => process.stdout.write(`${msg}\n`);
const rel = (/** @type {string} */ p) => path.relative(process.cwd(), p) || '.';

class DemoError extends Error {}

function parseArgs(argv) {
	const opts = { once: false, port: 5678 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--once') opts.once = true;
		else if (arg === '--port' || arg.startsWith('--port=')) {
			const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
			opts.port = Number(value);
			if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535)
				throw new DemoError(`--port needs a port number, got '${value}'`);
		} else if (arg === '--help' || arg === '-h') {
			say('Usage: npm run demo [-- --once] [-- --port N]');
			process.exit(0);
		} else throw new DemoError(`Unknown option '${arg}'. Use --once and/or --port N.`);
	}
	return opts;
}

/**
 * Run a command with its output in a log file; reject with the log's tail on failure.
 * @param {string} cmd @param {string[]} args @param {string} logFile
 */
function runQuiet(cmd, args, logFile) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const fd = fs.openSync(logFile, 'a');
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', fd, fd] });
		const kill = () => child.kill('SIGKILL');
		process.on('exit', kill);
		child.on('error', (e) => reject(e));
		child.on('exit', (code) => {
			process.off('exit', kill);
			fs.closeSync(fd);
			if (code === 0) return resolve(undefined);
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
			reject(
				new DemoError(
					`\`${cmd} ${args.join(' ')}\` failed (exit ${code}). Log: ${rel(logFile)}\n${tail}`,
				),
			);
		});
	});
}

/** Newest modification time under the given paths (files only). @param {string[]} paths */
function newestMtime(paths) {
	let newest = 0;
	const visit = (/** @type {string} */ p) => {
		let st;
		try {
			st = fs.statSync(p);
		} catch {
			return;
		}
		if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
		else newest = Math.max(newest, st.mtimeMs);
	};
	paths.forEach(visit);
	return newest;
}

/** dist/ is what n8n loads: rebuild when it is missing or any source is newer than it. */
function buildReason() {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const outputs = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].map((f) =>
		path.join(REPO_ROOT, f),
	);
	if (!outputs.every((f) => fs.existsSync(f))) return 'dist/ is missing';
	const builtAt = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
	const sources = ['nodes', 'credentials', 'icons', 'tsconfig.json'].map((p) =>
		path.join(REPO_ROOT, p),
	);
	return newestMtime(sources) > builtAt ? 'the sources changed since the last build' : '';
}

/** @param {number} port */
function assertPortFree(port) {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', (/** @type {NodeJS.ErrnoException} */ e) =>
			reject(
				new DemoError(
					e.code === 'EADDRINUSE'
						? `Port ${port} on 127.0.0.1 is already in use (another n8n?). Stop it, or pick another port: npm run demo -- --port ${port + 1}`
						: `Cannot listen on 127.0.0.1:${port}: ${e.message}`,
				),
			),
		);
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(undefined)));
	});
}

/** The example workflows, with an id each (activation and links need one). */
function loadExamples() {
	const files = fs.existsSync(EXAMPLES_DIR)
		? fs
				.readdirSync(EXAMPLES_DIR)
				.filter((f) => f.endsWith('.json'))
				.sort()
		: [];
	/** @type {{ id: string, name: string, file: string, workflow: any, activate: boolean }[]} */
	const examples = [];
	for (const file of files) {
		const parsed = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
		for (const [i, workflow] of (Array.isArray(parsed) ? parsed : [parsed]).entries()) {
			const id =
				workflow.id ??
				`demo${path
					.basename(file, '.json')
					.replace(/[^A-Za-z0-9]/g, '')
					.slice(0, 20)}${i}`;
			const activate = (workflow.nodes ?? []).some((/** @type {{ type: string }} */ n) =>
				EVENT_TRIGGER_TYPES.has(n.type),
			);
			examples.push({
				id,
				name: workflow.name ?? file,
				file,
				workflow: { ...workflow, id },
				activate,
			});
		}
	}
	return examples;
}

/** Whether n8n was started in this run (its log is worth pointing at). */
let n8nStarting = false;
/** Everything the demo starts is stopped through this, once. */
let stopStack = async () => undefined;

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const started = Date.now();
	say(
		`Coupontools demo: the package in a real n8n ${N8N_VERSION}, against the local Coupontools sandbox${opts.once ? ' (--once)' : ''}.`,
	);

	await assertPortFree(opts.port);
	// Fresh user folder every run: n8n's database, the credential and the workflows start from the example files.
	fs.rmSync(DEMO_DIR, { recursive: true, force: true });
	fs.mkdirSync(DEMO_DIR, { recursive: true });

	await ensureDevDependencies({ say, logFile: path.join(DEMO_DIR, 'npm-ci.log') });

	const reason = buildReason();
	if (reason) {
		say(`Building the package (${reason})…`);
		await runQuiet('npm', ['run', 'build'], path.join(DEMO_DIR, 'build.log'));
	}

	// Loaded only now: a fresh clone may have just run `npm ci`.
	const runtimeLib = require('./lib/n8n-runtime');
	const { startStack, CREDENTIAL } = require('./lib/stack');

	const marker = path.join(
		runtimeLib.cacheRoot(),
		`n8n-${N8N_VERSION}`,
		'.coupontools-runtime.json',
	);
	if (!fs.existsSync(marker)) {
		say(
			`First run: installing n8n ${N8N_VERSION} into ${runtimeLib.cacheRoot()} (about 6 minutes, only once; progress every 30 s).`,
		);
	}

	const examples = loadExamples();
	const crm = examples.find((e) => e.name === CRM_WORKFLOW_NAME);
	if (!crm) throw new DemoError(`examples/ has no workflow named "${CRM_WORKFLOW_NAME}"`);
	const importDir = path.join(DEMO_DIR, 'examples');
	fs.mkdirSync(importDir, { recursive: true });
	const files = examples.map((e, i) => {
		const file = path.join(importDir, `${i}-${e.file}`);
		fs.writeFileSync(file, JSON.stringify(e.workflow));
		return file;
	});

	say(
		`Starting the Coupontools sandbox and n8n on http://127.0.0.1:${opts.port} (n8n log: ${rel(path.join(DEMO_DIR, 'n8n-start.log'))})…`,
	);
	await assertPortFree(opts.port); // again: the install may have taken minutes
	n8nStarting = true;
	const stack = await startStack({
		version: N8N_VERSION,
		port: opts.port,
		userFolder: DEMO_DIR,
		workflows: files,
		activate: examples.filter((e) => e.activate).map((e) => e.id),
		log: (line) => {
			// Only the provisioning progress is worth showing (its opening line is said above); the rest is said here.
			if (/install|Node 2|Waiting/i.test(line) && !/^Installing n8n/.test(line)) say(`  ${line}`);
		},
	});
	// The package is an unpacked copy in .demo (scripts/lib/pack.js), removed with the folder by the next run.
	stopStack = async () => {
		stopStack = async () => undefined;
		await stack.stop();
	};
	say(
		`n8n ${N8N_VERSION} is up (${Math.round((Date.now() - started) / 1000)} s). Imported ${examples.length} example workflow(s): ` +
			examples.map((e) => `"${e.name}"${e.activate ? ' (active)' : ''}`).join(', '),
	);

	const outcome = await runCrmExample(stack, crm);
	for (const line of outcome.lines) say(line);
	if (!outcome.ok) throw new DemoError(`The example did not work: ${outcome.reason}`);

	if (opts.once) {
		say('Done: the example ran end to end (--once).');
		return 0;
	}

	const base = stack.baseUrl;
	const trigger = examples.find((e) =>
		e.workflow.nodes?.some(
			(/** @type {{ type: string }} */ n) => n.type === 'n8n-nodes-coupontools.coupontoolsTrigger',
		),
	);
	say('');
	say(`Open the editor: ${base}/workflow/${crm.id}`);
	say(`Log in with ${stack.owner.email} / ${stack.owner.password}`);
	say(
		`Try it again: curl -s -X POST ${base}/webhook/new-contact -H 'content-type: application/json' -d '{"email":"you@example.com","firstName":"Alex"}'`,
	);
	if (trigger)
		say(
			`Sandbox events for "${trigger.name}": POST ${stack.sandboxUrl}/__sandbox/webhooks/deliver (see test/sandbox/README.md)`,
		);
	say(
		`Use your real account: in n8n open Credentials → "${CREDENTIAL.name}" and enter your Client ID, Client Secret and Base URL https://api.coupontools.com (the keys are in the Coupontools dashboard under Integrations).`,
	);
	say('n8n keeps running until Ctrl+C.');
	serving = true;
	await new Promise(() => undefined); // the signal handler ends the process
	return 0;
}

/**
 * POST a sample contact to the example's production webhook and read back what every side saw:
 * the webhook's answer (the node's output), the sandbox's request log and state, n8n's execution.
 * @param {Awaited<ReturnType<import('./lib/stack')['startStack']>>} stack
 * @param {{ id: string }} crm
 */
async function runCrmExample(stack, crm) {
	const sandbox = /** @type {NonNullable<typeof stack.sandbox>} */ (stack.sandbox);
	const before = sandbox.requests.length;
	const lines = [
		`Running "${CRM_WORKFLOW_NAME}": POST ${stack.baseUrl}/webhook/new-contact ${JSON.stringify(SAMPLE_CONTACT)}`,
	];
	const fail = (/** @type {string} */ reason) => ({ ok: false, reason, lines });

	const answer = await stack.webhook('new-contact', SAMPLE_CONTACT);
	if (answer.status !== 200)
		return fail(`the webhook answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
	const item = Array.isArray(answer.json) ? answer.json[0] : answer.json;
	if (!item || item.error)
		return fail(
			`the Coupontools node reported an error: ${JSON.stringify(item ?? answer.text).slice(0, 400)}`,
		);
	if (item.sent !== true || !item.single_use_url)
		return fail(`no coupon was sent: ${JSON.stringify(item).slice(0, 400)}`);

	const received = sandbox.requests.slice(before).filter((r) => r.path === '/v3/send/email');
	if (received.length !== 1)
		return fail(`the sandbox received ${received.length} send-email calls instead of 1`);
	const [call] = received;
	const authHeaders = ['x-client-id', 'x-client-secret'].filter((h) => call.headers[h]);
	const campaign = sandbox.state.campaigns.get(item.campaign);
	const session = sandbox.state.findSession(item.single_use_code);
	if (!session) return fail(`the sandbox has no coupon session ${item.single_use_code}`);

	const executions = await stack.executions(crm.id);
	const execution = executions[0];
	if (!execution || execution.status !== 'success')
		return fail(`n8n recorded the execution as ${execution?.status ?? 'missing'}`);

	const who = [SAMPLE_CONTACT.firstName, SAMPLE_CONTACT.lastName].join(' ');
	lines.push(
		`  Sent: coupon ${campaign ? `"${campaign.name}" ` : ''}(${item.campaign}) by email to ${who} <${item.receiver}>, subject "${item.subject}".`,
		`  Single-use URL: ${item.single_use_url} (coupon session ${item.single_use_code})`,
		`  The sandbox received: ${call.method} ${call.path} with headers ${authHeaders.map((h) => h.replace(/(^|-)\w/g, (m) => m.toUpperCase())).join(' + ')} and body ${JSON.stringify(redact(call.body))}; answer ${call.status}, action "${item.action}".`,
		`  n8n execution ${execution.id}: ${execution.status}, the webhook returned the node's output (sent: ${item.sent}).`,
	);
	return { ok: true, reason: '', lines };
}

/** The sandbox accepts credentials in the body too; never echo one. @param {unknown} body */
function redact(body) {
	if (!body || typeof body !== 'object') return body;
	const out = { .../** @type {Record<string, unknown>} */ (body) };
	for (const key of Object.keys(out))
		if (/secret|client_id|password|api_key/i.test(key)) out[key] = '***';
	return out;
}

let stopping = false;
/** Ctrl+C while the editor is served is the normal end (0); earlier it interrupts the demo (130). */
let serving = false;
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(sig, () => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox…');
		stopStack()
			.catch(() => undefined)
			.finally(() => {
				say('Stopped.');
				process.exit(serving ? 0 : 130);
			});
	});
}

main()
	.then(async (code) => {
		await stopStack();
		process.exit(code);
	})
	.catch(async (error) => {
		process.stderr.write(
			`\nDemo failed: ${error instanceof DemoError ? error.message : (error?.stack ?? error)}\n`,
		);
		if (n8nStarting && fs.existsSync(path.join(DEMO_DIR, 'n8n-start.log')))
			process.stderr.write(`n8n log: ${rel(path.join(DEMO_DIR, 'n8n-start.log'))}\n`);
		await stopStack().catch(() => undefined);
		process.exit(1);
	});
