// @ts-check
// Adds up jest JSON reports and named pass/fail checks into the one line CI reads: "N passed, N failed".
// Usage: node scripts/ci-summary.js [--check name:exitCode]... report.json...
// Exits non-zero when anything failed or a report is missing (a suite that never ran is a failure).
const fs = require('node:fs');

let passed = 0;
let failed = 0;
const notes = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--check') {
		const [name, code] = String(args[++i]).split(':');
		if (code === '0') passed++;
		else {
			failed++;
			notes.push(`check "${name}" failed (exit ${code})`);
		}
		continue;
	}
	const file = args[i];
	if (!fs.existsSync(file)) {
		failed++;
		notes.push(`${file}: no report (the suite did not run)`);
		continue;
	}
	const report = JSON.parse(fs.readFileSync(file, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
	if (report.numRuntimeErrorTestSuites) {
		failed += report.numRuntimeErrorTestSuites;
		notes.push(`${file}: ${report.numRuntimeErrorTestSuites} suite(s) failed to run`);
	}
	if (report.numTotalTests === 0) {
		failed++;
		notes.push(`${file}: ran no test`);
	}
}
for (const note of notes) console.log(`- ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
