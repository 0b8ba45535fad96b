// @ts-check
/**
 * Email tool group routes (https://docs.coupontools.com/api/others): grouplist is documented, userlist / addgroup / addcontact are the
 * SMS tool's paths mirrored (inferred, as in the node). The docs give the email tool error 103 with its
 * text cut off: the sandbox answers 103 when the account's email integration is off.
 */

const { fail } = require('../envelope');
const { createGroupRoutes } = require('./_contactGroups');

module.exports = createGroupRoutes({
	prefix: '/v3/emailtool',
	groups: (state) => state.emailGroups,
	groupParam: 'emailgroup',
	contactKey: 'email',
	requireService: (state) => {
		if (!state.account.emailIntegration)
			fail(103, 'This account is not connected with the Coupontools email services');
	},
	firstId: 4501,
});
