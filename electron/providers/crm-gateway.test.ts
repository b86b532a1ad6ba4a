import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CRM_GATEWAY_PATH, crmGatewaySent, startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import { closedSimulatorUrl, expectSendFailure, itHandlesTransportFailures, sampleMessage, transportSettings } from '../../e2e/vendors/kit/send-fixtures.js';
import type { Fault, VendorSimulator } from '../../e2e/vendors/kit/server.js';
import type { AccountSettings } from '../../shared/accounts.js';
import { fileAttachment, wrapFile } from '../services/attachments/test-support.js';
import { crmGatewayProvider, crmGatewayRef, crmGatewayThreadUrl } from './crm-gateway.js';
import { retryDecision } from './retry-policy.js';
import type { OutgoingMessage, SendFailure } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';

/** What the outbox asks a provider's `check` about: the vendor id a failure named. */
const ask = (remoteId: string) => ({ idempotencyKey: '5b0c6a4e-2f3d-4c1b-9e8a-7d6f5e4c3b2a', remoteId, attemptedAt: 0, message: message() });


type Settings = Extract<AccountSettings, { provider: 'crm-gateway' }>;

const SECRET = 'gw_live_S3CR3T_9f8e7d6c5b4a';
const KEY = '3b241101-e2bb-4255-8caf-4136c566a962';

let sim: VendorSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startCrmGateway({ apiKey: SECRET, readOnlyKey: 'gw_readonly_0000' });
  dir = await mkdtemp(join(tmpdir(), 'crm-gateway-'));
});
afterEach(() => sim.reset());
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

