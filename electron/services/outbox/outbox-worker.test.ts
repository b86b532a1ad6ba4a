import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { AttachmentRef, SubmitOutcome } from '../../../shared/message.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, crmGatewaySent, startCrmGateway } from '../../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { readSandboxRecords } from '../../providers/sandbox.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, tempDataDir, type ManualTime } from './test-support.js';

const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator | undefined;

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime();
  app = outboxCore(data.dir, time);
  await app.ok('outbox:setSettings', { undoDelayMs: 0 });
});
afterEach(async () => {
  app.core.close();
  await sim?.close();
  sim = undefined;
  await data.remove();
});

const rows = () => app.ok<OutboxRow[]>('outbox:list');

async function gatewayAccount(): Promise<{ gateway: VendorSimulator; accountId: string }> {
  sim = await startCrmGateway();
  const saved = await app.ok<AccountView>('accounts:save', {
    label: 'Gateway',
    from,
    settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` },
    secret: CRM_GATEWAY_TEST_KEY,
  });
  return { gateway: sim, accountId: saved.id };
}

describe('the outbox worker', () => {
  it('has one message in flight per account, in the order they were sent', async () => {
    const { gateway, accountId } = await gatewayAccount();
    gateway.injectFault({ kind: 'delay', ms: 400 });
    await app.ok('outbox:submit', message(accountId, { subject: 'first' }));
    await app.ok('outbox:submit', message(accountId, { subject: 'second' }));
    await app.ok('outbox:submit', message(accountId, { subject: 'third' }));
    // While the vendor holds the first answer, nothing else goes to it.
    while (gateway.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(gateway.requests).toHaveLength(1);
    expect((await rows()).map((r) => r.state)).toEqual(['sending', 'queued', 'queued']);
    await app.core.outbox.idle();
    expect(crmGatewaySent(gateway).map((s) => s.body.subject)).toEqual(['first', 'second', 'third']);
  });

  it("holds the whole account for the vendor's Retry-After, not just the message that met it", async () => {
    const { gateway, accountId } = await gatewayAccount();
    gateway.injectFault({ kind: 'status', status: 429, headers: { 'retry-after': '30' }, body: { error: { code: 'rate_limited', message: 'Slow down' } } });
    await app.ok('outbox:submit', message(accountId, { subject: 'first' }));
    await app.ok('outbox:submit', message(accountId, { subject: 'second' }));
    await app.core.outbox.idle();
    expect(gateway.requests).toHaveLength(1);
    const [first, second] = await rows();
    expect(first?.lastError).toMatch(/limiting how fast.*resets at \d\d:\d\d:\d\d UTC: Composer waits until then \(30 s\) and sends it, without using up a retry\.$/);
    expect(second).toMatchObject({ state: 'queued', attempts: 0 });

    time.advance(29_999);
    await app.core.outbox.idle();
    expect(gateway.requests).toHaveLength(1);
    time.advance(1);
    await app.core.outbox.idle();
    expect((await rows()).map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(crmGatewaySent(gateway)).toHaveLength(2);
  });

  it('gives up on a vendor that keeps failing after the retry limit, with the reason and how to go on', async () => {
    const { gateway, accountId } = await gatewayAccount();
    gateway.injectFault({ kind: 'status', status: 503, body: { error: { code: 'unavailable', message: 'Down' } } }, { times: 5 });
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    for (let i = 0; i < 6; i++) {
      await app.core.outbox.idle();
      time.advance(10 * 60_000);
    }
    await app.core.outbox.idle();
    const row = (await rows()).find((r) => r.id === id);
    expect(row).toMatchObject({ state: 'failed', attempts: 5, errorKind: 'provider' });
    expect(row?.lastError).toMatch(/temporarily unavailable.* Composer gave up after 5 attempts; use Retry to try again\.$/);
    expect(gateway.requests).toHaveLength(5);
  });

  it('keeps the attachment copies of a queued message through a restart and sends them byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    const ref = await app.ok<AttachmentRef>('attachments:import', { filename: 'chart.bin', mimeType: 'application/octet-stream', dataBase64: bytes.toString('base64') });
    const account = await app.ok<AccountView>('accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } });
    const at = new Date(time.clock() + 60_000).toISOString();
    await app.ok('outbox:submit', message(account.id, { attachments: [ref], sendAt: at }));
    // The composer lets go of its files once the message is in the outbox.
    await app.ok('attachments:discard', { tokens: [ref.token] });
    app.core.close();

    // No draft refers to the copy: only the outbox keeps it through the start-up sweep.
    app = outboxCore(data.dir, time);
    await app.core.ready;
    time.advance(60_000);
    await app.core.outbox.idle();
    const [record] = await readSandboxRecords(path.join(data.dir, 'sandbox-outbox.jsonl'));
    expect(record?.attachments).toEqual([
      { filename: 'chart.bin', mimeType: 'application/octet-stream', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    ]);
    expect((await rows())[0]?.state).toBe('sent');
  });
});
