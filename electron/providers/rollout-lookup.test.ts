import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectSendFailure, sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { startRollout } from '../../e2e/vendors/rollout/simulator.js';
import type { OutgoingMessage, SentQuery } from '../../shared/outgoing.js';
import { rolloutProvider } from './rollout.js';
import { CREATED_SLACK_MS } from './rollout-lookup.js';
import type { SendAccount } from './types.js';

/**
 * Rollout takes no key and, when its answer is lost, gave no id: the outbox asks its list of
 * email messages whether this one was created. Real simulator over loopback.
 */

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.rollout-lookup-5b2e';
const CREDENTIAL = 'cred_lookup';
type RolloutSettings = Extract<SendAccount['settings'], { provider: 'rollout' }>;

let sim: VendorSimulator;
beforeAll(async () => {
  sim = await startRollout({ jwt: SECRET, credentialId: CREDENTIAL });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

const account = (secret = SECRET): SendAccount<RolloutSettings> => ({
  id: 'acc_rollout',
  settings: { provider: 'rollout', baseUrl: sim.url, credentialId: CREDENTIAL, timeoutMs: 2_000 },
  secret,
});
const message = (overrides: Partial<OutgoingMessage> = {}) => sampleMessage({ to: [{ name: 'Bo Buyer', email: 'bo@client.example' }], ...overrides });
const query = (m: OutgoingMessage, attemptedAt = Date.now()): SentQuery => ({ idempotencyKey: m.idempotencyKey, remoteId: null, attemptedAt, message: m });
const check = (q: SentQuery, a = account()) => {
  if (!rolloutProvider.check) throw new Error('Rollout offers a check');
  return rolloutProvider.check(q, a);
};

describe('Rollout: what became of a send whose answer was lost', () => {
  it('the answer was cut after Rollout created the email: the list finds it, with the id and thread Rollout gave it', async () => {
    const m = message({ subject: 'Quarterly report' });
    const began = Date.now();
    sim.injectFault({ kind: 'lost-response', as: 'reset' });
    await expectSendFailure(rolloutProvider.send(m, account()), [SECRET]);
    const answer = await check(query(m, began));
    expect(answer).toEqual({ found: true, result: { remoteId: expect.stringMatching(/^em_/), remoteThreadId: expect.stringMatching(/^thr_/), status: 'sent' } });
    const list = sim.requests.at(-1);
    expect(list?.method).toBe('GET');
    expect(list?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(list?.headers['x-rollout-credential-id']).toBe(CREDENTIAL);
  });

  it('the connection dropped before Rollout took it: nothing is listed, so Rollout cannot tell yet and the question stays the person’s', async () => {
    const m = message({ subject: 'Never arrived' });
    sim.injectFault({ kind: 'reset', beforeHeaders: true });
    await expectSendFailure(rolloutProvider.send(m, account()), [SECRET]);
    const answer = await check(query(m));
    expect(answer).toEqual({ found: 'unknown', sentence: expect.stringMatching(/lists no email with this subject.*check the CRM/) });
  });

  it('another email with the same subject is not taken for it: other recipients, other sender, or created long before the send', async () => {
    const m = message({ subject: 'Same subject' });
    await rolloutProvider.send(message({ subject: 'Same subject', to: [{ email: 'someone@else.example' }] }), account());
    await rolloutProvider.send(message({ subject: 'Same subject', from: { name: 'Zed', email: 'zed@acme.example' } }), account());
    expect(await check(query(m))).toMatchObject({ found: 'unknown' });
    // The same email sent earlier than the slack allows is an earlier message, not this one.
    await rolloutProvider.send(m, account());
    expect(await check(query(m, Date.now() + CREATED_SLACK_MS + 60_000))).toMatchObject({ found: 'unknown' });
    expect(await check(query(m))).toMatchObject({ found: true });
  });

  it('reads on through the pages: the email is found behind a page of newer ones', async () => {
    const m = message({ subject: 'Deep in the list' });
    const began = Date.now();
    await rolloutProvider.send(m, account());
    for (let i = 0; i < 120; i++) await rolloutProvider.send(message({ subject: `Newer ${i}` }), account());
    const answer = await check(query(m, began));
    expect(answer).toMatchObject({ found: true });
    expect(sim.requests.filter((r) => r.method === 'GET').map((r) => r.query.next ?? null)).toEqual([null, '100']);
  });

  it('a refused key is an auth failure, with the key kept out of it', async () => {
    const error = await expectSendFailure(check(query(message()), account('eyJ-wrong-key-0000000')), [SECRET, 'eyJ-wrong-key-0000000']);
    expect(error.failure.kind).toBe('auth');
  });
});