function account(extra: Partial<Settings> = {}, secret = SECRET): SendAccount<Settings> {
  return { id: 'acc_gw', settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}`, timeoutMs: 2_000, ...extra }, secret };
}

// A UUID key: the tests check it travels as the Idempotency-Key header and is replayed.
const message = (extra: Partial<OutgoingMessage> = {}): OutgoingMessage => sampleMessage({ idempotencyKey: KEY, ...extra });

/** Sends expecting a ServiceError; every path checks that the key is nowhere on the error. */
async function sendFailure(msg: OutgoingMessage, acc = account(), signal?: AbortSignal): Promise<SendFailure> {
  return (await expectSendFailure(crmGatewayProvider.send(msg, acc, signal), [SECRET])).failure;
}

async function withFault(fault: Fault, msg = message()): Promise<SendFailure> {
  sim.injectFault(fault);
  const failure = await sendFailure(msg);
  expect(sim.requests).toHaveLength(1);
  return failure;
}

describe('crmGatewayProvider: request mapping', () => {
  it('declares what the gateway carries', () => {
    expect(crmGatewayProvider.id).toBe('crm-gateway');
    expect(crmGatewayProvider.capabilities).toEqual({
      cc: true,
      bcc: true,
      textPart: true,
      localAttachments: true,
      maxAttachmentBytes: 25 * 1024 * 1024,
      replyTo: true,
      threading: true,
      idempotency: 'guaranteed',
      // It logs an email to a contact's timeline and a deal.
      crmLinks: 'contact_deal',
      displayNames: true,
      // It sends as the workspace's mailbox: the composer must say so beside From.
      customFrom: false,
    });
  });

  it('maps every field of a full message, reading attachments from disk', async () => {
    const pdf = await fileAttachment(dir, 'q3.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]), { mimeType: 'application/pdf' });
    const csv = await fileAttachment(dir, 'data.csv', 'a,b\n1,2\n', { mimeType: 'text/csv' });
    const result = await crmGatewayProvider.send(
      message({
        to: [{ name: 'Jane Doe', email: 'jane@example.com' }, { email: 'bob@example.com' }],
        subject: 'Quarterly numbers',
        html: '<p>Hello Jane</p>',
        text: 'Hello Jane',
        cc: [{ name: 'Doe, John', email: 'john@example.com' }],
        bcc: [{ email: 'audit@example.com' }],
        replyTo: { name: 'Sales', email: 'sales@example.com' },
        inReplyTo: { remoteId: 'msg_prev', remoteThreadId: 'thr_existing' },
        attachments: [pdf, csv],
      }),
      account(),
    );
    const [req] = sim.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe(CRM_GATEWAY_PATH);
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.headers['idempotency-key']).toBe(KEY);
    expect(req?.contentType).toBe('application/json');
    expect(req?.body).toEqual({
      to: ['Jane Doe <jane@example.com>', 'bob@example.com'],
      subject: 'Quarterly numbers',
      body_html: '<p>Hello Jane</p>',
      body_text: 'Hello Jane',
      cc: ['"Doe, John" <john@example.com>'],
      bcc: ['audit@example.com'],
      reply_to: 'Sales <sales@example.com>',
      thread_id: 'thr_existing',
      attachments: [
        { filename: 'q3.pdf', mime_type: 'application/pdf', content_base64: 'JVBERgD/' },
        { filename: 'data.csv', mime_type: 'text/csv', content_base64: Buffer.from('a,b\n1,2\n').toString('base64') },
      ],
    });
    const [sent] = crmGatewaySent(sim);
    // Read from the wrapped answer LeadLex documents: { data: { id, thread_id, provider, status, sent_at } }.
    expect(result).toEqual({
      remoteId: sent?.id,
      remoteThreadId: 'thr_existing',
      status: 'sent',
      requestId: expect.stringMatching(/^req_[0-9a-f]{16}$/),
      provider: 'gmail',
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it('leaves out what the message does not have; a reply without a thread id starts a new thread', async () => {
    const result = await crmGatewayProvider.send(message({ inReplyTo: { remoteId: 'msg_prev' } }), account());
    expect(Object.keys(sim.requests[0]?.body as object)).toEqual(['to', 'subject', 'body_html', 'body_text']);
    expect(result.remoteThreadId).toMatch(/^thr_/);
  });

  it('keeps at least one body part for an empty email', async () => {
    await crmGatewayProvider.send(message({ html: '', text: '' }), account());
    expect(sim.requests[0]?.body).toMatchObject({ body_text: '' });
  });

  it('reads the LeadLex answer as documented, wrapped in data', async () => {
    const data = { id: 'msg_18c9', thread_id: 'thr_77', provider: 'microsoft', status: 'sent', sent_at: '2026-04-17T10:30:31Z' };
    sim.injectFault({ kind: 'status', status: 200, body: { data }, headers: { 'x-request-id': 'req_abc' } });
    expect(await crmGatewayProvider.send(message(), account())).toEqual({
      remoteId: 'msg_18c9',
      remoteThreadId: 'thr_77',
      status: 'sent',
      requestId: 'req_abc',
      provider: 'microsoft',
      sentAt: '2026-04-17T10:30:31.000Z',
    });
  });

  it('tolerates a top-level copy (message_id too), and a queued status reads as accepted', async () => {
    sim.injectFault({ kind: 'status', status: 201, body: { message_id: 'm_77', thread_id: 't_9', status: 'queued' }, headers: { 'x-request-id': 'req_abc' } });
    expect(await crmGatewayProvider.send(message(), account())).toEqual({ remoteId: 'm_77', remoteThreadId: 't_9', status: 'accepted', requestId: 'req_abc' });
  });

  it('keeps only a plain provider name and a readable sent_at', async () => {
    sim.injectFault({ kind: 'status', status: 200, body: { data: { id: 'm_1', provider: '<script>x</script>', sent_at: 'yesterday' } } });
    const result = await crmGatewayProvider.send(message(), account());
    expect(result).toEqual({ remoteId: 'm_1', status: 'accepted' });
  });

  it('an answer whose data has no id -> unknown_outcome, not a success', async () => {
    const f = await withFault({ kind: 'status', status: 200, body: { data: { thread_id: 'thr_1', status: 'sent' } } });
    expect(f).toMatchObject({ kind: 'unknown_outcome', status: 200 });
  });

  it('repeats the same key on a retry and gets the first answer back, sending once', async () => {
    const first = await crmGatewayProvider.send(message(), account());
    const again = await crmGatewayProvider.send(message(), account());
    expect(again).toEqual(first);
    expect(sim.requests.map((r) => r.headers['idempotency-key'])).toEqual([KEY, KEY]);
    expect(crmGatewaySent(sim)).toHaveLength(1);
  });

  it('a lost answer is retried safely: unknown_outcome, retry allowed, the replay carries the first id', async () => {
    sim.injectFault({ kind: 'malformed-json' });
    const lost = await sendFailure(message());
    expect(lost.kind).toBe('unknown_outcome');
    expect(retryDecision(lost, 1, { idempotency: crmGatewayProvider.capabilities.idempotency }).retry).toBe(true);
    const replay = await crmGatewayProvider.send(message(), account());
    expect(crmGatewaySent(sim).map((m) => m.id)).toEqual([replay.remoteId]);
  });
});

describe('crmGatewayProvider: refusals before any request', () => {
  it.each([
    ['an empty key', ''],
    ['a made-up key', 'idem-1'],
    ['a UUID that is not version 4', '3b241101-e2bb-1255-8caf-4136c566a962'],
  ])('refuses %s as our bug, sending nothing', async (_label, idempotencyKey) => {
    const f = await sendFailure(message({ idempotencyKey }));
    expect(f.kind).toBe('validation');
    expect(f.message).toMatch(/duplicate-protection key is missing or malformed.*problem in Composer, not in the message/);
    expect(sim.requests).toHaveLength(0);
  });

  it('names a vanished attachment', async () => {
    const f = await sendFailure(message({ attachments: [wrapFile(join(dir, 'gone.pdf'), 'gone.pdf', 5, 'application/pdf')] }));
    expect(f.kind).toBe('validation');
    expect(f.message).toContain('"gone.pdf"');
    expect(sim.requests).toHaveLength(0);
  });

  it('notices a file that changed size since it was attached', async () => {
    const grew = await fileAttachment(dir, 'grew.txt', 'now much longer', { mimeType: 'text/plain', size: 3 });
    const f = await sendFailure(message({ attachments: [grew] }));
    expect(f).toMatchObject({ kind: 'validation', fields: [{ field: 'attachments' }] });
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses more than 25 MiB of attachments', async () => {
    const big = wrapFile(join(dir, 'big.bin'), 'big.bin', 20 * 1024 * 1024);
    const f = await sendFailure(message({ attachments: [big, wrapFile(join(dir, 'big2.bin'), 'big2.bin', 20 * 1024 * 1024)] }));
    expect(f.kind).toBe('unsupported');
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses plain http to a non-loopback host without contacting it', async () => {
    const f = await sendFailure(message(), account({ endpointUrl: 'http://gateway.example.invalid/v1/emails/send' }));
    expect(f.kind).toBe('validation');
    expect(f.message).toMatch(/CRM gateway requires HTTPS/);
  });

  it('runs preflight', async () => {
    expect((await sendFailure(message({ to: [] }))).kind).toBe('validation');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('crmGatewayProvider: documented and undocumented failures', () => {
  it('401 invalid_key (a wrong key) -> auth with the vendor words and the request id', async () => {
    const f = await sendFailure(message(), account({}, 'gw_wrong_key_1234'));
    expect(f).toMatchObject({ kind: 'auth', status: 401, vendorCode: 'invalid_key' });
    expect(f.message).toMatch(/^CRM gateway did not accept the account's credentials: "Invalid or expired API key\." \(invalid_key\)\. .* \(Request ID: req_[0-9a-f]+\)$/);
  });

  it('403 insufficient_permissions (a read-only key) -> auth', async () => {
    const f = await sendFailure(message(), account({}, 'gw_readonly_0000'));
    expect(f).toMatchObject({ kind: 'auth', status: 403, vendorCode: 'insufficient_permissions' });
    expect(f.message).toContain('write:email');
  });

  it('400 validation_error -> validation with the field details', async () => {
    const f = await withFault({
      kind: 'status',
      status: 400,
      body: { error: { code: 'validation_error', message: 'Missing to, subject, or both body_html and body_text', details: [{ field: 'to', message: 'is required' }] } },
    });
    expect(f).toMatchObject({ kind: 'validation', status: 400, vendorCode: 'validation_error', fields: [{ field: 'to', message: 'is required' }] });
    expect(f.message).toContain('"Missing to, subject, or both body_html and body_text"');
  });

  it('409 idempotency_conflict (same key, different payload) -> validation explained as our bug', async () => {
    await crmGatewayProvider.send(message(), account());
    const f = await sendFailure(message({ subject: 'Edited after the first attempt' }));
    expect(f).toMatchObject({ kind: 'validation', status: 409, vendorCode: 'idempotency_conflict' });
    expect(f.message).toMatch(/same idempotency key with different content/);
    expect(crmGatewaySent(sim)).toHaveLength(1);
  });

  it('429 with Retry-After -> rate_limited with the wait', async () => {
    const f = await withFault({ kind: 'status', status: 429, body: { error: { code: 'rate_limited', message: 'Per-second send cap exceeded' } }, headers: { 'retry-after': '30' } });
    expect(f).toMatchObject({ kind: 'rate_limited', status: 429, vendorCode: 'rate_limited', retryAfterMs: 30_000 });
    expect(f.message).toContain('Try again in 30 s.');
  });

  it('429 with only X-RateLimit-Reset -> rate_limited with the wait', async () => {
    const f = await withFault({ kind: 'status', status: 429, body: { error: { code: 'rate_limited', message: 'cap' } }, headers: { 'x-ratelimit-reset': '12' } });
    expect(f).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
  });

  it('429 from the per-day cap of the simulator itself', async () => {
    const capped = await startCrmGateway({ apiKey: SECRET, dailyLimit: 1 });
    try {
      const acc = account({ endpointUrl: `${capped.url}${CRM_GATEWAY_PATH}` });
      await crmGatewayProvider.send(message(), acc);
      const f = await sendFailure(message({ idempotencyKey: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }), acc);
      expect(f.kind).toBe('rate_limited');
      expect(f.retryAfterMs).toBeGreaterThan(0);
      expect(f.retryAfterMs).toBeLessThanOrEqual(86_400_000);
    } finally {
      await capped.close();
    }
  });

  it.each([
    [502, 'provider_error', 'provider'],
    [500, 'internal_error', 'provider'],
    [503, 'unavailable', 'provider'],
    [504, 'gateway_timeout', 'unknown_outcome'],
  ] as const)('%i -> %s', async (status, code, kind) => {
    const f = await withFault({ kind: 'status', status, body: { error: { code, message: `Upstream said ${code}` } } });
    expect(f).toMatchObject({ kind, status, vendorCode: code });
    expect(f.message).toContain(`"Upstream said ${code}"`);
  });

  it('503 with Retry-After keeps the wait', async () => {
    const f = await withFault({ kind: 'status', status: 503, headers: { 'retry-after': '5' } });
    expect(f).toMatchObject({ kind: 'provider', retryAfterMs: 5_000 });
  });

  it('an HTML error page is described, not quoted', async () => {
    const f = await withFault({ kind: 'html', status: 502 });
    expect(f).toMatchObject({ kind: 'provider', status: 502 });
    expect(f.message).not.toMatch(/<|nginx/);
  });

  it('a success answer that is not JSON -> unknown_outcome', async () => {
    const f = await withFault({ kind: 'malformed-json' });
    expect(f).toMatchObject({ kind: 'unknown_outcome', status: 200 });
    expect(f.message).toMatch(/whether the email was sent is unknown/);
  });

  it('no answer within the timeout -> unknown_outcome', async () => {
    sim.injectFault({ kind: 'hang' });
    const f = await sendFailure(message(), account({ timeoutMs: 100 }));
    expect(f.kind).toBe('unknown_outcome');
    expect(f.message).toBe('CRM gateway did not answer within 100 ms; the email may or may not have been sent. Check the sent folder before sending again.');
  });

  it('a vendor that echoes the key back has it redacted', async () => {
    const f = await withFault({ kind: 'status', status: 401, body: { error: { code: 'invalid_key', message: `Key ${SECRET} is revoked` } }, headers: { 'x-request-id': SECRET } });
    expect(f.message).toContain('Key [redacted] is revoked');
  });
});

describe('crmGatewayProvider: transport', () => {
  itHandlesTransportFailures({
    sim: () => sim,
    send: ({ timeoutMs, signal, baseUrl }) =>
      crmGatewayProvider.send(message(), account({ ...transportSettings({ timeoutMs }), ...(baseUrl ? { endpointUrl: `${baseUrl}${CRM_GATEWAY_PATH}` } : {}) }), signal),
    deadUrl: () => closedSimulatorUrl(startCrmGateway),
    secrets: [SECRET],
  });
});

describe('crm gateway lookup (the thread read, GET /v1/email/threads/{id})', () => {
  it('finds a sent email in its thread, reading beside the configured send endpoint', async () => {
    const sent = await crmGatewayProvider.send(message(), account());
    const ref = crmGatewayRef(sent.remoteThreadId ?? '', sent.remoteId);
    const outcome = await crmGatewayProvider.check?.(ask(ref), account());
    expect(outcome).toMatchObject({ found: true, result: { remoteId: sent.remoteId, remoteThreadId: sent.remoteThreadId, status: 'sent', sentAt: expect.any(String) } });
    expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/email/threads/${sent.remoteThreadId ?? ''}` });
    expect(sim.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('a thread without that email, or no such thread, means it was never sent there', async () => {
    const sent = await crmGatewayProvider.send(message(), account());
    await expect(crmGatewayProvider.check?.(ask(crmGatewayRef(sent.remoteThreadId ?? '', 'msg_other')), account())).resolves.toMatchObject({ found: false });
    await expect(crmGatewayProvider.check?.(ask(crmGatewayRef('thr_unknown', 'msg_x')), account())).resolves.toMatchObject({ found: false, sentence: expect.stringMatching(/no thread/) });
  });

  it('cannot tell without a thread to read, and throws a refused read without the key', async () => {
    await expect(crmGatewayProvider.check?.(ask('msg_only'), account())).resolves.toEqual({ found: 'unknown', sentence: expect.stringMatching(/thread and message ids/) });
    const error = await expectSendFailure(crmGatewayProvider.check?.(ask(crmGatewayRef('thr_x', 'msg_x')), account({}, 'gw_wrong_key')) ?? Promise.resolve(), [SECRET, 'gw_wrong_key']);
    expect(error.failure.kind).toBe('auth');
  });

  it('reads the thread beside whatever endpoint URL the account holds', () => {
    expect(crmGatewayThreadUrl('https://data.leadlex.com/functions/v1/api-gateway/v1/email/send', 'thr 1')).toBe('https://data.leadlex.com/functions/v1/api-gateway/v1/email/threads/thr%201');
  });
});
