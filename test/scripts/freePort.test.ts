/**
 * The end-to-end stacks pick a port, then start n8n on it seconds later. A port from the kernel's
 * ephemeral range can be taken in between by any outgoing connection on the machine (CI once lost a
 * whole suite to "n8n's port ... is already in use" while a parallel suite connected to PostgreSQL).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeLib = require('../../scripts/lib/n8n-runtime') as { freePort: () => Promise<number> };

const [ephemeralLow] = fs
	.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
	.trim()
	.split(/\s+/)
	.map(Number);

test('ports for servers are below the ephemeral range, distinct, and bindable', async () => {
	const ports = await Promise.all(Array.from({ length: 20 }, () => runtimeLib.freePort()));
	expect(new Set(ports).size).toBe(20);
	for (const port of ports) {
		expect(port).toBeGreaterThanOrEqual(10_000);
		expect(port).toBeLessThan(ephemeralLow);
	}
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
	expect((server.address() as net.AddressInfo).port).toBe(ports[0]);
	await new Promise((resolve) => server.close(resolve));
});
