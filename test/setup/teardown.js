// Every ExecuteContext starts n8n-core's SSHClientsManager, whose 60 s cleanup interval is not unref'd
// and would keep jest alive; shut it down after each test file. @n8n/di is resolved from n8n-core so
// the container is the one n8n-core registered its services in.
afterAll(() => {
	const coreEntry = require.resolve('n8n-core');
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreEntry] }));
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
