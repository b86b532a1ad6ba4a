import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRM_GATEWAY_PATH, crmGatewaySent } from '../../e2e/vendors/crm-gateway/simulator.js';
import { expectSendFailure } from '../../e2e/vendors/kit/send-fixtures.js';
import { fileAttachment, wrapFile } from '../services/attachments/test-support.js';
import { crmGatewayProvider, crmGatewayRef, crmGatewayThreadUrl } from './crm-gateway.js';
import { useGatewaySimulator } from './crm-gateway-test-support.js';
import { retryDecision } from './retry-policy.js';

const gateway = useGatewaySimulator();
const { SECRET, KEY, account, message, sendFailure, withFault, ask } = gateway;

describe('crmGatewayProvider: request mapping', () => {
  it('maps every field of a full message, reading attachments from disk', async () => {
    const pdf = await fileAttachment(gateway.dir(), 'q3.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]), { mimeType: 'application/pdf' });
    const csv = await fileAttachment(gateway.dir(), 'data.csv', 'a,b\n1,2\n', { mimeType: 'text/csv' });
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
    const [req] = gateway.simulator().requests;
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
    const [sent] = crmGatewaySent(gateway.simulator());
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
    expect(Object.keys(gateway.simulator().requests[0]?.body as object)).toEqual(['to', 'subject', 'body_html', 'body_text']);
    expect(result.remoteThreadId).toMatch(/^thr_/);
  });

  it('keeps at least one body part for an empty email', async () => {
    await crmGatewayProvider.send(message({ html: '', text: '' }), account());
    expect(gateway.simulator().requests[0]?.body).toMatchObject({ body_text: '' });
  });

  it('reads the LeadLex answer as documented, wrapped in data', async () => {
    const data = { id: 'msg_18c9', thread_id: 'thr_77', provider: 'microsoft', status: 'sent', sent_at: '2026-04-17T10:30:31Z' };
    gateway.simulator().injectFault({ kind: 'status', status: 200, body: { data }, headers: { 'x-request-id': 'req_abc' } });
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
    gateway.simulator().injectFault({ kind: 'status', status: 201, body: { message_id: 'm_77', thread_id: 't_9', status: 'queued' }, headers: { 'x-request-id': 'req_abc' } });
    expect(await crmGatewayProvider.send(message(), account())).toEqual({ remoteId: 'm_77', remoteThreadId: 't_9', status: 'accepted', requestId: 'req_abc' });
  });

  it('keeps only a plain provider name and a readable sent_at', async () => {
    gateway.simulator().injectFault({ kind: 'status', status: 200, body: { data: { id: 'm_1', provider: '<script>x</script>', sent_at: 'yesterday' } } });
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
    expect(gateway.simulator().requests.map((r) => r.headers['idempotency-key'])).toEqual([KEY, KEY]);
    expect(crmGatewaySent(gateway.simulator())).toHaveLength(1);
  });

  it('a lost answer is retried safely: unknown_outcome, retry allowed, the replay carries the first id', async () => {
    gateway.simulator().injectFault({ kind: 'malformed-json' });
    const lost = await sendFailure(message());
    expect(lost.kind).toBe('unknown_outcome');
    expect(retryDecision(lost, 1, { idempotency: crmGatewayProvider.capabilities.idempotency }).retry).toBe(true);
    const replay = await crmGatewayProvider.send(message(), account());
    expect(crmGatewaySent(gateway.simulator()).map((m) => m.id)).toEqual([replay.remoteId]);
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
    expect(gateway.simulator().requests).toHaveLength(0);
  });

  it('names a vanished attachment', async () => {
    const f = await sendFailure(message({ attachments: [wrapFile(join(gateway.dir(), 'gone.pdf'), 'gone.pdf', 5, 'application/pdf')] }));
    expect(f.kind).toBe('validation');
    expect(f.message).toContain('"gone.pdf"');
    expect(gateway.simulator().requests).toHaveLength(0);
  });

  it('notices a file that changed size since it was attached', async () => {
    const grew = await fileAttachment(gateway.dir(), 'grew.txt', 'now much longer', { mimeType: 'text/plain', size: 3 });
    const f = await sendFailure(message({ attachments: [grew] }));
    expect(f).toMatchObject({ kind: 'validation', fields: [{ field: 'attachments' }] });
    expect(gateway.simulator().requests).toHaveLength(0);
  });

  it('refuses more than 25 MiB of attachments', async () => {
    const big = wrapFile(join(gateway.dir(), 'big.bin'), 'big.bin', 20 * 1024 * 1024);
    const f = await sendFailure(message({ attachments: [big, wrapFile(join(gateway.dir(), 'big2.bin'), 'big2.bin', 20 * 1024 * 1024)] }));
    expect(f.kind).toBe('unsupported');
    expect(gateway.simulator().requests).toHaveLength(0);
  });

  it('refuses plain http to a non-loopback host without contacting it', async () => {
    const f = await sendFailure(message(), account({ endpointUrl: 'http://gateway.example.invalid/v1/emails/send' }));
    expect(f.kind).toBe('validation');
    expect(f.message).toMatch(/CRM gateway requires HTTPS/);
  });

  it('runs preflight', async () => {
    expect((await sendFailure(message({ to: [] }))).kind).toBe('validation');
    expect(gateway.simulator().requests).toHaveLength(0);
  });
});

describe('crm gateway lookup (the thread read, GET /v1/email/threads/{id})', () => {
  it('finds a sent email in its thread, reading beside the configured send endpoint', async () => {
    const sent = await crmGatewayProvider.send(message(), account());
    const ref = crmGatewayRef(sent.remoteThreadId ?? '', sent.remoteId);
    const outcome = await crmGatewayProvider.check?.(ask(ref), account());
    expect(outcome).toMatchObject({ found: true, result: { remoteId: sent.remoteId, remoteThreadId: sent.remoteThreadId, status: 'sent', sentAt: expect.any(String) } });
    expect(gateway.simulator().requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/email/threads/${sent.remoteThreadId ?? ''}` });
    expect(gateway.simulator().requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
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
