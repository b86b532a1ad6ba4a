import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { rebillyQueued, startRebilly } from '../../../e2e/vendors/rebilly/simulator.js';
import { startRollout } from '../../../e2e/vendors/rollout/simulator.js';
import { startUnipile } from '../../../e2e/vendors/unipile/simulator.js';
import type { VendorCheck } from '../../../shared/outgoing.js';
import { ServiceError as SendError } from '../../../shared/service-error.js';
import type { Provider } from '../../providers/types.js';
import { askVendor } from './reconcile.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, saveRebillyAccount, tempDataDir, type ManualTime } from './test-support.js';

/**
 * After an unknown outcome the outbox asks the vendor (Rebilly's read of the draft it created)
 * before it asks the user: real simulator, real database, hand-moved time.
 */

const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator;

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime();
  app = outboxCore(data.dir, time);
  sim = await startRebilly();
  await app.ok('outbox:setSettings', { undoDelayMs: 0 });
});
afterEach(async () => {
  app.core.close();
  await sim.close();
  await data.remove();
});

const rebillyAccount = () => saveRebillyAccount(app.ok, sim);

const rows = () => app.ok<OutboxRow[]>('outbox:list');

describe('the outbox asks the vendor before the user', () => {
  it('every PATCH answer lost, but Rebilly queued it: the read settles the message as accepted (queued at Rebilly), once', async () => {
    const accountId = await rebillyAccount();
    sim.injectFault({ kind: 'none' });
    sim.injectFault({ kind: 'lost-response', as: 'reset' }, { times: 3 });
    await app.ok('outbox:submit', message(accountId, { subject: 'Invoice 7' }));
    await app.core.outbox.idle();

    const [row] = await rows();
    expect(row?.state).toBe('accepted');
    expect(rebillyQueued(sim)).toEqual([{ id: expect.any(String), subject: 'Invoice 7' }]);
    expect(sim.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH', 'GET']);
  });

  it('no PATCH ever reached Rebilly: the read finds a draft, removes it, and the outbox sends again — delivered once', async () => {
    const accountId = await rebillyAccount();
    sim.injectFault({ kind: 'none' });
    // A reset before any answer, with the handler never run: the draft stays a draft.
    sim.injectFault({ kind: 'reset', beforeHeaders: true }, { times: 3 });
    await app.ok('outbox:submit', message(accountId, { subject: 'Invoice 8' }));
    await app.core.outbox.idle();

    const [waiting] = await rows();
    expect(waiting?.state).toBe('queued');
    expect(waiting?.lastError).toMatch(/not sent/i);
    expect(waiting?.lastError).not.toMatch(/may (or may not )?have been sent/);
    time.advance(60_000);
    await app.core.outbox.idle();

    const [row] = await rows();
    expect(row?.state).toBe('accepted');
    expect(rebillyQueued(sim).map((q) => q.subject)).toEqual(['Invoice 8']);
    expect(sim.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('Rebilly cannot be read at all: the outcome stays unknown and says so', async () => {
    const accountId = await rebillyAccount();
    sim.injectFault({ kind: 'none' });
    sim.injectFault({ kind: 'lost-response', as: 'reset' }, { times: 3 });
    // The first read is refused outright (a bad key reads no better later).
    sim.injectFault({ kind: 'status', status: 401, body: { title: 'Unauthorized', status: 401 } });
    await app.ok('outbox:submit', message(accountId, { subject: 'Invoice 9' }));
    await app.core.outbox.idle();

    const [row] = await rows();
    expect(row?.state).toBe('unknown_outcome');
    expect(row?.lastError).toMatch(/check before resending/i);
  });
});

describe('vendors without a read by id', () => {
  it('Rollout’s answer lost after it created the email: its list is searched, the message settles Sent once, and no second POST goes', async () => {
    const rollout = await startRollout();
    try {
      const { id } = await app.ok<AccountView>('accounts:save', {
        label: 'CRM',
        from,
        settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: rollout.info.credentialId },
        secret: rollout.info.jwt,
      });
      rollout.injectFault({ kind: 'lost-response', as: 'reset' });
      await app.ok('outbox:submit', message(id, { subject: 'Renewal terms' }));
      await app.core.outbox.idle();
      const [row] = await rows();
      expect(row?.state).toBe('sent');
      expect(rollout.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    } finally {
      await rollout.close();
    }
  });

  it('Unipile’s answer lost twice: the outbox repeats under the same key within seconds, Unipile replays its first answer, one email', async () => {
    const unipile = await startUnipile();
    try {
      const { id } = await app.ok<AccountView>('accounts:save', {
        label: 'Desk',
        from,
        settings: { provider: 'unipile', baseUrl: unipile.url, accountId: unipile.info.accountId },
        secret: unipile.info.apiKey,
      });
      unipile.injectFault({ kind: 'lost-response', as: 'reset' }, { times: 2 });
      await app.ok('outbox:submit', message(id, { subject: 'Welcome pack' }));
      await app.core.outbox.idle();
      time.advance(2_000);
      await app.core.outbox.idle();
      time.advance(4_000);
      await app.core.outbox.idle();
      const [row] = await rows();
      expect(row?.state).toBe('accepted');
      const keys = unipile.requests.map((r) => r.headers['idempotency-key']);
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(1);
    } finally {
      await unipile.close();
    }
  });
});

describe('askVendor', () => {
  const account = { id: 'a', settings: { provider: 'sandbox' as const }, secret: '' } as Parameters<typeof askVendor>[2];
  const query = (remoteId: string | null) => ({ idempotencyKey: 'k', remoteId, attemptedAt: 0, message: {} as Parameters<typeof askVendor>[1]['message'] });
  const vendor = (answers: (VendorCheck | SendError)[]): Provider & { reads: number } => {
    const provider = {
      reads: 0,
      id: 'sandbox',
      displayName: 'Acme',
      capabilities: {} as Provider['capabilities'],
      send: () => Promise.reject(new Error('not used')),
      check: () => {
        const answer = answers[provider.reads++];
        return answer instanceof SendError || !answer ? Promise.reject(answer ?? new Error('no answer')) : Promise.resolve(answer);
      },
    };
    return provider as Provider & { reads: number };
  };
  const waits: number[] = [];
  const sleep = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
  beforeEach(() => {
    waits.length = 0;
  });
  const timeout = new SendError({ kind: 'unknown_outcome', message: 'no answer' });
  const cannotTell: VendorCheck = { found: 'unknown', sentence: 'busy' };
  const accepted: VendorCheck = { found: true, result: { remoteId: 'm1', status: 'accepted' } };

  it('asks again with growing waits until the vendor can tell', async () => {
    const provider = vendor([timeout, cannotTell, accepted]);
    await expect(askVendor(provider, query('m1'), account, { sleep, random: () => 1 })).resolves.toEqual(accepted);
    expect(provider.reads).toBe(3);
    expect(waits).toEqual([1_000, 2_000]);
  });

  it('gives up after its tries, and at once on a refused key', async () => {
    const silent = vendor([timeout, timeout, timeout, timeout, timeout]);
    await expect(askVendor(silent, query('m1'), account, { sleep, tries: 4 })).resolves.toBeUndefined();
    expect(silent.reads).toBe(4);
    const refused = vendor([new SendError({ kind: 'auth', message: 'bad key' }), accepted]);
    await expect(askVendor(refused, query('m1'), account, { sleep })).resolves.toBeUndefined();
    expect(refused.reads).toBe(1);
  });

  it('cannot ask without a read, or without the id the vendor gave where its read needs one', async () => {
    const byId = Object.assign(vendor([accepted]), { checkNeedsId: true as const });
    await expect(askVendor(byId, query(null), account, { sleep })).resolves.toBeUndefined();
    await expect(askVendor({ ...byId, check: undefined }, query('m1'), account, { sleep })).resolves.toBeUndefined();
    expect(byId.reads).toBe(0);
    // A vendor that can be searched by what the message holds is asked without an id.
    const searchable = vendor([accepted]);
    await expect(askVendor(searchable, query(null), account, { sleep })).resolves.toEqual(accepted);
    expect(searchable.reads).toBe(1);
  });
});
