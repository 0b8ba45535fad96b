// @ts-check
'use strict';
/**
 * The editor check: Debian's Chromium (scripts/install-chromium.sh), driven by playwright-core, opens
 * the real n8n editor, logs in as the owner, opens the node panel on a new workflow, finds
 * "Coupontools", sees its actions grouped by resource, adds "Send a coupon by email" and sees the Send
 * Email fields; the campaign picker lists the sandbox's campaigns through n8n. Screenshots go to
 * .artifacts/editor-<line>*.png (gitignored; CI keeps them).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { chromium, selectors } = require('playwright-core');

const { e2eContext, waitFor } = require('./lib/context');

const ctx = e2eContext();
const CHROMIUM = '/usr/bin/chromium';
/** Loading the editor bundle takes 15-35 s on 2 busy cores. */
const STEP_TIMEOUT = 90_000;
const RESOURCES = [
	'Campaign',
	'Category',
	'Coupon Session',
	'Directory',
	'Distribution',
	'Email Group',
	'Loyalty Card',
	'Single Use',
	'SMS Group',
	'Subaccount',
	'Webhook Event',
];

const shot = (/** @type {string} */ suffix) =>
	path.join(ctx.artifacts, `editor-${ctx.line}${suffix}.png`);

/** @type {import('playwright-core').Page | undefined} */
let current;
/**
 * A browser step: on failure, the page as it was goes to editor-<line>-failure.png before the error.
 * @param {() => Promise<void>} fn
 */
const step = (fn) => async () => {
	try {
		await fn();
	} catch (error) {
		await current?.screenshot({ path: shot('-failure') }).catch(() => undefined);
		throw error;
	}
};

describe(`n8n ${ctx.line} editor in Chromium`, () => {
	/** @type {import('playwright-core').BrowserContext | undefined} */
	let browser;
	/** @type {import('playwright-core').Page} */
	let page;
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'coupontools-chromium-'));

	beforeAll(async () => {
		if (!fs.existsSync(CHROMIUM))
			throw new Error(`${CHROMIUM} is missing: run \`bash scripts/install-chromium.sh\``);
		fs.mkdirSync(ctx.artifacts, { recursive: true });
		for (const suffix of ['', '-actions', '-picker', '-failure'])
			fs.rmSync(shot(suffix), { force: true });
		await ctx.sandbox.reset();
		// n8n marks elements with data-test-id (playwright's default attribute is data-testid).
		selectors.setTestIdAttribute('data-test-id');
		browser = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			viewport: { width: 1440, height: 900 },
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		browser.setDefaultTimeout(STEP_TIMEOUT);
		// Everything the editor loads comes from n8n on 127.0.0.1; nothing may leave the machine.
		await browser.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
		page = browser.pages()[0] ?? (await browser.newPage());
		current = page;
	}, STEP_TIMEOUT * 2);

	afterAll(async () => {
		await browser?.close();
		fs.rmSync(profile, { recursive: true, force: true });
	});

	test(
		'log in as the owner and open a new workflow',
		step(async () => {
			await page.goto(`${ctx.baseUrl}/signin?redirect=${encodeURIComponent('/workflow/new')}`);
			await page
				.locator(
					'[data-test-id="emailOrLdapLoginId"] input, input[data-test-id="emailOrLdapLoginId"]',
				)
				.fill(ctx.owner.email);
			await page
				.locator('[data-test-id="password"] input, input[data-test-id="password"]')
				.fill(ctx.owner.password);
			await page.getByTestId('form-submit-button').click();
			await page.getByTestId('canvas-add-button').waitFor();
			expect(new URL(page.url()).pathname).toMatch(/^\/workflow\//);
		}),
		STEP_TIMEOUT * 2,
	);

	test(
		'the node panel finds "Coupontools" and lists its actions by resource',
		step(async () => {
			await page.getByTestId('canvas-add-button').click();
			await page
				.getByTestId('node-creator-search-bar')
				.locator('input')
				.or(page.locator('input[data-test-id="node-creator-search-bar"]'))
				.first()
				.fill('Coupontools');
			const item = page.getByTestId('node-creator-item-name').filter({ hasText: /^Coupontools$/ });
			await item.first().click();

			await page.getByText(/^Actions \(\d+\)$/).click();
			const groups = page.locator(
				'[data-test-id="item-iterator-item"][data-keyboard-nav-id$=" Actions"]',
			);
			const names = async () =>
				(await groups.allTextContents()).map((text) => text.trim().replace(/ Actions$/, ''));
			// The panel renders long lists in chunks: wait until every group is there.
			await waitFor(
				async () => (await names()).length >= RESOURCES.length,
				'every resource group in the node panel',
				{ timeoutMs: STEP_TIMEOUT },
			);
			expect(await names()).toEqual(RESOURCES);
			await expect(
				page.getByText('Send a coupon by email', { exact: true }).isVisible(),
			).resolves.toBe(true);
			await page.screenshot({ path: shot('-actions') });
		}),
		STEP_TIMEOUT * 2,
	);

	test(
		'adding "Send a coupon by email" opens the node with the Send Email fields',
		step(async () => {
			await page.getByText('Send a coupon by email', { exact: true }).click();
			const ndv = page.getByTestId('ndv');
			await ndv.getByTestId('parameter-input-email').waitFor();

			expect(
				await ndv.locator('[data-test-id="parameter-input-resource"] input').inputValue(),
			).toBe('Distribution');
			expect(
				await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue(),
			).toBe('Send Email');
			// The only Coupontools credential is picked for the new node.
			expect(await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue()).toBe(
				'Coupontools (sandbox)',
			);
			const labels = (
				await ndv.locator('[data-test-id="input-label"] label').allTextContents()
			).map((text) => text.replace(/(Fixed|Expression)/g, '').trim());
			expect(labels).toEqual(
				expect.arrayContaining([
					'Campaign or Directory',
					'Email',
					'Check Unique',
					'Additional Fields',
				]),
			);
			for (const field of ['campaignOrDirectory', 'email', 'checkUnique']) {
				await expect(ndv.getByTestId(`parameter-input-${field}`).isVisible()).resolves.toBe(true);
			}
			await page.screenshot({ path: shot('') });
		}),
		STEP_TIMEOUT * 2,
	);

	test(
		'the campaign picker lists the campaigns n8n reads from Coupontools (the sandbox)',
		step(async () => {
			await ctx.sandbox.reset();
			await page.getByTestId('ndv').getByTestId('rlc-input').click();
			await page.getByText('Welcome Gift (cam_1004)').waitFor();
			for (const name of ['Summer Sale 10% (cam_1001)', 'Free Coffee (cam_1002)']) {
				await expect(page.getByText(name).isVisible()).resolves.toBe(true);
			}
			await page.screenshot({ path: shot('-picker') });
			const requests = await ctx.sandbox.requests();
			expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /v3/coupon/list');
		}),
		STEP_TIMEOUT * 2,
	);
});
