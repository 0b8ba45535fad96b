import { byId, describeOperations } from '../harness/sandbox';

describeOperations('Single Use', [
	{
		title: 'Create with consumer data: a URL that the sandbox then knows as a session',
		parameters: {
			resource: 'singleUse',
			operation: 'create',
			campaign: byId('cam_1004'),
			singleUseFields: {
				firstname: 'Ann',
				lastname: 'Lee',
				email: 'ann@example.com',
				phone: '+32470111222',
				customid: 'crm-77',
				customvalcode: 'WELCOME-77',
				customfield1: 'gold',
				customfield7: 'x',
				duplicateCheck: true,
				expiryDate: '2026-12-31T23:59:00',
				utm_source: 'newsletter',
				utm_campaign: 'welcome',
			},
		},
		request: {
			method: 'POST',
			path: '/v3/singleuse/create',
			body: {
				campaign: 'cam_1004',
				firstname: 'Ann',
				lastname: 'Lee',
				email: 'ann@example.com',
				phone: '+32470111222',
				customid: 'crm-77',
				customvalcode: 'WELCOME-77',
				customfield1: 'gold',
				customfield7: 'x',
				duplicate_check: true,
				expiry_date: '2026-12-31 23:59:00',
				utm_source: 'newsletter',
				utm_campaign: 'welcome',
			},
		},
		output(items, sandbox) {
			expect(items).toHaveLength(1);
			expect(items[0].single_use_url).toMatch(/^https:\/\/digicpn\.com\/p\/wlc0me\/[a-z0-9]{21}$/);
			expect(String(items[0].single_use_url).endsWith(`/${items[0].single_use_code}`)).toBe(true);
			// The session Coupontools now holds carries what was sent.
			expect(sandbox.state.findSession(String(items[0].single_use_code))).toMatchObject({
				campaign: 'cam_1004',
				firstname: 'Ann',
				lastname: 'Lee',
				email: 'ann@example.com',
				phone: '+32470111222',
				customfields: ['gold', '', '', '', '', '', 'x'],
				status: {
					customid: 'crm-77',
					own_validation_code: 'WELCOME-77',
					expiration_date: '2026-12-31 23:59:00',
					utm_source: 'newsletter',
					utm_campaign: 'welcome',
				},
			});
		},
	},
	{
		title: 'Create twice for the same custom ID with duplicate check returns the same URL',
		before: async () => undefined,
		parameters: {
			resource: 'singleUse',
			operation: 'create',
			campaign: byId('cam_1001'),
			singleUseFields: { customid: 'crm-4711', duplicateCheck: true },
		},
		request: {
			method: 'POST',
			path: '/v3/singleuse/create',
			body: { campaign: 'cam_1001', customid: 'crm-4711', duplicate_check: true },
		},
		output(items) {
			expect(items[0].single_use_code).toBe('kkv53n0eer58xmcj4c0xy');
			expect(items[0].duplicate).toBe(true);
		},
	},
	{
		title: 'Create with an auto validation code',
		parameters: {
			resource: 'singleUse',
			operation: 'create',
			campaign: byId('cam_1004'),
			singleUseFields: { autovalcode: '8digits' },
		},
		request: {
			method: 'POST',
			path: '/v3/singleuse/create',
			body: { campaign: 'cam_1004', autovalcode: '8digits' },
		},
		output(items) {
			expect(items[0].single_use_code).toMatch(/^[a-z0-9]{21}$/);
		},
	},
	{
		title: 'Create Many: one output item per URL, with automated codes',
		parameters: {
			resource: 'singleUse',
			operation: 'createMany',
			campaign: byId('cam_1004'),
			amount: 25,
			status: 'voided',
			automatedCodes: true,
			codePrefix: 'XMAS-',
			codeLength: 12,
			codeType: 'numeric',
		},
		request: {
			method: 'POST',
			path: '/v3/multiplesingleuse/create',
			body: {
				campaign: 'cam_1004',
				amount: 25,
				status: 'voided',
				automated_codes: true,
				code_prefix: 'XMAS-',
				code_length: 12,
				code_type: 'numeric',
			},
		},
		output(items, sandbox) {
			expect(items).toHaveLength(25);
			for (const item of items) expect(item.custom_validation_code).toMatch(/^XMAS-\d{12}$/);
			expect(new Set(items.map((i) => i.single_use_code)).size).toBe(25);
			expect(sandbox.state.sessionsOf('cam_1004')).toHaveLength(25);
		},
	},
	{
		title: 'Create Many without automated codes sends no code settings',
		parameters: {
			resource: 'singleUse',
			operation: 'createMany',
			campaign: byId('cam_1004'),
			amount: 3,
			status: 'normal',
			automatedCodes: false,
		},
		request: {
			method: 'POST',
			path: '/v3/multiplesingleuse/create',
			body: { campaign: 'cam_1004', amount: 3, status: 'normal', automated_codes: false },
		},
		output(items) {
			expect(items).toHaveLength(3);
		},
	},
	{
		title: 'Delete: the URL is removed and the output says so',
		parameters: {
			resource: 'singleUse',
			operation: 'delete',
			campaign: byId('cam_1001'),
			couponsession: 'nidglnpgxgnvmlpe0awmu',
		},
		request: {
			method: 'POST',
			path: '/v3/singleuse/remove',
			body: { campaign: 'cam_1001', couponsession: 'nidglnpgxgnvmlpe0awmu' },
		},
		output(items, sandbox) {
			expect(items).toEqual([{ deleted: true }]);
			expect(sandbox.state.findSession('nidglnpgxgnvmlpe0awmu')).toBeUndefined();
		},
	},
]);
