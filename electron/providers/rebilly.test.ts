import { closedSimulatorUrl, expectSendFailure, sampleMessage as message } from '../../e2e/vendors/kit/send-fixtures.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault, VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { rebillyQueued, startRebilly } from '../../e2e/vendors/rebilly/simulator.js';
import { rebillyProvider } from './rebilly.js';
import type { OutgoingMessage, SendFailureKind } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';
import { wrapFile } from '../services/attachments/test-support.js';

/** What the outbox asks a provider's `check` about: the vendor id a failure named. */
const ask = (remoteId: string) => ({ idempotencyKey: '5b0c6a4e-2f3d-4c1b-9e8a-7d6f5e4c3b2a', remoteId, attemptedAt: 0, message: message() });


const SECRET = 'sk_live_rebilly_4f9a1c77e2';
// A slash and a space prove the organization id is encoded into the path.
const ORG = 'org/acme eu';
type RebillySettings = Extract<SendAccount['settings'], { provider: 'rebilly' }>;

let sim: VendorSimulator;
beforeAll(async () => {
  sim = await startRebilly({ apiKey: SECRET, organizationId: ORG, credentialHashes: ['smtp_main'] });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

function account(overrides: Partial<RebillySettings> = {}, secret = SECRET): SendAccount<RebillySettings> {
  return { id: 'acc_rebilly', settings: { provider: 'rebilly', baseUrl: sim.url, organizationId: ORG, timeoutMs: 2_000, ...overrides }, secret };
}

const failure = (pending: Promise<unknown>, secrets: string[] = [SECRET]) => expectSendFailure(pending, secrets);

describe('rebilly adapter: request mapping', () => {
  it('creates a draft with plain addresses and both bodies, then queues it by id with PATCH {"status":"outbox"}', async () => {
    const result = await rebillyProvider.send(
      message({
        from: { name: 'Billing', email: 'billing@acme.example' },
        cc: [{ name: 'Cy', email: 'cy@client.example' }],
        bcc: [{ email: 'audit@acme.example' }],
        subject: 'Your invoice',
        html: '<p>Amount due: <b>$10</b></p>',
        text: 'Amount due: $10',
      }),
      account(),
    );
    const [req] = sim.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/organizations/org%2Facme%20eu/email-messages');
    expect(req?.headers['reb-apikey']).toBe(SECRET);
    expect(req?.headers.authorization).toBeUndefined();
    expect(req?.contentType).toMatch(/^application\/json/);
    expect(req?.body).toEqual({
      from: 'billing@acme.example',
      to: ['bo@client.example'],
      cc: ['cy@client.example'],
      bcc: ['audit@acme.example'],
      subject: 'Your invoice',
      html: '<p>Amount due: <b>$10</b></p>',
      text: 'Amount due: $10',
      status: 'draft',
    });
    const patch = sim.requests[1];
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/organizations/org%2Facme%20eu/email-messages/${result.remoteId}`);
    expect(patch?.headers['reb-apikey']).toBe(SECRET);
    expect(patch?.body).toEqual({ status: 'outbox' });
    expect(sim.requests).toHaveLength(2);
    // Queued in Rebilly's outbox, not yet sent; no thread comes back.
    expect(result).toEqual({ remoteId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'accepted' });
    expect(rebillyQueued(sim)).toEqual([{ id: result.remoteId, subject: 'Your invoice' }]);
  });

  it('leaves out empty cc and bcc and sends the account credentialHash', async () => {
    await rebillyProvider.send(message(), account({ credentialHash: 'smtp_main' }));
    const body = sim.requests[0]?.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('cc');
    expect(body).not.toHaveProperty('bcc');
    expect(body.credentialHash).toBe('smtp_main');
  });
});

describe('rebilly adapter: refusals before any request', () => {
  it.each([
    ['a file', { attachments: [wrapFile('/tmp/invoice.pdf', 'invoice.pdf', 10, 'application/pdf')] }, /attach/i],
    ['Reply-To', { replyTo: { email: 'desk@acme.example' } }, /reply/i],
  ] as [string, Partial<OutgoingMessage>, RegExp][])('refuses %s as unsupported, naming Rebilly and the field', async (_label, extra, field) => {
    const error = await failure(rebillyProvider.send(message(extra), account()));
    expect(error.failure.kind).toBe('unsupported');
    expect(error.message).toMatch(/Rebilly/);
    expect(error.message).toMatch(field);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('rebilly adapter: vendor answers', () => {
  it('turns 422 invalidFields into our fields, keeping the vendor words', async () => {
    const error = await failure(rebillyProvider.send(message(), account({ credentialHash: 'smtp_unknown' })));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 422 });
    expect(error.failure.fields).toEqual([{ field: 'credentialHash', message: 'Email credential not found.' }]);
    expect(error.message).toContain('Email credential not found.');
  });

  it('renames Rebilly field names to the composer fields', async () => {
    sim.injectFault({
      kind: 'status',
      status: 422,
      body: {
        type: 'https://api.rebilly.com/errors/invalid-data',
        title: 'Invalid data',
        status: 422,
        detail: 'The request contains invalid fields',
        invalidFields: [
          { field: 'to[0]', message: 'This value is not a valid email address.' },
          { field: 'html', message: 'This value should not be blank.' },
          { field: 'subject', message: 'This value is too long.' },
        ],
      },
    });
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.fields).toEqual([
      { field: 'to', message: 'This value is not a valid email address.' },
      { field: 'body', message: 'This value should not be blank.' },
      { field: 'subject', message: 'This value is too long.' },
    ]);
    expect(error.message).toContain('The request contains invalid fields');
  });

  it('answers 404 for another organization', async () => {
    const error = await failure(rebillyProvider.send(message(), account({ organizationId: 'org_other' })));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 404 });
    expect(error.message).toContain('Organization not found');
  });

  it('answers 401 for a wrong key', async () => {
    const error = await failure(rebillyProvider.send(message(), account({}, 'sk_wrong_key_000')), [SECRET, 'sk_wrong_key_000']);
    expect(error.failure).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toContain('REB-APIKEY');
  });

  const problem = (status: number, title: string): Extract<Fault, { kind: 'status' }> => ({ kind: 'status', status, body: { type: 'about:blank', title, status, detail: `${title} (${status})` } });
  const faults: [string, SendFailureKind, Fault][] = [
    ['403', 'auth', problem(403, 'Forbidden')],
    ['429', 'rate_limited', { ...problem(429, 'Too Many Requests'), headers: { 'retry-after': '3' } }],
    ['500', 'provider', problem(500, 'Internal Server Error')],
    ['503', 'provider', problem(503, 'Service Unavailable')],
  ];
  it.each(faults)('maps %s on the draft to %s, nothing queued', async (_label, kind, fault) => {
    sim.injectFault(fault);
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe(kind);
    if (kind === 'rate_limited') expect(error.failure.retryAfterMs).toBe(3_000);
    expect(error.message).toContain(`(${(fault as { status: number }).status})`);
    expect(rebillyQueued(sim)).toEqual([]);
  });

  it('a PATCH Rebilly refuses leaves no draft behind and reads as not sent', async () => {
    sim.injectFault({ kind: 'none' });
    sim.injectFault(problem(403, 'Forbidden'));
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('auth');
    expect(sim.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'GET', 'DELETE']);
    expect(rebillyQueued(sim)).toEqual([]);
  });

  it.each([
    ['failed', { id: 'em_1', status: 'failed', responseBody: '550 mailbox unavailable' }, /550 mailbox unavailable/],
  ])('treats a PATCH answered in state %s as a provider failure: nothing will go out', async (_label, body, words) => {
    sim.injectFault({ kind: 'none' });
    sim.injectFault({ kind: 'status', status: 200, body });
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('provider');
    expect(error.message).toMatch(words);
  });

  it('reports a message Rebilly already sent as sent', async () => {
    sim.injectFault({ kind: 'none' });
    sim.injectFault({ kind: 'status', status: 200, body: { id: 'em_2', status: 'sent', sentTime: '2026-12-06T10:00:00Z' } });
    await expect(rebillyProvider.send(message(), account())).resolves.toMatchObject({ status: 'sent', sentAt: '2026-12-06T10:00:00Z' });
  });

  it('a 201 without the draft id is not sent: nothing was queued', async () => {
    sim.injectFault({ kind: 'status', status: 201, body: { status: 'draft' } });
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('provider');
    expect(error.message).toMatch(/not sent/);
  });
});

describe('rebilly adapter: a lost answer is safe to repeat', () => {
  it.each([
    ['a 504 page', { kind: 'lost-response', as: 'gateway-timeout' }],
    ['a cut answer', { kind: 'lost-response', as: 'reset' }],
    ['a reset before any answer', { kind: 'reset', beforeHeaders: true }],
  ] as [string, Fault][])('%s to the draft is "not sent", never "may have been sent"', async (_label, fault) => {
    sim.injectFault(fault);
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('network');
    expect(error.message).toMatch(/not sent/);
    expect(error.message).not.toMatch(/may or may not/);
    expect(rebillyQueued(sim)).toEqual([]);
  });

  it.each([
    ['a 504 page', { kind: 'lost-response', as: 'gateway-timeout' }],
    ['a cut answer', { kind: 'lost-response', as: 'reset' }],
    ['a 503', { kind: 'status', status: 503 }],
  ] as [string, Fault][])('%s to the PATCH is repeated by id: queued exactly once', async (_label, fault) => {
    sim.injectFault({ kind: 'none' });
    sim.injectFault(fault);
    const result = await rebillyProvider.send(message(), account());
    expect(result.status).toBe('accepted');
    expect(sim.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(rebillyQueued(sim)).toEqual([{ id: result.remoteId, subject: 'Invoice 42' }]);
  });

  it('a PATCH whose answer stays lost is an unknown outcome naming the draft; lookup then reads what Rebilly did', async () => {
    sim.injectFault({ kind: 'none' });
    sim.injectFault({ kind: 'lost-response', as: 'reset' }, { times: 3 });
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('unknown_outcome');
    const ref = error.failure.remoteRef ?? '';
    expect(ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(rebillyQueued(sim)).toHaveLength(1);
    await expect(rebillyProvider.check?.(ask(ref), account())).resolves.toEqual({ found: true, result: { remoteId: ref, status: 'accepted' } });
    expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', path: `/organizations/org%2Facme%20eu/email-messages/${ref}` });
  });

  it('a timeout on the PATCH is repeated too; a hung vendor ends unknown with the draft named', async () => {
    sim.injectFault({ kind: 'none' });
    sim.injectFault({ kind: 'hang' }, { times: 3 });
    const error = await failure(rebillyProvider.send(message(), account({ timeoutMs: 200 })));
    expect(error.failure.kind).toBe('unknown_outcome');
    expect(error.failure.remoteRef).toBeTruthy();
    expect(sim.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH']);
  });

  it('a refused connection is a network failure: nothing was sent', async () => {
    const url = await closedSimulatorUrl(startRebilly);
    expect((await failure(rebillyProvider.send(message(), account({ baseUrl: url })))).failure.kind).toBe('network');
  });
});

describe('rebilly lookup', () => {
  const create = async (status: 'draft' | 'outbox' | 'failed') => {
    const res = await fetch(`${sim.url}/organizations/${encodeURIComponent(ORG)}/email-messages`, {
      method: 'POST',
      headers: { 'reb-apikey': SECRET, 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'a@x.example', to: ['b@x.example'], subject: 's', html: '<p>t</p>', text: 't', status, ...(status === 'failed' ? { responseBody: '550 no such user' } : {}) }),
    });
    return ((await res.json()) as { id: string }).id;
  };

  it('a draft never queued is removed and reported not sent, so sending again cannot duplicate it', async () => {
    const id = await create('draft');
    const outcome = await rebillyProvider.check?.(ask(id), account());
    expect(outcome).toMatchObject({ found: false });
    expect(sim.requests.slice(1).map((r) => r.method)).toEqual(['GET', 'DELETE']);
    // The draft is gone: it can never be queued late.
    await expect(rebillyProvider.check?.(ask(id), account())).resolves.toMatchObject({ found: false, sentence: expect.stringMatching(/no email message/) });
  });

  it('a failed message comes back with the mail service words', async () => {
    const id = await create('failed');
    const outcome = await rebillyProvider.check?.(ask(id), account());
    expect(outcome).toMatchObject({ found: 'failed', failure: { kind: 'provider', message: expect.stringContaining('550 no such user') } });
  });

  it('a read Rebilly refuses throws its failure', async () => {
    const id = await create('outbox');
    const error = await failure(rebillyProvider.check?.(ask(id), account({}, 'sk_wrong_key_000')) ?? Promise.resolve(), [SECRET, 'sk_wrong_key_000']);
    expect(error.failure.kind).toBe('auth');
  });
});
