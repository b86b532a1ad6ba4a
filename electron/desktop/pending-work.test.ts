import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/accounts.js';
import type { SubmitOutcome } from '../../shared/message.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../e2e/vendors/kit/server.js';
import { outboxCore } from '../core-test-support.js';
import { manualTime, message, tempDataDir, type ManualTime } from '../services/outbox/test-support.js';
import { guardQuit, quitDecision, type QuitQuestion } from './quit-guard.js';

const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator | null = null;

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime();
  app = outboxCore(data.dir, time);
});
afterEach(async () => {
  app.core.close();
  await sim?.close();
  sim = null;
  await data.remove();
});

async function sandboxAccount(): Promise<string> {
  return (await app.ok<AccountView>('accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } })).id;
}

const counts = () => app.core.pendingWork.counts();

describe('what quitting would cut short, from the outbox', () => {
  it('is nothing on a fresh start: quitting goes ahead without a question', async () => {
    expect(counts()).toEqual({ undoWindowCount: 0, inFlightCount: 0 });
    const asked: QuitQuestion[] = [];
    expect(await guardQuit(app.core.pendingWork, async (q) => (asked.push(q), false))).toBe(true);
    expect(asked).toEqual([]);
  });

  it('counts a message inside its undo delay until it has gone, and asks before quitting meanwhile', async () => {
    const accountId = await sandboxAccount();
    await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    expect(counts()).toEqual({ undoWindowCount: 1, inFlightCount: 0 });
    expect(quitDecision(counts())).toBe('ask');
    const asked: QuitQuestion[] = [];
    expect(await guardQuit(app.core.pendingWork, async (q) => (asked.push(q), false))).toBe(false);
    expect(asked[0]?.detail).toBe('1 message is waiting out the undo delay and will not be sent if you quit now.');

    time.advance(5_000);
    await app.core.outbox.idle();
    expect(counts()).toEqual({ undoWindowCount: 0, inFlightCount: 0 });
  });

  it('does not count a message taken back with Undo, nor one scheduled for later', async () => {
    const accountId = await sandboxAccount();
    const undone = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    await app.ok('outbox:cancel', { id: undone.id });
    await app.ok('outbox:submit', message(accountId, { sendAt: new Date(time.clock() + 3_600_000).toISOString() }));
    expect(counts()).toEqual({ undoWindowCount: 0, inFlightCount: 0 });
  });

  it('counts the message a vendor is answering and the one due behind it as being sent', async () => {
    sim = await startCrmGateway();
    const saved = await app.ok<AccountView>('accounts:save', {
      label: 'Gateway',
      from,
      settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` },
      secret: CRM_GATEWAY_TEST_KEY,
    });
    await app.ok('outbox:setSettings', { undoDelayMs: 0 });
    sim.injectFault({ kind: 'delay', ms: 400 });
    await app.ok('outbox:submit', message(saved.id, { subject: 'first' }));
    await app.ok('outbox:submit', message(saved.id, { subject: 'second' }));
    while (sim.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(counts()).toEqual({ undoWindowCount: 0, inFlightCount: 2 });
    const asked: QuitQuestion[] = [];
    expect(await guardQuit(app.core.pendingWork, async (q) => (asked.push(q), true))).toBe(true);
    expect(asked[0]?.detail).toMatch(/^2 messages are being sent; quitting may leave them unconfirmed/);
    await app.core.outbox.idle();
    expect(counts()).toEqual({ undoWindowCount: 0, inFlightCount: 0 });
  });
});
