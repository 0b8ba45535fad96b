// @ts-check
'use strict';
/**
 * Renders icons/coupontools.svg and icons/coupontools.dark.svg the way n8n shows them (an <img>) at
 * 16, 24 and 48 px on n8n's light and dark backgrounds, at 1× and 2× pixel density, into
 * .artifacts/icons.png, plus a 6× magnified copy (.artifacts/icons-zoom.png) to judge single pixels.
 * Needs Debian's Chromium (scripts/install-chromium.sh). Usage: node scripts/render-icons.js
 */
const fs = require('node:fs');
const path = require('node:path');

const { chromium } = require('playwright-core');

const root = path.join(__dirname, '..');
const out = path.join(root, '.artifacts');
const SIZES = [16, 24, 48];
/** n8n's canvas and node backgrounds, light and dark theme. */
const BACKGROUNDS = [
	['light', '#ffffff', '#f5f5f5'],
	['dark', '#1f1f1f', '#2b2b2b'],
];

function icon(/** @type {string} */ file) {
	const svg = fs.readFileSync(path.join(root, 'icons', file));
	return `data:image/svg+xml;base64,${svg.toString('base64')}`;
}

function page() {
	const rows = BACKGROUNDS.map(([theme, canvas, node]) => {
		const file = theme === 'dark' ? 'coupontools.dark.svg' : 'coupontools.svg';
		const cells = SIZES.map(
			(size) =>
				`<div class="cell" style="background:${node}"><img src="${icon(file)}" width="${size}" height="${size}"></div>`,
		).join('');
		return `<div class="row" style="background:${canvas};color:${theme === 'dark' ? '#ddd' : '#333'}"><span>${theme}</span>${cells}</div>`;
	}).join('');
	return `<!doctype html><html><body style="margin:0;font:12px sans-serif">${rows}</body>
<style>.row{display:flex;align-items:center;gap:12px;padding:8px}.row span{width:60px}
.cell{width:64px;height:64px;display:flex;align-items:center;justify-content:center;border-radius:8px}</style></html>`;
}

async function main() {
	fs.mkdirSync(out, { recursive: true });
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu'],
	});
	try {
		const shots = [];
		for (const scale of [1, 2]) {
			const context = await browser.newContext({
				viewport: { width: 300, height: 160 },
				deviceScaleFactor: scale,
			});
			const tab = await context.newPage();
			await tab.setContent(page());
			const file = path.join(out, scale === 1 ? 'icons.png' : 'icons@2x.png');
			await tab.screenshot({ path: file });
			shots.push(file);
			await context.close();
		}
		const zoom = await browser.newContext({ viewport: { width: 1800, height: 960 } });
		const tab = await zoom.newPage();
		const png = fs.readFileSync(shots[0]).toString('base64');
		await tab.setContent(
			`<body style="margin:0"><img src="data:image/png;base64,${png}" style="width:1800px;image-rendering:pixelated"></body>`,
		);
		await tab.screenshot({ path: path.join(out, 'icons-zoom.png') });
		console.log(`icons: ${[...shots, path.join(out, 'icons-zoom.png')].join(', ')}`);
	} finally {
		await browser.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
