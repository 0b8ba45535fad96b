import { NodeApiError } from 'n8n-workflow';

import {
	answerError,
	describeFailure,
	faultClassOf,
	parseCoupontoolsFailure,
	transportError,
} from '../../nodes/Coupontools/shared/errors';
import { node } from '../harness/limiterApi';
import { parseRetryAfter } from '../../nodes/Coupontools/shared/errors/faults';
import { ERROR_HINTS } from '../../nodes/Coupontools/shared/errors/hints';

describe('error mapping (pure): every envelope shape documented by Coupontools', () => {
	test('success shapes are not failures', () => {
		expect(
			parseCoupontoolsFailure(200, { status: { status: 'OK' }, coupon_info: [] }),
		).toBeUndefined();
		expect(parseCoupontoolsFailure(200, [{ id: 1 }])).toBeUndefined();
	});

	test('scalar code inside status', () => {
		const failure = parseCoupontoolsFailure(200, {
			status: {
				status: 'failed',
				errors: {
					error_code: 1000,
					error_message: 'HTTP/1.0 401 Unauthorized. Client ID or Secret not correct.',
				},
			},
		});
		expect(failure).toMatchObject({ httpCode: 200, codes: [1000] });
	});

	test('parallel arrays inside status', () => {
		const failure = parseCoupontoolsFailure(422, {
			status: {
				status: 'failed',
				errors: {
					error_message: 'HTTP/1.0 422 Unprocessable entity.',
					error_message_description: ['Missing parameter: email', 'Missing parameter: campaign'],
					error_code: [200, 200],
				},
			},
		});
		expect(failure).toMatchObject({
			codes: [200, 200],
			details: ['Missing parameter: email', 'Missing parameter: campaign'],
		});
		expect(describeFailure(failure!).description).toContain(
			'Missing parameter: email; Missing parameter: campaign',
		);
	});

	test('sibling errors block next to status', () => {
		const failure = parseCoupontoolsFailure(200, {
			status: { status: 'failed' },
			errors: {
				error_message: 'HTTP/1.0 422 Unprocessable entity.',
				error_message_description: ['Couponsession not found'],
				error_code: [505],
			},
		});
		expect(failure?.codes).toEqual([505]);
	});

	test.each(Object.keys(ERROR_HINTS).map(Number))(
		'code %i has a message that names the code and a fix',
		(code) => {
			const text = describeFailure({
				httpCode: 422,
				codes: [code],
				apiMessage: 'HTTP/1.0 422 Unprocessable entity.',
				details: ['API words'],
				unreadable: false,
			});
			expect(text.message).toContain(String(code));
			expect(text.description).toContain('API words');
			expect(text.description.length).toBeGreaterThan(30);
		},
	);

	test('non-JSON answers', () => {
		expect(
			describeFailure(parseCoupontoolsFailure(502, '<html><body>Bad gateway</body></html>')!)
				.message,
		).toBe('Coupontools is unavailable (HTTP 502)');
		expect(describeFailure(parseCoupontoolsFailure(200, '{"status":{"sta')!).description).toMatch(
			/cut off/,
		);
		expect(describeFailure(parseCoupontoolsFailure(200, '')!).description).toMatch(/empty answer/);
	});
});

const failed = (httpCode: number, body: unknown = { status: { status: 'failed' } }) =>
	parseCoupontoolsFailure(httpCode, body)!;

