import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { BatchOutcome, BatchRow } from '../../../shared/batch.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { readSandboxRecords } from '../../providers/sandbox.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, tempDataDir, type ManualTime } from './test-support.js';

const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime();
  app = outboxCore(data.dir, time);
});
afterEach(async () => {
  app.core.close();
  await data.remove();
});

const delivered = () => readSandboxRecords(path.join(data.dir, 'sandbox-outbox.jsonl'));

async function sandbox(): Promise<string> {
  const id = (await app.ok<AccountView>('accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } })).id;
  await app.ok('outbox:setSettings', { undoDelayMs: 0 });
  return id;
}

const recipients = [
  { name: 'Bea Lee', email: 'bea@example.org' },
  { name: 'Cy Ng', email: 'cy@acme.io' },
  { email: 'dee@example.net' },
];
const template = {
  to: recipients,
  cc: [{ email: 'boss@example.com' }],
  subject: 'Invoice {{invoice_number}}',
  html: '<p>Hi {{first_name | &#34;there&#34;}} at {{company | "your company"}}</p>',
  text: 'Hi {{first_name | "there"}} at {{company | "your company"}}',
};
const table = 'email,invoice_number,company\nbea@example.org,INV-1,Lee Co\ncy@acme.io,INV-2,Acme\ndee@example.net,INV-3,';

describe('send individually', () => {
  it('puts one outbox entry per To recipient, each filled for them with its own key, Cc on none when asked', async () => {
    const accountId = await sandbox();
    const outcome = await app.ok<BatchOutcome>('outbox:submitBatch', { message: message(accountId, template), copies: 'none', mergeTable: table });
    expect(outcome.count).toBe(3);
    const [batch] = await app.ok<BatchRow[]>('outbox:batches');
    expect(batch).toMatchObject({ total: 3, waiting: 3, sent: 0, failed: 0 });
    time.advance(60_000);
    await app.core.outbox.idle();
    const sent = await delivered();
    expect(sent.map((m) => [m.to.map((a) => a.email), m.cc, m.subject, m.text])).toEqual([
      [['bea@example.org'], [], 'Invoice INV-1', 'Hi Bea at Lee Co'],
      [['cy@acme.io'], [], 'Invoice INV-2', 'Hi Cy at Acme'],
      [['dee@example.net'], [], 'Invoice INV-3', 'Hi there at your company'],
    ]);
    expect(new Set(sent.map((m) => m.idempotencyKey)).size).toBe(3);
    expect((await app.ok<BatchRow[]>('outbox:batches'))[0]).toMatchObject({ sent: 3, waiting: 0 });
  });

  it('refuses the whole batch, naming the field and recipient, when one recipient has no value', async () => {
    const accountId = await sandbox();
    const result = await app.call('outbox:submitBatch', { message: message(accountId, template), copies: 'each', mergeTable: 'email,invoice_number\nbea@example.org,INV-1' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringContaining('{{invoice_number}} has no value for cy@acme.io') } });
    expect(await app.ok<OutboxRow[]>('outbox:list')).toEqual([]);
  });

  it('waits at the account’s pace rather than breach it, and the pace survives a restart', async () => {
    const accountId = await sandbox();
    await app.ok('outbox:setPace', { accountId, pace: { perMinute: 2, perDay: 100 } });
    await app.ok('outbox:submitBatch', { message: message(accountId, { ...template, cc: [] }), copies: 'each', mergeTable: table });
    time.advance(1_000);
    await app.core.outbox.idle();
    expect(await delivered()).toHaveLength(1);
    // A restart with two still waiting: they go at their paced times, once each.
    app.core.close();
    app = outboxCore(data.dir, time);
    expect((await app.ok<{ pace: { perMinute: number } }>('outbox:pace', { accountId })).pace.perMinute).toBe(2);
    time.advance(28_000);
    await app.core.outbox.idle();
    expect(await delivered()).toHaveLength(1);
    time.advance(1_000);
    await app.core.outbox.idle();
    expect(await delivered()).toHaveLength(2);
    time.advance(30_000);
    await app.core.outbox.idle();
    expect((await delivered()).map((m) => m.to[0]?.email)).toEqual(['bea@example.org', 'cy@acme.io', 'dee@example.net']);
  });
});
