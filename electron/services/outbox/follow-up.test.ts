import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryThread } from '../../../shared/history.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { rebillyFinishes, startRebilly } from '../../../e2e/vendors/rebilly/simulator.js';
import { outboxCore } from '../../core-test-support.js';
import { FOLLOW_UP_STEPS_MS } from './follow-up.js';
import { manualTime, message, saveRebillyAccount, tempDataDir, type ManualTime } from './test-support.js';

/**
 * Rebilly queues a message and sends it later: the outbox asks what became of it until Rebilly
 * says sent or failed, and the Outbox and Sent say so. Real simulator, real database, hand-moved time.
 */

let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator;

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime(Date.now());
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

const rowOf = async (subject: string) => (await app.ok<OutboxRow[]>('outbox:list')).find((r) => r.subject === subject);
const reads = () => sim.requests.filter((r) => r.method === 'GET').length;
async function sentMessage(subject: string) {
  const page = await app.ok<{ threads: { id: string; subject: string }[] }>('history:threads', { limit: 50 });
  const summary = page.threads.find((t) => t.subject === subject);
  if (!summary) return undefined;
  return (await app.ok<HistoryThread>('history:thread', { id: summary.id })).messages[0];
}
/** Moves time through the follow-up's next pause and lets its read finish. */
async function nextRead(step: number): Promise<void> {
  const before = reads();
  time.advance(FOLLOW_UP_STEPS_MS[step] ?? 0);
  await expect.poll(reads).toBeGreaterThan(before);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('after acceptance', () => {
  it('Rebilly queued it, then its mail server refused it: the Outbox row is Failed with Rebilly’s reason, and Sent says the same', async () => {
    const accountId = await rebillyAccount();
    await app.ok('outbox:submit', message(accountId, { subject: 'Invoice 12' }));
    await app.core.outbox.idle();
    expect((await rowOf('Invoice 12'))?.state).toBe('accepted');
    await expect.poll(async () => (await sentMessage('Invoice 12'))?.accepted).toBe(true);

    // Still queued at the first read: asked again later.
    await nextRead(0);
    expect((await rowOf('Invoice 12'))?.state).toBe('accepted');
    expect(rebillyFinishes(sim, 'Invoice 12', { status: 'failed', responseCode: 550, responseBody: '5.1.1 Mailbox does not exist' })).toBe(true);
    await nextRead(1);

    const row = await rowOf('Invoice 12');
    expect(row?.state).toBe('failed');
    expect(row?.lastError).toMatch(/^After accepting it, Rebilly could not send the email .*5\.1\.1 Mailbox does not exist\. Retry sends it again/);
    expect(row?.actions).toEqual(['retry', 'edit']);
    const recorded = await sentMessage('Invoice 12');
    expect(recorded).toMatchObject({ status: 'failed', accepted: false, error: { kind: 'provider', message: expect.stringContaining('Mailbox does not exist') } });
    // Settled: no more reads however long it waits.
    const settledReads = reads();
    time.advance(FOLLOW_UP_STEPS_MS.reduce((a, b) => a + b, 0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads()).toBe(settledReads);
  });

  it('Rebilly sent it: the row and the history say Sent, with Rebilly’s time', async () => {
    const accountId = await rebillyAccount();
    await app.ok('outbox:submit', message(accountId, { subject: 'Receipt 4' }));
    await app.core.outbox.idle();
    rebillyFinishes(sim, 'Receipt 4', { status: 'sent' });
    await nextRead(0);
    await expect.poll(async () => (await rowOf('Receipt 4'))?.state).toBe('sent');
    const recorded = await sentMessage('Receipt 4');
    expect(recorded).toMatchObject({ status: 'sent', accepted: false, vendorSentAt: expect.stringMatching(/^\d{4}-/) });
  });

  it('asks again after a restart: a message accepted before the app closed is followed up by the next start', async () => {
    const accountId = await rebillyAccount();
    await app.ok('outbox:submit', message(accountId, { subject: 'Statement 9' }));
    await app.core.outbox.idle();
    app.core.close();
    rebillyFinishes(sim, 'Statement 9', { status: 'failed', responseCode: 554, responseBody: 'Rejected as spam' });

    app = outboxCore(data.dir, time);
    await nextRead(0);
    await expect.poll(async () => (await rowOf('Statement 9'))?.state).toBe('failed');
    expect((await rowOf('Statement 9'))?.lastError).toContain('Rejected as spam');
  });
});
