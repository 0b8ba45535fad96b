// @ts-check
/**
 * Matches "METHOD /path" to a handler. Paths may hold `{name}` segments (the v4 REST routes,
 * e.g. "GET /v4/directory/{id}/users/{userId}"); their decoded values arrive in ctx.params.
 */

/** @typedef {import('./types').RouteHandler} RouteHandler */
/** @typedef {import('./types').RouteMap} RouteMap */

/**
 * @typedef {{ kind: 'found', handler: RouteHandler, params: Record<string, string> }
 *   | { kind: 'method-not-allowed', allowed: string[] }
 *   | { kind: 'not-found' }} RouteMatch
 */

/** @param {string} path */
function normalizePath(path) {
	return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * @param {{ source: string, routes: RouteMap }[]} routeFiles
 */
function createRouter(routeFiles) {
	/** @type {{ method: string, key: string, regex: RegExp, names: string[], handler: RouteHandler, source: string }[]} */
	const routes = [];
	for (const { source, routes: map } of routeFiles) {
		for (const [key, handler] of Object.entries(map)) {
			const match = /^([A-Z]+) (\/\S*)$/.exec(key);
			if (!match)
				throw new Error(`${source}: route key "${key}" must look like "POST /v3/coupon/list"`);
			const [, method, pattern] = match;
			const canonical = `${method} ${normalizePath(pattern).replace(/\{[^}]+\}/g, '{}')}`;
			const clash = routes.find((route) => route.key === canonical);
			if (clash) throw new Error(`${source}: route "${key}" is already defined in ${clash.source}`);
			/** @type {string[]} */
			const names = [];
			const regex = new RegExp(
				`^${normalizePath(pattern)
					.split('/')
					.map((segment) => {
						const param = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
						if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
						names.push(param[1]);
						return '([^/]+)';
					})
					.join('/')}$`,
			);
			routes.push({ method, key: canonical, regex, names, handler, source });
		}
	}

	/**
	 * @param {string} method
	 * @param {string} rawPath
	 * @returns {RouteMatch}
	 */
	function match(method, rawPath) {
		const path = normalizePath(rawPath);
		/** @type {string[]} */
		const allowed = [];
		for (const route of routes) {
			const found = route.regex.exec(path);
			if (!found) continue;
			if (route.method !== method) {
				allowed.push(route.method);
				continue;
			}
			/** @type {Record<string, string>} */
			const params = {};
			route.names.forEach((name, index) => {
				params[name] = decodeURIComponent(found[index + 1]);
			});
			return { kind: 'found', handler: route.handler, params };
		}
		return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
	}

	return { match, size: routes.length };
}

module.exports = { createRouter, normalizePath };
