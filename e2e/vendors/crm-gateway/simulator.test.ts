import { afterEach, describe, expect, it } from 'vitest';
import type { VendorSimulator } from '../kit/server.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, crmGatewaySent, startCrmGateway, type CrmGatewayOptions } from './simulator.js';
import { isMailbox } from './validate.js';

let sims: VendorSimulator[] = [];
async function gateway(options: CrmGatewayOptions = {}): Promise<VendorSimulator> {
  const sim = await startCrmGateway(options);
  sims.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

const valid = { to: 'jane@example.com', subject: 'Hi', body_text: 'Hello' };

async function post(sim: VendorSimulator, body: unknown, headers: Record<string, string> = {}, path = CRM_GATEWAY_PATH) {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${CRM_GATEWAY_TEST_KEY}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

const code = (json: Record<string, unknown>) => (json.error as { code?: string } | undefined)?.code;
const details = (json: Record<string, unknown>) => (json.error as { details?: { field: string }[] } | undefined)?.details?.map((d) => d.field);

describe('CRM gateway simulator', () => {
  it('accepts a minimal send with rate-limit and request-id headers', async () => {
    const sim = await gateway();
    const res = await post(sim, valid);
    expect(res.status).toBe(200);
    // LeadLex's documented answer: everything wrapped in `data`.
    expect(res.json).toEqual({
      data: { id: expect.stringMatching(/^msg_/), thread_id: expect.stringMatching(/^thr_/), provider: 'gmail', status: 'sent', sent_at: expect.any(String) },
    });
    expect(new Date(String((res.json.data as { sent_at: string }).sent_at)).getTime()).not.toBeNaN();
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(crmGatewaySent(sim)).toHaveLength(1);
  });

  it('enforces method, path, key and content type', async () => {
    const sim = await gateway();
    expect((await fetch(`${sim.url}${CRM_GATEWAY_PATH}`)).status).toBe(405);
    expect((await post(sim, valid, {}, '/v1/other')).status).toBe(404);
    const wrongKey = await post(sim, valid, { authorization: 'Bearer nope' });
    expect([wrongKey.status, code(wrongKey.json)]).toEqual([401, 'invalid_key']);
    const noKey = await post(sim, valid, { authorization: '' });
    expect(noKey.status).toBe(401);
    const readOnly = await post(sim, valid, { authorization: 'Bearer gw_readonly_key' });
    expect([readOnly.status, code(readOnly.json)]).toEqual([403, 'insufficient_permissions']);
    const text = await post(sim, valid, { 'content-type': 'text/plain' });
    expect([text.status, code(text.json)]).toEqual([400, 'validation_error']);
    const broken = await post(sim, '{"to":');
    expect([broken.status, code(broken.json)]).toEqual([400, 'validation_error']);
    expect(crmGatewaySent(sim)).toHaveLength(0);
  });

  it('requires to, subject and a body, with details', async () => {
    const sim = await gateway();
    const res = await post(sim, {});
    expect(res.status).toBe(400);
    expect(details(res.json)?.sort()).toEqual(['body_html', 'subject', 'to']);
    expect((await post(sim, { ...valid, body_text: undefined, body_html: '<p>x</p>' })).status).toBe(200);
  });

  it('limits the subject to 998 characters and refuses line breaks in it', async () => {
    const sim = await gateway();
    expect((await post(sim, { ...valid, subject: 'x'.repeat(998) })).status).toBe(200);
    expect(details((await post(sim, { ...valid, subject: 'x'.repeat(999) })).json)).toEqual(['subject']);
    expect(details((await post(sim, { ...valid, subject: 'a\r\nBcc: x@evil.io' })).json)).toEqual(['subject']);
  });

  it('checks address syntax in every address field and refuses unknown fields', async () => {
    const sim = await gateway();
    const ok = await post(sim, { ...valid, to: ['Jane Doe <jane@example.com>', '"Doe, John" <john@example.com>'], cc: ['a@example.com'], bcc: ['b@example.com'], reply_to: 'Sales <s@example.com>' });
    expect(ok.status).toBe(200);
    const bad = await post(sim, { ...valid, to: ['Doe, John <john@example.com>', 'jane@'], cc: 'a@example.com', reply_to: 'nope', replyTo: 'x@example.com' });
    expect(details(bad.json)).toEqual(['replyTo', 'to[0]', 'to[1]', 'cc', 'reply_to']);
  });

  it('checks attachments and the optional UUIDs', async () => {
    const sim = await gateway();
    const good = { filename: 'a.txt', mime_type: 'text/plain', content_base64: Buffer.from('abc').toString('base64') };
    expect((await post(sim, { ...valid, attachments: [good, { filename: 'b', storage_path: 'files/b' }], contact_id: '3b241101-e2bb-4255-8caf-4136c566a962' })).status).toBe(200);
    const bad = await post(sim, { ...valid, attachments: [{ filename: '', content_base64: 'not base64!' }, { filename: 'x' }], deal_id: 'deal-1' });
    expect(details(bad.json)).toEqual(['deal_id', 'attachments[0].filename', 'attachments[0].content_base64', 'attachments[1]']);
  });

  it('replays the first answer for the same key and payload, headers included, and refuses a different payload', async () => {
    const sim = await gateway();
    const key = { 'idempotency-key': '9b2e3f7c-1d1a-4b8e-8f3a-2c9d0e1f2a3b' };
    const first = await post(sim, valid, key);
    const again = await post(sim, { body_text: 'Hello', subject: 'Hi', to: 'jane@example.com' }, key);
    expect(again.status).toBe(first.status);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('x-request-id')).toBe(first.headers.get('x-request-id'));
    expect(again.headers.get('x-ratelimit-remaining')).toBe(first.headers.get('x-ratelimit-remaining'));
    const conflict = await post(sim, { ...valid, subject: 'Other' }, key);
    expect([conflict.status, code(conflict.json)]).toEqual([409, 'idempotency_conflict']);
    expect(crmGatewaySent(sim)).toHaveLength(1);
  });

  it('forgets a key after 24 hours and does not store failures', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const sim = await gateway({ now: () => now });
    const key = { 'idempotency-key': '0e0b7c1a-5d2f-4c3b-9a8e-7f6d5c4b3a21' };
    expect((await post(sim, { ...valid, to: 'bad' }, key)).status).toBe(400);
    const first = await post(sim, valid, key);
    expect(first.status).toBe(200);
    now += 24 * 60 * 60 * 1000;
    const later = await post(sim, valid, key);
    expect(later.json.data).toBeDefined();
    expect(later.json.data).not.toEqual(first.json.data);
    expect(crmGatewaySent(sim)).toHaveLength(2);
  });

  it('answers 429 with Retry-After once the per-day cap is used up, until UTC midnight', async () => {
    const now = Date.parse('2026-03-01T23:59:00Z');
    const sim = await gateway({ dailyLimit: 1, now: () => now });
    expect((await post(sim, valid)).status).toBe(200);
    const capped = await post(sim, valid);
    expect([capped.status, code(capped.json)]).toEqual([429, 'rate_limited']);
    expect(capped.headers.get('retry-after')).toBe('60');
    expect(capped.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(capped.headers.get('x-ratelimit-reset')).toBe(String(Date.parse('2026-03-02T00:00:00Z') / 1000));
  });

  it('parses RFC 5322 mailboxes', () => {
    for (const ok of ['jane@example.com', 'Jane Doe <jane@example.com>', '"Doe, Jane" <jane@example.com>', '<jane@example.com>', '"a\\"b" <x@example.co.uk>']) {
      expect(isMailbox(ok), ok).toBe(true);
    }
    for (const bad of ['jane', 'jane@', '@example.com', 'Doe, Jane <jane@example.com>', 'jane@example', 'a b@example.com', 'Jane <jane@example.com', 'x@example.com\r\nBcc: y@z.io']) {
      expect(isMailbox(bad), bad).toBe(false);
    }
  });
});
