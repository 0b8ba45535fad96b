// @ts-check
'use strict';
/** The running n8n for the benchmarks: stack start with the bench workflows, webhook runs, execution data. */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startStack } = require('../../scripts/lib/stack');
const { allWorkflows } = require('../workflows');
const { postJson, call } = require('./http');
const { sleep } = require('./stats');

/**
 * @param {{ version: string, sandboxUrl: string, log: (line: string) => void, env?: Record<string, string> }} opts
 */
async function startBenchStack({ version, sandboxUrl, log, env }) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-bench-'));
	const cleanup = () => fs.rmSync(folder, { recursive: true, force: true });
	process.on('exit', cleanup); // also when the driver dies mid-run
	const workflows = allWorkflows(sandboxUrl);
	const file = path.join(folder, 'bench-workflows.json');
	fs.writeFileSync(file, JSON.stringify(Object.values(workflows)));
	const userFolder = path.join(folder, 'n8n');
	fs.mkdirSync(userFolder);
	let stack;
	try {
		stack = await startStack({
			version,
			sandboxUrl,
			userFolder,
			env,
			workflows: [file],
			activate: Object.values(workflows).map((w) => w.id),
			log: (line) => (/install/i.test(line) ? log(`  ${line}`) : undefined),
		});
	} catch (error) {
		cleanup();
		process.off('exit', cleanup);
		throw error;
	}
	const api = stack.api;
	return {
		stack,
		workflows,
		pid: stack.server.pid,
		baseUrl: stack.baseUrl,
		/**
		 * Until n8n answers /healthz/readiness with 200 (its database check passes again): a run that blocked
		 * its event loop for longer than the database ping timeout leaves it "not ready" for a moment.
		 */
		async ready() {
			for (let i = 0; i < 240; i++) {
				const res = await call('GET', `${stack.baseUrl}/healthz/readiness`, undefined, {
					timeoutMs: 10_000,
				}).catch(() => undefined);
				if (res?.status === 200) return;
				await sleep(500);
			}
			throw new Error('n8n did not become ready again within 2 minutes');
		},
		/**
		 * POST to a production webhook; resolves the round trip in ms.
		 * @param {string} webhookPath @param {unknown} body
		 */
		async webhook(webhookPath, body) {
			const res = await postJson(`${stack.baseUrl}/webhook/${webhookPath}`, body);
			return res;
		},
		/**
		 * The newest execution of a workflow with its data, once it is finished and newer than `afterId`.
		 * @param {string} workflowId @param {number} [afterId]
		 */
		async lastExecution(workflowId, afterId = 0) {
			for (let i = 0; i < 240; i++) {
				const json = await api(
					'GET',
					`/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=1`,
				);
				const ex = json?.data?.[0];
				if (
					ex &&
					Number(ex.id) > afterId &&
					ex.finished !== false &&
					ex.status !== 'running' &&
					ex.status !== 'new'
				)
					return ex;
				await sleep(250);
			}
			throw new Error(`no finished execution of ${workflowId} after #${afterId}`);
		},
		/** @param {string} workflowId @param {number} limit */
		async executions(workflowId, limit) {
			const json = await api(
				'GET',
				`/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=${limit}`,
			);
			return json?.data ?? [];
		},
		/** Drop measured executions so the database stays small between runs. @param {string | number} id */
		async deleteExecution(id) {
			await api('DELETE', `/api/v1/executions/${id}`).catch(() => undefined);
		},
		async stop() {
			await stack.stop();
			cleanup();
			process.off('exit', cleanup);
		},
	};
}

/**
 * The run data of one node: executionTime (ms, measured by n8n) and its output items.
 * @param {any} execution @param {string} nodeName
 */
function nodeRun(execution, nodeName) {
	const run = execution?.data?.resultData?.runData?.[nodeName]?.[0];
	if (!run)
		throw new Error(
			`execution ${execution?.id} has no run of "${nodeName}" (status ${execution?.status}): ${JSON.stringify(execution?.data?.resultData?.error ?? {}).slice(0, 400)}`,
		);
	const items = run.data?.main?.[0] ?? [];
	return { ms: Number(run.executionTime), startTime: Number(run.startTime), items };
}

/** Wall time of an execution as n8n recorded it. @param {any} execution */
function executionWallMs(execution) {
	return new Date(execution.stoppedAt).getTime() - new Date(execution.startedAt).getTime();
}

module.exports = { startBenchStack, nodeRun, executionWallMs };
