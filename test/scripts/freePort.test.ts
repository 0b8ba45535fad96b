/**
 * The end-to-end stacks pick a port, then start n8n on it seconds later. A port from the kernel's
 * ephemeral range can be taken in between by any outgoing connection on the machine (CI once lost a
 * whole suite to "n8n's port ... is already in use" while a parallel suite connected to PostgreSQL).
 */
// Plain JS helpers: n8n's lint forbids node: imports in .ts files.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeLib = require('../../scripts/lib/n8n-runtime') as {
	freePort: () => Promise<number>;
	ephemeralRange: () => [number, number];
	canBind: (port: number) => Promise<boolean>;
};

const [ephemeralLow] = runtimeLib.ephemeralRange();

test("ports for servers are below the kernel's ephemeral range (Linux default 32768-60999), distinct, and bindable", async () => {
	const ports = await Promise.all(Array.from({ length: 20 }, () => runtimeLib.freePort()));
	expect(new Set(ports).size).toBe(20);
	for (const port of ports) {
		expect(port).toBeGreaterThanOrEqual(10_000);
		expect(port).toBeLessThan(ephemeralLow);
	}
	expect(await runtimeLib.canBind(ports[0])).toBe(true);
});
