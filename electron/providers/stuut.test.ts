import { closedSimulatorUrl, expectSendFailure, itHandlesTransportFailures, sampleMessage as message, transportSettings } from '../../e2e/vendors/kit/send-fixtures.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault, VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { startStuut } from '../../e2e/vendors/stuut/simulator.js';
import { stuutProvider } from './stuut.js';
import type { SendFailureKind } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';
import { wrapFile } from '../services/attachments/test-support.js';

const SECRET = 'stuut_live_tok_93be0d2a';
type StuutSettings = Extract<SendAccount['settings'], { provider: 'stuut' }>;

let sim: VendorSimulator;
beforeAll(async () => {
  sim = await startStuut({ token: SECRET, disconnectedSenders: ['sndr_expired'] });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

function account(overrides: Partial<StuutSettings> = {}, secret = SECRET): SendAccount<StuutSettings> {
  return { id: 'acc_stuut', settings: { provider: 'stuut', baseUrl: sim.url, emailSender: 'sndr_ar_desk', timeoutMs: 2_000, ...overrides }, secret };
}

const failure = (pending: Promise<unknown>, secrets: string[] = [SECRET]) => expectSendFailure(pending, secrets);

const created = (status: string, extra: Record<string, unknown> = {}): Extract<Fault, { kind: 'status' }> => ({
  kind: 'status',
  status: 201,
  body: { object: 'email', id: 'eml_fixed', thread_id: 'thrd_fixed', status, ...extra },
});

describe('stuut adapter: request mapping', () => {
  it('posts plain addresses, the HTML body, the sender id and all options off', async () => {
    const result = await stuutProvider.send(
      message({
        cc: [{ name: 'Cy', email: 'cy@client.example' }],
        bcc: [{ email: 'audit@acme.example' }],
        replyTo: { name: 'Desk', email: 'desk@acme.example' },
        subject: 'Overdue invoice',
        html: '<p>Please pay</p>',
      }),
      account(),
    );
    const [req] = sim.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v1/emails');
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.contentType).toMatch(/^application\/json/);
    // Whole-body equality: email_template, invoices, partner and parent_email must be absent.
    expect(req?.body).toEqual({
      to: ['bo@client.example'],
      cc: ['cy@client.example'],
      bcc: ['audit@acme.example'],
      reply_to: ['desk@acme.example'],
      subject: 'Overdue invoice',
      body: '<p>Please pay</p>',
      email_sender: 'sndr_ar_desk',
      options: { reply_all: false, include_checkout_url: false, use_llm: false },
    });
    // The simulator, like Stuut, answers "pending": accepted, not yet sent.
    expect(result).toEqual({ remoteId: expect.stringMatching(/^eml_/), remoteThreadId: expect.stringMatching(/^thrd_/), status: 'accepted' });
  });

  it('leaves out empty cc, bcc and reply_to', async () => {
    await stuutProvider.send(message(), account());
    expect(Object.keys(sim.requests[0]?.body as object).sort()).toEqual(['body', 'email_sender', 'options', 'subject', 'to']);
  });

  it('replies into the parent thread through parent_email', async () => {
    const first = await stuutProvider.send(message(), account());
    const reply = await stuutProvider.send(message({ inReplyTo: { remoteId: first.remoteId } }), account());
    expect(sim.requests[1]?.body).toMatchObject({ parent_email: first.remoteId });
    expect(reply.remoteThreadId).toBe(first.remoteThreadId);
  });

  it('does not send a foreign id as parent_email', async () => {
    await stuutProvider.send(message({ inReplyTo: { remoteId: 'em_from_rollout', remoteThreadId: 'thr_1' } }), account());
    expect(sim.requests[0]?.body).not.toHaveProperty('parent_email');
  });
});

describe('stuut adapter: refusals before any request', () => {
  it('refuses a file as unsupported, naming Stuut and the field', async () => {
    const attachments = [wrapFile('/tmp/invoice.pdf', 'invoice.pdf', 10, 'application/pdf')];
    const error = await failure(stuutProvider.send(message({ attachments }), account()));
    expect(error.failure.kind).toBe('unsupported');
    expect(error.message).toMatch(/Stuut/);
    expect(error.message).toMatch(/attach/i);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('stuut adapter: the status of the created email', () => {
  it('fails with the vendor error_message when Stuut creates the email in status "error"', async () => {
    const error = await failure(stuutProvider.send(message(), account({ emailSender: 'sndr_expired' })));
    expect(error.failure).toMatchObject({ kind: 'provider', status: 201 });
    expect(error.message).toContain('The mailbox connection of email sender sndr_expired has expired');
  });

  it('fails when the email was only saved as a draft', async () => {
    sim.injectFault(created('draft'));
    const error = await failure(stuutProvider.send(message(), account()));
    expect(error.failure.kind).toBe('provider');
    expect(error.message).toMatch(/draft/);
  });

  it.each([
    ['sent', 'sent'],
    ['sending', 'accepted'],
    ['pending', 'accepted'],
  ] as const)('reports "%s" as %s (also on a 200)', async (vendorStatus, ours) => {
    sim.injectFault({ ...created(vendorStatus), status: 200 });
    await expect(stuutProvider.send(message(), account())).resolves.toEqual({ remoteId: 'eml_fixed', remoteThreadId: 'thrd_fixed', status: ours });
  });

  it('treats a success without an id as an unknown outcome', async () => {
    sim.injectFault({ kind: 'status', status: 201, body: { object: 'email', thread_id: 'thrd_1', status: 'pending' } });
    const error = await failure(stuutProvider.send(message(), account()));
    expect(error.failure.kind).toBe('unknown_outcome');
    expect(error.message).toMatch(/no message id/);
  });
});

describe('stuut adapter: error statuses', () => {
  it('answers 404 with the vendor words for an unknown parent email', async () => {
    const error = await failure(stuutProvider.send(message({ inReplyTo: { remoteId: 'eml_gone' } }), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 404 });
    expect(error.message).toContain('No such email: eml_gone');
  });

  it('answers 422 for a sender id Stuut does not recognize', async () => {
    const error = await failure(stuutProvider.send(message(), account({ emailSender: 'sender_1' })));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 422 });
    expect(error.message).toContain('email_sender');
  });

  it('answers 401 for a wrong token: bad credentials', async () => {
    const error = await failure(stuutProvider.send(message(), account({}, 'stuut_wrong_tok')), [SECRET, 'stuut_wrong_tok']);
    expect(error.failure).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toMatch(/credentials/);
  });

  const faults: [string, SendFailureKind, Fault, string?][] = [
    ['429', 'rate_limited', { kind: 'status', status: 429, headers: { 'retry-after': '12' }, body: { error: { type: 'rate_limit_error', message: 'Slow down' } } }, 'Slow down'],
    ['500', 'provider', { kind: 'status', status: 500, body: { error: { type: 'api_error', message: 'Something broke' } } }, 'Something broke'],
    ['503', 'provider', { kind: 'html', status: 503 }],
    ['504', 'unknown_outcome', { kind: 'status', status: 504 }],
  ];
  it.each(faults)('maps %s to %s', async (_label, kind, fault, words) => {
    sim.injectFault(fault);
    const error = await failure(stuutProvider.send(message(), account()));
    expect(error.failure.kind).toBe(kind);
    if (words) expect(error.message).toContain(words);
    if (kind === 'rate_limited') expect(error.failure.retryAfterMs).toBe(12_000);
  });
});

describe('stuut adapter: transport', () => {
  itHandlesTransportFailures({
    sim: () => sim,
    send: (options) => stuutProvider.send(message(), account(transportSettings(options)), options.signal),
    deadUrl: () => closedSimulatorUrl(startStuut),
    secrets: [SECRET],
  });

  it('refuses the documented http:// address because the token would travel unencrypted', async () => {
    const error = await failure(stuutProvider.send(message(), account({ baseUrl: 'http://api.stuut.invalid' })));
    expect(error.failure.kind).toBe('validation');
  });
});

describe('stuut simulator', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}/v1/emails`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const valid = { to: ['b@x.example'], subject: 's', body: '<p>b</p>', email_sender: 'sndr_1' };

  it('rejects wrong ids, bad addresses, a missing body and unknown fields with 422', async () => {
    for (const body of [
      { ...valid, email_sender: 'user_1' },
      { ...valid, parent_email: 'msg_1' },
      { ...valid, cc: ['not-an-address'] },
      { ...valid, body: undefined },
      { ...valid, to: [] },
      { ...valid, html: '<p/>' },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.any(String) } });
    }
  });

  it('demands the bearer token and JSON', async () => {
    expect((await post(valid, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post(valid, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers 201 with object, id, thread_id and status', async () => {
    const res = await post(valid);
    expect(res.status).toBe(201);
    const email = (await res.json()) as Record<string, unknown>;
    expect(email).toMatchObject({ object: 'email', id: expect.stringMatching(/^eml_/), thread_id: expect.stringMatching(/^thrd_/), status: 'pending' });
    expect((email.id as string).length).toBeLessThanOrEqual(32);
  });
});
