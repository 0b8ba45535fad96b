// The request path map at the top of Coupontools.node.ts names the files a request crosses: each must exist.
const fs = require('node:fs');
const path = require('node:path');

const nodeDir = path.join(__dirname, '..', '..', 'nodes', 'Coupontools');
const source = fs.readFileSync(path.join(nodeDir, 'Coupontools.node.ts'), 'utf8');
const map = source.slice(source.indexOf('How a request travels'), source.indexOf('export class'));

test('the request path map has seven steps, and every file or folder it names exists', () => {
	const steps = map.match(/^ \* \d\. /gm) ?? [];
	expect(steps.map((step) => step.trim())).toEqual([
		'* 1.',
		'* 2.',
		'* 3.',
		'* 4.',
		'* 5.',
		'* 6.',
		'* 7.',
	]);
	const named = [...map.matchAll(/\b((?:shared|resources)\/[\w<>./-]*\w\/?|v4Pages\.ts)/g)]
		.map((match) => match[1])
		.map((name) => (name === 'v4Pages.ts' ? 'shared/v4Pages.ts' : name));
	const concrete = named.filter((name) => !name.includes('<'));
	expect(concrete).toEqual([
		'shared/requestLoop.ts',
		'shared/requestPolicy.ts',
		'shared/pagination.ts',
		'shared/v4Pages.ts',
		'shared/validation/',
		'shared/limiter/',
		'shared/transport.ts',
		'shared/credential.ts',
		'shared/errors/',
		'shared/itemError.ts',
		'shared/output.ts',
	]);
	const missing = concrete.filter((name) => !fs.existsSync(path.join(nodeDir, name)));
	expect(missing).toEqual([]);
});
