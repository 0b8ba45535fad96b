// Programmatic entry point: n8n itself loads the classes through the `n8n` section of package.json;
// this file lets scripts and tests require the built node and credential classes in one line.
module.exports = {
	get Coupontools() {
		return require('./dist/nodes/Coupontools/Coupontools.node').Coupontools;
	},
	get CoupontoolsTrigger() {
		return require('./dist/nodes/CoupontoolsTrigger/CoupontoolsTrigger.node').CoupontoolsTrigger;
	},
	get CoupontoolsPollTrigger() {
		return require('./dist/nodes/CoupontoolsPollTrigger/CoupontoolsPollTrigger.node')
			.CoupontoolsPollTrigger;
	},
	get CoupontoolsApi() {
		return require('./dist/credentials/CoupontoolsApi.credentials').CoupontoolsApi;
	},
};
