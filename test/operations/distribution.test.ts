import { byId, describeOperations } from '../harness/sandbox';

describeOperations('Distribution', [
	{
		title: 'Send Email: the coupon goes out, with names, subject and check unique',
		parameters: {
			resource: 'distribution',
			operation: 'sendEmail',
			campaignOrDirectory: byId('cam_1001'),
			email: 'new.person@example.com',
			checkUnique: true,
			additionalFields: { firstname: 'New', lastname: 'Person', subject: 'A gift for you' },
		},
		request: {
			method: 'POST',
			path: '/v3/send/email',
			body: {
				campaign: 'cam_1001',
				email: 'new.person@example.com',
				check_unique: true,
				firstname: 'New',
				lastname: 'Person',
				subject: 'A gift for you',
			},
		},
		output(items, sandbox) {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				sent: true,
				action: 'email_sent',
				receiver: 'new.person@example.com',
				campaign: 'cam_1001',
			});
			expect(items[0].single_use_url).toMatch(/^https:\/\/digicpn\.com\/p\/vuhykb\//);
			expect(sandbox.state.emailsSent['new.person@example.com']).toHaveLength(1);
		},
	},
	{
		title:
			'Send Email to an address that already got it, with check unique: reported as skipped, nothing sent',
		parameters: {
			resource: 'distribution',
			operation: 'sendEmail',
			campaignOrDirectory: byId('cam_1001'),
			email: 'twice@example.com',
			checkUnique: true,
		},
		items: [{}, {}],
		request: {
			method: 'POST',
			path: '/v3/send/email',
			body: { campaign: 'cam_1001', email: 'twice@example.com', check_unique: true },
		},
		output(items, sandbox) {
			expect(items.map((i) => [i.sent, i.skipped ?? false]).sort()).toEqual([
				[false, true],
				[true, false],
			]);
			expect(sandbox.state.emailsSent['twice@example.com']).toHaveLength(1);
		},
	},
	{
		title: 'Send Email of a directory (dir_ ID)',
		parameters: {
			resource: 'distribution',
			operation: 'sendEmail',
			campaignOrDirectory: byId('dir_2001'),
			email: 'dir@example.com',
			checkUnique: false,
		},
		request: {
			method: 'POST',
			path: '/v3/send/email',
			body: { campaign: 'dir_2001', email: 'dir@example.com', check_unique: false },
		},
		output(items) {
			expect(items[0]).toMatchObject({ sent: true, campaign: 'dir_2001' });
		},
	},
	{
		title: 'Send Email from an expression per input item',
		parameters: {
			resource: 'distribution',
			operation: 'sendEmail',
			campaignOrDirectory: byId('cam_1002'),
			email: '={{ $json.contact.email }}',
			checkUnique: true,
		},
		items: [{ contact: { email: 'a@example.com' } }, { contact: { email: 'b@example.com' } }],
		request: { method: 'POST', path: '/v3/send/email' },
		output(items, sandbox) {
			expect(items.map((i) => i.receiver)).toEqual(['a@example.com', 'b@example.com']);
			expect(sandbox.requests.map((r) => (r.body as Record<string, unknown>).email).sort()).toEqual(
				['a@example.com', 'b@example.com'],
			);
		},
	},
	{
		title: 'Send SMS with text',
		parameters: {
			resource: 'distribution',
			operation: 'sendSms',
			campaignOrDirectory: byId('cam_1002'),
			phone: '+32470123456',
			text: 'Your coffee:',
		},
		request: {
			method: 'POST',
			path: '/v3/send/sms',
			body: { campaign: 'cam_1002', phone: '+32470123456', body: 'Your coffee:' },
		},
		output(items) {
			expect(items[0]).toMatchObject({ campaign: 'cam_1002', phone: '32470123456' });
			expect(items[0].single_use_url).toMatch(/^https:\/\/digicpn\.com\/p\/k3fp2q\//);
		},
	},
]);