describe('classification (once, where the error is made): may the call have acted?', () => {
	/** The class the limiter reads (faultClassOf) of the error production makes for this answer. */
	const classOf = (failure: ReturnType<typeof failed>, headers = {}, now = Date.now()) =>
		faultClassOf(answerError(node, failure, headers), now);
	/** The same for a transport fault as n8n-core hands it over (its code in httpCode). */
	const transportClassOf = (code: string) =>
		faultClassOf(transportError(node, Object.assign(new Error('fault'), { httpCode: code })));

	test.each([
		[429, 'not-processed'],
		[503, 'not-processed'],
		[500, 'maybe-processed'],
		[502, 'maybe-processed'],
		[504, 'maybe-processed'],
		[422, 'final'],
		[200, 'final'],
	])('HTTP %i is %s', (httpCode, kind) => {
		expect(classOf(failed(httpCode))).toEqual({ kind });
	});

	test('an unreadable answer may have acted, even with HTTP 200', () => {
		expect(classOf(failed(200, '{"status":{"sta'))).toEqual({ kind: 'maybe-processed' });
	});

	test.each([
		['ECONNREFUSED', 'not-processed'],
		['ECONNRESET', 'maybe-processed'],
		['ECONNABORTED', 'maybe-processed'],
		['ETIMEDOUT', 'maybe-processed'],
		['EPIPE', 'maybe-processed'],
		['ENOTFOUND', 'final'],
		['', 'final'],
	])('transport fault %s is %s', (code, kind) => {
		expect(transportClassOf(code)).toEqual({ kind });
	});

	test('429 and 503 carry Retry-After in milliseconds, read at the time asked; other answers do not', () => {
		expect(classOf(failed(429), { 'Retry-After': '3' })).toEqual({
			kind: 'not-processed',
			retryAfterMs: 3000,
		});
		expect(classOf(failed(503), { 'retry-after': ['1'] })).toEqual({
			kind: 'not-processed',
			retryAfterMs: 1000,
		});
		expect(classOf(failed(429), {})).toEqual({ kind: 'not-processed' });
		expect(classOf(failed(500), { 'retry-after': '3' })).toEqual({ kind: 'maybe-processed' });
		// An HTTP date is a moment: the wait is what is left of it when the limiter asks.
		const date = { 'retry-after': 'Sun, 29 Nov 2026 12:00:05 GMT' };
		expect(classOf(failed(429), date, Date.parse('2026-11-29T12:00:01Z'))).toEqual({
			kind: 'not-processed',
			retryAfterMs: 4000,
		});
	});

	test('Retry-After as seconds or an HTTP date; unreadable is undefined, the past is 0', () => {
		const now = Date.parse('2026-11-29T12:00:00Z');
		expect(parseRetryAfter('120', now)).toBe(120_000);
		expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
		expect(parseRetryAfter(['3'], now)).toBe(3000);
		expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Sun, 29 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		// Neither seconds (a non-negative integer) nor an HTTP date: no wait was told, so the limiter backs off.
		expect(parseRetryAfter('-1', now)).toBeUndefined();
		expect(parseRetryAfter('2.5', now)).toBeUndefined();
		expect(parseRetryAfter('2026-11-29T12:00:05Z', now)).toBeUndefined();
		// The two obsolete HTTP date forms RFC 9110 still asks recipients to read.
		expect(parseRetryAfter('Sunday, 29-Nov-26 12:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Sun Nov 29 12:00:05 2026', now)).toBe(5000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	test('the NodeApiError of a failed answer carries its class; errors made elsewhere are final', () => {
		const error = answerError(node, failed(429), { 'retry-after': '2' }, 0);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(faultClassOf(error)).toEqual({ kind: 'not-processed', retryAfterMs: 2000 });
		expect(faultClassOf(new Error('ours'))).toEqual({ kind: 'final' });
		expect(faultClassOf(undefined)).toEqual({ kind: 'final' });
	});

	test('a transport fault keeps only words that say what happened, never the request', () => {
		const caught = Object.assign(new Error('socket hang up'), {
			httpCode: 'ECONNRESET',
			cause: { config: { headers: { 'X-Client-Secret': 'top-secret' } } },
		});
		const error = transportError(node, caught, 0);
		expect(error.message).toBe('The connection to Coupontools was closed before it answered');
		expect(faultClassOf(error)).toEqual({ kind: 'maybe-processed' });
		expect(JSON.stringify(error)).not.toContain('top-secret');
	});
});
