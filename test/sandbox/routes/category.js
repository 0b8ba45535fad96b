// @ts-check
/**
 * Category routes (https://docs.coupontools.com/api/v4/directory): the list and the third-level list. Neither answer shape is documented: the
 * sandbox answers `amount_of_categories` + `category` (array), by analogy with the SMS group list.
 */

const { ok } = require('../envelope');

/** @typedef {import('../types').RouteContext} RouteContext */

/** @param {RouteContext} ctx */
function listCategories({ state }) {
	const categories = [...state.categories.values()].map(({ ID, name }) => ({ ID, name }));
	return ok({ amount_of_categories: categories.length, category: categories });
}

/** Third-level categories carry their parent (`parent_ID`, a sandbox field). @param {RouteContext} ctx */
function listThirdLevelCategories({ state }) {
	const categories = [...state.thirdLevelCategories.values()].map((category) => ({ ...category }));
	return ok({ amount_of_categories: categories.length, category: categories });
}

/** @type {import('../types').RouteMap} */
module.exports = {
	'POST /v3/category/list': listCategories,
	'POST /v3/category/main/list': listThirdLevelCategories,
};
