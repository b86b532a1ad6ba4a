import { closedSimulatorUrl, expectSendFailure, itHandlesTransportFailures, sampleMessage as message, transportSettings } from '../../e2e/vendors/kit/send-fixtures.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault, VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { startRebilly } from '../../e2e/vendors/rebilly/simulator.js';
import { rebillyProvider } from './rebilly.js';
import type { OutgoingMessage, SendFailureKind } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';
import { wrapFile } from '../services/attachments/test-support.js';

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
  it('posts plain addresses, both bodies and status "outbox" with the API key', async () => {
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
      status: 'outbox',
    });
    // Queued in Rebilly's outbox, not yet sent; no thread comes back.
    expect(result).toEqual({ remoteId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'accepted' });
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
    ['504', 'unknown_outcome', { kind: 'status', status: 504 }],
  ];
  it.each(faults)('maps %s to %s', async (_label, kind, fault) => {
    sim.injectFault(fault);
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe(kind);
    if (kind === 'rate_limited') expect(error.failure.retryAfterMs).toBe(3_000);
    if (fault.kind === 'status' && fault.status !== 504) expect(error.message).toContain(`(${fault.status})`);
  });

  it.each([
    ['draft', { id: 'em_1', status: 'draft' }, /draft/],
    ['failed', { id: 'em_1', status: 'failed', responseBody: '550 mailbox unavailable' }, /550 mailbox unavailable/],
  ])('treats a 201 in state %s as a provider failure: nothing will go out', async (_label, body, words) => {
    sim.injectFault({ kind: 'status', status: 201, body });
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('provider');
    expect(error.message).toMatch(words);
  });

  it('reports a message Rebilly already sent as sent', async () => {
    sim.injectFault({ kind: 'status', status: 201, body: { id: 'em_2', status: 'sent' } });
    await expect(rebillyProvider.send(message(), account())).resolves.toEqual({ remoteId: 'em_2', status: 'sent' });
  });

  it('treats a 201 without an id as an unknown outcome', async () => {
    sim.injectFault({ kind: 'status', status: 201, body: { status: 'outbox' } });
    const error = await failure(rebillyProvider.send(message(), account()));
    expect(error.failure.kind).toBe('unknown_outcome');
    expect(error.message).toMatch(/no message id/);
  });
});

describe('rebilly adapter: transport', () => {
  itHandlesTransportFailures({
    sim: () => sim,
    send: (options) => rebillyProvider.send(message(), account(transportSettings(options)), options.signal),
    deadUrl: () => closedSimulatorUrl(startRebilly),
    secrets: [SECRET],
  });
});

describe('rebilly simulator', () => {
  const post = (body: unknown, headers: Record<string, string> = {}, org = encodeURIComponent(ORG)) =>
    fetch(`${sim.url}/organizations/${org}/email-messages`, {
      method: 'POST',
      headers: { 'reb-apikey': SECRET, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const valid = { from: 'a@x.example', to: ['b@x.example'], subject: 's', html: '<p>t</p>', text: 't', status: 'outbox' };
  const fieldsOf = async (res: Response) => ((await res.json()) as { invalidFields: { field: string }[] }).invalidFields.map((f) => f.field);

  it('requires both text and html', async () => {
    const { text: _text, html: _html, ...neither } = valid;
    const res = await post(neither);
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(expect.arrayContaining(['text', 'html']));
  });

  it('rejects a subject over 998 characters, a bad address, an empty To and unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, subject: 'x'.repeat(999) }, 'subject'],
      [{ ...valid, to: ['not-an-address'] }, 'to[0]'],
      [{ ...valid, to: [] }, 'to'],
      [{ ...valid, htmlBody: '<p/>' }, 'htmlBody'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(await fieldsOf(res)).toContain(field);
    }
  });

  it('demands the key, the configured organization and JSON', async () => {
    expect((await post(valid, { 'reb-apikey': 'nope' })).status).toBe(401);
    expect((await post(valid, {}, 'org_other')).status).toBe(404);
    expect((await post(valid, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('stores a message created without status as a draft, as Rebilly does', async () => {
    const { status: _status, ...withoutStatus } = valid;
    const res = await post(withoutStatus);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: expect.any(String), status: 'draft' });
  });
});
