/**
 * What a user reads for every error code Coupontools documents (https://docs.coupontools.com, error
 * codes), as n8n shows it: the headline names the code as a Coupontools code (never like an HTTP status),
 * the description gives Coupontools' own words without the HTTP status line it prefixes them with.
 * The messages are spelled out: a change of wording must be a change of this table.
 */
import type { INode } from 'n8n-workflow';

import { byId, run, useSandbox } from '../harness/sandbox';
import {
	checkError,
	describeFailure,
	parseCoupontoolsFailure,
} from '../../nodes/Coupontools/shared/errors';
import { ERROR_HINTS } from '../../nodes/Coupontools/shared/errors/hints';

const MESSAGES: Record<number, string> = {
	101: 'The Coupontools account has expired (Coupontools code 101)',
	102: 'Subaccount keys cannot manage subaccounts (Coupontools code 102)',
	103: 'The account is not connected to the Coupontools SMS services or email tool (Coupontools code 103)',
	104: 'The account has no email-marketing integration (Coupontools code 104)',
	200: 'A required field is missing (Coupontools code 200)',
	300: 'Coupontools rejected a value (Coupontools code 300)',
	301: 'A value contains characters Coupontools does not accept (Coupontools code 301)',
	302: 'A value is not one of the allowed choices (Coupontools code 302)',
	303: 'A value has the wrong format (Coupontools code 303)',
	304: 'This email address already exists (Coupontools code 304)',
	305: 'The email address is not valid (Coupontools code 305)',
	502: 'Campaign or directory not found (Coupontools code 502)',
	503: 'Teammate not found (Coupontools code 503)',
	505: 'Coupon session or loyalty card not found (Coupontools code 505)',
	507: 'Directory or loyalty card not found (Coupontools code 507)',
	509: 'Webhook event not found (Coupontools code 509)',
	510: 'Subaccount not found (Coupontools code 510)',
	514: 'Group not found (Coupontools code 514)',
	515: 'Folder not found (Coupontools code 515)',
	604: 'Coupontools could not send the email (Coupontools code 604)',
	1000: 'Client ID or secret not correct (Coupontools code 1000)',
};

/** The envelope Coupontools answers with: its words after an HTTP status line, plus a detail. */
function answered(code: number, httpCode = 422) {
	return parseCoupontoolsFailure(httpCode, {
		status: {
			status: 'failed',
			errors: {
				error_code: code,
				error_message: `HTTP/1.0 ${httpCode} Unprocessable entity.`,
				error_message_description: ['Campaign ID not found'],
			},
		},
	})!;
}

describe('the message of every documented Coupontools code', () => {
	test('the table covers every code the node knows, and only those', () => {
		expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(ERROR_HINTS).sort());
	});

	test.each(Object.entries(MESSAGES).map(([code, message]) => [Number(code), message] as const))(
		'code %i: %s',
		(code, message) => {
			const { message: shown, description } = describeFailure(answered(code));
			expect(shown).toBe(message);
			expect(shown).not.toMatch(/error \d|HTTP/);
			expect(description).toBe(
				`Coupontools says: Campaign ID not found. ${ERROR_HINTS[code].description}`,
			);
			expect(description).not.toMatch(/HTTP\/\d/);
		},
	);
});

describe("Coupontools' words", () => {
	test('an HTTP status line before the words is dropped, the words are kept', () => {
		const failure = parseCoupontoolsFailure(200, {
			status: {
				status: 'failed',
				errors: {
					error_code: 1000,
					error_message: 'HTTP/1.0 401 Unauthorized. Client ID or Secret not correct.',
				},
			},
		})!;
		expect(describeFailure(failure).description).toMatch(
			/^Coupontools says: Client ID or Secret not correct\. Check the Coupontools API credential/,
		);
	});

	test('a status line alone leaves only the fix', () => {
		const failure = parseCoupontoolsFailure(422, {
			status: {
				status: 'failed',
				errors: { error_code: 502, error_message: 'HTTP/1.0 422 Unprocessable entity.' },
			},
		})!;
		expect(describeFailure(failure)).toEqual({
			message: 'Campaign or directory not found (Coupontools code 502)',
			description: ERROR_HINTS[502].description,
		});
	});

	test('several codes are named as such; an unknown code is still a Coupontools code', () => {
		const several = parseCoupontoolsFailure(422, {
			status: { status: 'failed', errors: { error_code: [200, 301] } },
		})!;
		expect(describeFailure(several).message).toBe(
			'A required field is missing (Coupontools codes 200, 301)',
		);
		const unknown = parseCoupontoolsFailure(422, {
			status: { status: 'failed', errors: { error_code: 777, error_message: 'Nope.' } },
		})!;
		expect(describeFailure(unknown)).toEqual({
			message: 'Coupontools refused the request (Coupontools code 777)',
			description: 'Coupontools says: Nope.',
		});
	});

	test('an answer without a code is named by its HTTP status', () => {
		expect(describeFailure(parseCoupontoolsFailure(429, 'Too many requests')!).message).toBe(
			'Coupontools is rate limiting the requests (HTTP 429)',
		);
	});
});

describe('checks that never reached Coupontools', () => {
	test('carry no HTTP code and no API words, so n8n shows no "From Coupontools" details', () => {
		const node = { name: 'Coupontools', type: 'x', typeVersion: 1, parameters: {} } as INode;
		const error = checkError(node, 'Email "ann" is not an email address', {
			description: 'Fix the Email field for item 0; nothing was sent to Coupontools.',
			itemIndex: 0,
		});
		expect(error.httpCode).toBeNull();
		expect(error.messages).toEqual([]);
		expect(error.message).toBe('Email "ann" is not an email address');
		expect(error.description).toBe(
			'Fix the Email field for item 0; nothing was sent to Coupontools.',
		);
	});
});

describe('through the engine, against the sandbox', () => {
	const sandbox = useSandbox();

	test('a refused value stops the item before sending, without an HTTP code ("none" would show)', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'distribution',
				operation: 'sendEmail',
				campaignOrDirectory: byId('cam_1001'),
				email: 'ann.example.com',
			},
		});
		expect(sandbox.current.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Email "ann\.example\.com" is not an email address/);
		expect(result.error?.httpCode ?? null).toBeNull();
	});

	test('an unknown campaign reads as a Coupontools code, with its words and the fix', async () => {
		const result = await run(sandbox.current, {
			parameters: {
				resource: 'distribution',
				operation: 'sendEmail',
				campaignOrDirectory: byId('cam_9999'),
				email: 'ann@example.com',
			},
		});
		expect(result.error?.message).toBe('Campaign or directory not found (Coupontools code 502)');
		expect(result.error?.description).not.toMatch(/HTTP\/\d/);
		expect(result.error?.description).toMatch(
			/Check the Campaign \(cam_…\) or Directory \(dir_…\) ID/,
		);
	});
});
