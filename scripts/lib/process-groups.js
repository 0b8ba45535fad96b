// @ts-check
'use strict';
/**
 * The child process groups the scripts start (n8n, its CLI runs, Redis, PostgreSQL): each child is detached
 * into its own group, so a stop or a timeout also takes down what it spawned (n8n's task runner). Groups
 * still registered when this process ends are killed; on Ctrl-C or SIGTERM they get SIGTERM first, unless
 * the caller handles the signal itself (the demo stops its servers on its own).
 */

/** pids (= process group ids) still running */
const liveGroups = new Set();
let exitHookInstalled = false;

/**
 * Signal a whole process group; true if it exists.
 * @param {number} pid @param {NodeJS.Signals | 0} signal
 */
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	});
	// Children are detached (own process group), so a terminal Ctrl-C no longer
	// reaches them. Only take over signals nobody else handles.
	for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		if (process.listenerCount(sig) === 0) {
			process.once(sig, () => {
				for (const pid of liveGroups) killGroup(pid, 'SIGTERM');
				setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 3000).unref();
				const wait = setInterval(() => {
					if ([...liveGroups].every((pid) => !killGroup(pid, 0)))
						process.exit(sig === 'SIGINT' ? 130 : 143);
				}, 100);
				wait.unref();
			});
		}
	}
}

/** Register a started group, to be killed if this process ends first. @param {number} pid */
function trackGroup(pid) {
	installExitHook();
	liveGroups.add(pid);
}

/** The group was stopped. @param {number} pid */
function untrackGroup(pid) {
	liveGroups.delete(pid);
}

module.exports = { killGroup, trackGroup, untrackGroup };
