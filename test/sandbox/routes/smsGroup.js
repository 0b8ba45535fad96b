// @ts-check
/** SMS tool group routes (https://docs.coupontools.com/api/others, all documented paths); behaviour in _contactGroups.js. */

const { requireIntegration } = require('../lookup');
const { createGroupRoutes } = require('./_contactGroups');

module.exports = createGroupRoutes({
	prefix: '/v3/smstool',
	groups: (state) => state.smsGroups,
	groupParam: 'smsgroup',
	contactKey: 'phone',
	requireService: (state) => requireIntegration(state, 'sms'),
	firstId: 4001,
});
