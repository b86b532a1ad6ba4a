import { describe, expect, it } from 'vitest';
import { expectNoSecret } from '../../e2e/vendors/kit/no-secret.js';
import { httpFailure, readVendorWords, retryAfterMs } from './errors.js';
import type { VendorResponse } from './http.js';

const SECRET = 'key_live_ABCDEF123456';

function response(status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers: new Headers(headers), text, json };
}

function fail(status: number, body: unknown, headers: Record<string, string> = {}) {
  const res = response(status, body, headers);
  const error = httpFailure('Acme', res, readVendorWords(res.json), [SECRET]);
  expectNoSecret(error, SECRET);
  return error.failure;
}

describe('readVendorWords', () => {
  it('reads a nested error object', () => {
    expect(readVendorWords({ error: { code: 'invalid_key', message: 'Invalid or expired API key' } })).toEqual({ code: 'invalid_key', message: 'Invalid or expired API key' });
  });
  it('reads RFC 7807 problems: detail before title, type as code, invalidFields', () => {
    expect(
      readVendorWords({ title: 'Invalid data', detail: 'Recipient is invalid', type: 'errors/invalid_recipient', invalidFields: [{ field: 'to', message: 'bad' }] }),
    ).toEqual({ message: 'Recipient is invalid', code: 'errors/invalid_recipient', fields: [{ field: 'to', message: 'bad' }] });
  });
  it('reads errorMessage, error_message and a bare error string as message or code', () => {
    expect(readVendorWords({ errorMessage: 'Thread not found' })).toEqual({ message: 'Thread not found' });
    expect(readVendorWords({ error_message: 'Mailbox full' })).toEqual({ message: 'Mailbox full' });
    expect(readVendorWords({ error: 'rate_limited' })).toEqual({ code: 'rate_limited' });
    expect(readVendorWords({ error: 'Too many requests' })).toEqual({ message: 'Too many requests' });
  });
  it('reads field errors as a list or a map, and message arrays', () => {
    expect(readVendorWords({ error: { code: 'validation_error', message: 'x', details: [{ field: 'subject', message: 'too long' }] } }).fields).toEqual([
      { field: 'subject', message: 'too long' },
    ]);
    expect(readVendorWords({ errors: { to: ['is required'] } }).fields).toEqual([{ field: 'to', message: 'is required' }]);
    expect(readVendorWords({ message: ['a is bad', 'b is bad'] }).message).toBe('a is bad; b is bad');
  });
  it('gives nothing for non-objects', () => {
    expect(readVendorWords(undefined)).toEqual({});
    expect(readVendorWords('oops')).toEqual({});
    expect(readVendorWords([1, 2])).toEqual({});
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads Retry-After seconds and HTTP-dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '30' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Mar 2026 12:01:00 GMT' }), now)).toBe(60_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Mar 2026 11:00:00 GMT' }), now)).toBe(0);
  });
  it('reads X-RateLimit-Reset as epoch seconds, epoch ms, or small delta seconds', () => {
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 45) }), now)).toBe(45_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': String(now + 5_000) }), now)).toBe(5_000);
    // Rebilly: Rate-Limit-Reset is the moment the window resets, as an RFC 822 date.
    expect(retryAfterMs(new Headers({ 'rate-limit-reset': 'Sun, 01 Mar 2026 12:10:00 GMT', 'x-ratelimit-reset': '1' }), now)).toBe(600_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': '12' }), now)).toBe(12_000);
  });
  it('prefers Retry-After and ignores garbage', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3', 'x-ratelimit-reset': '50' }), now)).toBe(3_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});

describe('httpFailure', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [400, 'validation'],
    [404, 'validation'],
    [409, 'validation'],
    [413, 'validation'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'provider'],
    [502, 'provider'],
    [503, 'provider'],
    [504, 'unknown_outcome'],
    [418, 'provider'],
    [301, 'provider'],
  ] as const)('maps %i to %s and keeps status and the vendor words', (status, kind) => {
    const f = fail(status, { error: { code: 'some_code', message: 'The vendor explains' } });
    expect(f.kind).toBe(kind);
    expect(f.status).toBe(status);
    expect(f.vendorCode).toBe('some_code');
    if (status >= 400) expect(f.message).toContain('"The vendor explains" (some_code)');
    expect(f.message.startsWith('Acme ')).toBe(true);
  });

  it('attaches the wait for 429 and 503 only', () => {
    expect(fail(429, { error: 'rate_limited' }, { 'retry-after': '20' })).toMatchObject({ retryAfterMs: 20_000, message: expect.stringContaining('Try again in 20 s.') });
    expect(fail(503, {}, { 'retry-after': '600' })).toMatchObject({ retryAfterMs: 600_000, message: expect.stringContaining('Try again in 10 min.') });
    expect(fail(500, {}, { 'retry-after': '20' }).retryAfterMs).toBeUndefined();
    expect(fail(429, {}).message).toContain('Try again later.');
  });

  it('describes an HTML page briefly instead of quoting it', () => {
    const f = fail(502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>', { 'content-type': 'text/html' });
    expect(f.message).toBe('Acme had a problem on its side (HTTP 502) with an HTML error page ("502 Bad Gateway") instead of an API answer. Try again later.');
    expect(f.message).not.toContain('<');
  });

  it('quotes a short plain-text body', () => {
    expect(fail(500, 'upstream exploded').message).toContain(': "upstream exploded"');
  });

  it('redacts a key the vendor echoes back, in message, code and fields', () => {
    const f = fail(401, { error: { code: `bad_${SECRET}`, message: `Key ${SECRET} is not valid`, details: [{ field: 'key', message: `got ${SECRET}` }] } });
    expect(f.message).toContain('Key [redacted] is not valid');
    expect(f.vendorCode).toBe('bad_[redacted]');
    expect(f.fields).toEqual([{ field: 'key', message: 'got [redacted]' }]);
  });

  it('flattens and shortens long or multi-line vendor text', () => {
    const f = fail(400, { message: `line one\nline two ${'x'.repeat(1000)}` });
    expect(f.message).not.toContain('\n');
    expect(f.message.length).toBeLessThan(450);
  });

  it('says the outcome is unknown on 504', () => {
    expect(fail(504, {}).message).toMatch(/may or may not have been sent/);
  });
});
