import { closedSimulatorUrl, expectSendFailure, itHandlesTransportFailures, sampleMessage, transportSettings } from '../../e2e/vendors/kit/send-fixtures.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault, VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { validateCreateEmailResponse } from '../../e2e/vendors/rollout/openapi.js';
import { startRollout } from '../../e2e/vendors/rollout/simulator.js';
import { rolloutProvider } from './rollout.js';
import type { OutgoingMessage, SendFailureKind } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';
import { wrapFile } from '../services/attachments/test-support.js';

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.rollout-secret-7f3c91';
const CREDENTIAL = 'cred_7731';
type RolloutSettings = Extract<SendAccount['settings'], { provider: 'rollout' }>;

let sim: VendorSimulator;
beforeAll(async () => {
  sim = await startRollout({ jwt: SECRET, credentialId: CREDENTIAL });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

function account(overrides: Partial<RolloutSettings> = {}, secret = SECRET): SendAccount<RolloutSettings> {
  return { id: 'acc_rollout', settings: { provider: 'rollout', baseUrl: sim.url, credentialId: CREDENTIAL, timeoutMs: 2_000, ...overrides }, secret };
}

// Two recipients, one without a display name: the mapping test checks how both are named.
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage =>
  sampleMessage({ to: [{ name: 'Bo Buyer', email: 'bo@client.example' }, { email: 'cy@client.example' }], ...overrides });

const failure = (pending: Promise<unknown>, secrets: string[] = [SECRET]) => expectSendFailure(pending, secrets);

describe('rollout adapter: request mapping', () => {
  it('posts the message to /emailMessages with both auth headers and the documented body', async () => {
    const result = await rolloutProvider.send(message(), account());
    expect(sim.requests).toHaveLength(1);
    const [req] = sim.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/emailMessages');
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.headers['x-rollout-credential-id']).toBe(CREDENTIAL);
    expect(req?.contentType).toMatch(/^application\/json/);
    // toEqual on the whole body: no cc, bcc, text or threadId may slip in.
    expect(req?.body).toEqual({
      subject: 'Invoice 42',
      body: '<p>Hello <b>Bo</b></p>',
      sender: { name: 'Ann Agent', email: 'ann@acme.example' },
      recipients: [
        { name: 'Bo Buyer', email: 'bo@client.example' },
        { name: 'cy@client.example', email: 'cy@client.example' },
      ],
    });
    expect(result).toEqual({ remoteId: expect.stringMatching(/^em_/), remoteThreadId: expect.stringMatching(/^thr_/), status: 'sent' });
  });

  it('names a sender that has no display name by its address (the schema requires a name)', async () => {
    await rolloutProvider.send(message({ from: { email: 'ann@acme.example' } }), account());
    expect(sim.requests[0]?.body).toMatchObject({ sender: { name: 'ann@acme.example', email: 'ann@acme.example' } });
  });

  it('tolerates a trailing slash on the base URL', async () => {
    await rolloutProvider.send(message(), account({ baseUrl: `${sim.url}/` }));
    expect(sim.requests[0]?.path).toBe('/emailMessages');
  });

  it('continues a thread: the reply carries threadId and comes back in the same thread', async () => {
    const first = await rolloutProvider.send(message(), account());
    const reply = await rolloutProvider.send(
      message({ subject: 'Re: Invoice 42', inReplyTo: { remoteId: first.remoteId, ...(first.remoteThreadId ? { remoteThreadId: first.remoteThreadId } : {}) } }),
      account(),
    );
    expect(sim.requests[1]?.body).toMatchObject({ threadId: first.remoteThreadId });
    expect(reply.remoteThreadId).toBe(first.remoteThreadId);
    expect(reply.remoteId).not.toBe(first.remoteId);
  });

  it('starts a new thread when the answered entry has no remote thread id', async () => {
    await rolloutProvider.send(message({ inReplyTo: { remoteId: 'em_elsewhere' } }), account());
    expect(sim.requests[0]?.body).not.toHaveProperty('threadId');
  });
});

describe('rollout adapter: refusals before any request', () => {
  it.each([
    ['Bcc', { bcc: [{ email: 'boss@acme.example' }] }, /bcc/i],
    ['Cc', { cc: [{ email: 'boss@acme.example' }] }, /\bcc\b/i],
    ['a file', { attachments: [wrapFile('/tmp/invoice.pdf', 'invoice.pdf', 10, 'application/pdf')] }, /attach/i],
    ['Reply-To', { replyTo: { email: 'desk@acme.example' } }, /reply/i],
  ] as [string, Partial<OutgoingMessage>, RegExp][])('refuses %s as unsupported, naming Rollout and the field', async (_label, extra, field) => {
    const error = await failure(rolloutProvider.send(message(extra), account()));
    expect(error.failure.kind).toBe('unsupported');
    expect(error.message).toMatch(/Rollout/);
    expect(error.message).toMatch(field);
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses a secret over plain http to a non-loopback host without contacting it', async () => {
    const error = await failure(rolloutProvider.send(message(), account({ baseUrl: 'http://crm.vendor.invalid/api' })));
    expect(error.failure.kind).toBe('validation');
  });
});

describe('rollout adapter: vendor answers', () => {
  it('reports the 409 errorMessage for an unknown thread as a validation failure', async () => {
    const error = await failure(rolloutProvider.send(message({ inReplyTo: { remoteId: 'em_1', remoteThreadId: 'thr_gone' } }), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 409 });
    expect(error.message).toContain('Thread thr_gone does not exist');
  });

  it('keeps the 400 errorMessage as the vendor words', async () => {
    sim.injectFault({ kind: 'status', status: 400, body: { errorMessage: 'recipients[0] is on the suppression list' } });
    const error = await failure(rolloutProvider.send(message(), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 400 });
    expect(error.message).toContain('recipients[0] is on the suppression list');
  });

  it('redacts the secret when the vendor echoes it back', async () => {
    sim.injectFault({ kind: 'status', status: 400, body: { errorMessage: `token ${SECRET} rejected` } });
    const error = await failure(rolloutProvider.send(message(), account()));
    expect(error.message).toContain('rejected');
  });

  it.each([
    ['a wrong JWT', {}, 'eyJ.wrong-token'],
    ['a wrong credential id', { credentialId: 'cred_other' }, SECRET],
  ] as [string, Partial<RolloutSettings>, string][])('answers 401 for %s: an auth failure', async (_label, settings, secret) => {
    const error = await failure(rolloutProvider.send(message(), account(settings, secret)), [SECRET, 'eyJ.wrong-token']);
    expect(error.failure).toMatchObject({ kind: 'auth', status: 401 });
  });

  const faults: [string, SendFailureKind, Fault, string?][] = [
    ['429', 'rate_limited', { kind: 'status', status: 429, headers: { 'retry-after': '7' }, body: { errorMessage: 'Too many requests' } }, 'Too many requests'],
    ['500', 'provider', { kind: 'status', status: 500, body: { errorMessage: 'Internal error' } }, 'Internal error'],
    ['503', 'provider', { kind: 'status', status: 503 }],
    ['504', 'unknown_outcome', { kind: 'status', status: 504 }],
    ['a 502 HTML page', 'provider', { kind: 'html', status: 502 }],
  ];
  it.each(faults)('maps %s to %s', async (_label, kind, fault, words) => {
    sim.injectFault(fault);
    const error = await failure(rolloutProvider.send(message(), account()));
    expect(error.failure.kind).toBe(kind);
    if (words) expect(error.message).toContain(words);
    if (kind === 'rate_limited') expect(error.failure.retryAfterMs).toBe(7_000);
  });

  it.each([
    ['a 201 without an id', { kind: 'status', status: 201, body: { threadId: 'thr_1' } } as Fault],
    ['a 201 whose JSON is cut off', { kind: 'malformed-json' } as Fault],
  ])('treats %s as an unknown outcome', async (_label, fault) => {
    sim.injectFault(fault);
    const error = await failure(rolloutProvider.send(message(), account()));
    expect(error.failure.kind).toBe('unknown_outcome');
    expect(error.message).toMatch(/no message id/);
  });
});

describe('rollout adapter: transport', () => {
  itHandlesTransportFailures({
    sim: () => sim,
    send: (options) => rolloutProvider.send(message(), account(transportSettings(options)), options.signal),
    deadUrl: () => closedSimulatorUrl(startRollout),
    secrets: [SECRET],
  });
});

describe('rollout simulator', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}/emailMessages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'x-rollout-credential-id': CREDENTIAL, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const valid = { subject: 's', body: '<p>b</p>', sender: { name: 'A', email: 'a@x.example' }, recipients: [{ name: 'B', email: 'b@x.example' }] };

  it('rejects a body without sender by the vendor OpenAPI schema', async () => {
    const { sender: _sender, ...noSender } = valid;
    const res = await post(noSender);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errorMessage: string }).errorMessage).toMatch(/sender/);
  });

  it('rejects a sender without a name, a numeric subject, a bad address and an empty recipient list', async () => {
    for (const body of [
      { ...valid, sender: { email: 'a@x.example' } },
      { ...valid, subject: 42 },
      { ...valid, recipients: [{ name: 'B', email: 'not-an-address' }] },
      { ...valid, recipients: [] },
    ]) {
      expect((await post(body)).status).toBe(400);
    }
  });

  it('demands the JWT, the credential id and JSON', async () => {
    expect((await post(valid, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post(valid, { 'x-rollout-credential-id': '' })).status).toBe(401);
    expect((await post(valid, { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await post('{"subject":', {})).status).toBe(400);
  });

  it('answers 201 with a message that satisfies the vendor 201 schema', async () => {
    const res = await post(valid);
    expect(res.status).toBe(201);
    const created: unknown = await res.json();
    expect(validateCreateEmailResponse(created), JSON.stringify(validateCreateEmailResponse.errors)).toBe(true);
  });
});
