// @ts-check
// One more run for a suite that failed, for .ci/run. Both runs are kept and printed.
//
// The queue-mode suite (test/e2e/queue.test.js) drives three real n8n processes through Redis and PostgreSQL.
// On n8n 2.41.1 it failed once in several CI runs: n8n's API stopped listing trigger executions that both
// workers had logged as finished (the main's log said "finished" too). This was seen with SQLite and with
// PostgreSQL, and it did not come back on a second run. A real break of ours fails both runs.
//
// Usage:
//   node scripts/ci-retry.js failed <report.json> <suite file name>
//     Exits 0 when the suite has failed tests in the report, 1 otherwise.
//   node scripts/ci-retry.js merge <report.json> <retry-report.json> <suite file name>
//     Keeps the first report as <report>.first-run.json. The suite's counts in <report> become those of the
//     retry. Prints both outcomes. A missing retry report counts as a failed retry.
const fs = require('node:fs');
const path = require('node:path');

/** @param {string} file */
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** @param {any} report @param {string} suite */
function suiteOf(report, suite) {
	return (report.testResults ?? []).find(
		(/** @type {any} */ r) => path.basename(r.name ?? r.testFilePath ?? '') === suite,
	);
}

/** @param {any} result */
function counts(result) {
	const tests = result?.assertionResults ?? [];
	return {
		passed: tests.filter((/** @type {any} */ t) => t.status === 'passed').length,
		failed: tests.filter((/** @type {any} */ t) => t.status === 'failed').length,
		firstFailure:
			tests
				.find((/** @type {any} */ t) => t.status === 'failed')
				?.failureMessages?.[0]?.split('\n')[0] ??
			result?.message?.split('\n')[0] ??
			'',
	};
}

const [command, reportFile, ...rest] = process.argv.slice(2);
if (command === 'failed') {
	const [suite] = rest;
	const result = fs.existsSync(reportFile) ? suiteOf(read(reportFile), suite) : undefined;
	const failed = result && (result.status === 'failed' || counts(result).failed > 0);
	process.exit(failed ? 0 : 1);
} else if (command === 'merge') {
	const [retryFile, suite] = rest;
	const report = read(reportFile);
	const first = counts(suiteOf(report, suite));
	fs.writeFileSync(reportFile.replace(/\.json$/, '.first-run.json'), JSON.stringify(report));
	if (!fs.existsSync(retryFile)) {
		console.log(
			`${suite}: first run ${first.passed} passed, ${first.failed} failed (${first.firstFailure}); the retry left no report, the first run stands`,
		);
		process.exit(0);
	}
	const retry = read(retryFile);
	const second = {
		passed: retry.numPassedTests,
		failed: retry.numFailedTests + (retry.numRuntimeErrorTestSuites ?? 0),
	};
	report.numPassedTests += second.passed - first.passed;
	report.numFailedTests += second.failed - first.failed;
	fs.writeFileSync(reportFile, JSON.stringify(report));
	console.log(
		`${suite}: first run ${first.passed} passed, ${first.failed} failed (${first.firstFailure}); second run ${second.passed} passed, ${second.failed} failed: counted`,
	);
} else {
	console.error(
		'usage: ci-retry.js failed <report> <suite> | merge <report> <retry-report> <suite>',
	);
	process.exit(2);
}
