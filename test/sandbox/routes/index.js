// @ts-check
/**
 * Loads every route file of this folder: one file per API resource, each exporting a RouteMap
 * (`{ 'POST /v3/coupon/list': handler, ... }`). Adding a resource = adding a file here, nothing else.
 * Files whose name starts with "_" are helpers, not route files.
 */

const fs = require('node:fs');
const path = require('node:path');

/** @returns {{ source: string, routes: import('../types').RouteMap }[]} */
function loadRouteFiles() {
	return fs
		.readdirSync(__dirname)
		.filter((file) => file.endsWith('.js') && file !== 'index.js' && !file.startsWith('_'))
		.sort()
		.map((file) => ({ source: `routes/${file}`, routes: require(path.join(__dirname, file)) }));
}

module.exports = { loadRouteFiles };
