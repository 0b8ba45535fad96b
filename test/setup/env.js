// n8n-core writes to ~/.n8n when N8N_USER_FOLDER is unset; keep test runs in a throwaway folder.
// (Plain JS: n8n's strict lint forbids `process` in .ts files.)
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-jest-'));
}
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
