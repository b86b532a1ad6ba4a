import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../storage/migrations.js';
import { historyMigrations } from './migrations.js';
import { ann, bob, contentOf, cyd, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
beforeEach(() => {
  f = historyFixture();
});
afterEach(() => f.cleanup());

const bytes = Buffer.from('%PDF-1.7 the plan');

describe('history recording', () => {
  it('creates its tables once (the newest version) and keeps records across a restart', async () => {
    expect(schemaVersion(f.db, 'history')).toBe(historyMigrations.migrations.length);
    const recorded = await f.record({ outcome: sent('m1', 'T1') });
    await f.restart();
    expect(schemaVersion(f.db, 'history')).toBe(historyMigrations.migrations.length);
    expect(f.history.thread(recorded.threadId).messages).toHaveLength(1);
  });

  it('stores everything a later Reply, Forward or support request needs', async () => {
    const file = await f.attachments.import({ filename: 'plan.pdf', mimeType: 'application/pdf', dataBase64: bytes.toString('base64') });
    const at = f.now();
    const recorded = await f.record({
      provider: 'crm-gateway',
      content: contentOf({ to: [ann], cc: [bob], bcc: [cyd], subject: 'Plan', html: '<p>See <b>plan</b></p>', text: 'See plan' }),
      attachments: [file],
      idempotencyKey: 'key-1',
      outcome: sent('gw-1', 'gw-thread-1', { requestId: 'req-9', provider: 'gmail', sentAt: '2025-03-03T09:00:01Z' }),
    });
    const { thread, messages } = f.history.thread(recorded.threadId);
    expect(thread).toMatchObject({ subject: 'Plan', count: 1, latestAt: at, snippet: 'See plan', accountId: 'acct-1', statuses: { sent: 1, accepted: 0, failed: 0, unknown_outcome: 0 } });
    expect(thread.participants.map((p) => p.email)).toEqual(['ann@acme.io', 'bob@beta.org', 'cyd@gamma.net']);
    expect(messages[0]).toMatchObject({
      provider: 'crm-gateway',
      status: 'sent',
      accepted: false,
      error: null,
      from: { name: 'Me', email: 'me@home.io' },
      to: [ann],
      cc: [bob],
      bcc: [cyd],
      html: '<p>See <b>plan</b></p>',
      text: 'See plan',
      remoteId: 'gw-1',
      remoteThreadId: 'gw-thread-1',
      requestId: 'req-9',
      vendorProvider: 'gmail',
      vendorSentAt: '2025-03-03T09:00:01Z',
      attemptedAt: at,
      replyThreading: { atVendor: true },
      attachments: [{ filename: 'plan.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), available: true }],
    });
    expect(f.events).toContainEqual(['history:changed', { kind: 'recorded', threadIds: [recorded.threadId] }]);
  });

  it('keeps the stored copy through the start-up sweep while the message is kept', async () => {
    const file = await f.attachments.import({ filename: 'plan.pdf', mimeType: 'application/pdf', dataBase64: bytes.toString('base64') });
    await f.record({ attachments: [file], outcome: sent('m1') });
    await f.restart();
    await f.attachments.sweep();
    expect(existsSync(path.join(f.dataDir, 'attachments', file.token))).toBe(true);
    await expect(f.attachments.open(file.token)).resolves.toMatchObject({ filename: 'plan.pdf' });
  });

  it('records a message whose attachment copy vanished, listing the file as no longer available', async () => {
    const recorded = await f.record({ attachments: [{ token: 'A'.repeat(24), filename: 'gone.txt', mimeType: 'text/plain', size: 4 }], outcome: sent('m1') });
    expect(f.history.thread(recorded.threadId).messages[0]?.attachments).toEqual([{ filename: 'gone.txt', mimeType: 'text/plain', size: 4, sha256: null, available: false }]);
  });

  it('records failures and unknown outcomes with the sentence the person saw, and says a reply cannot thread', async () => {
    await f.record({ provider: 'stuut', outcome: { status: 'failed', error: { kind: 'auth', message: 'Stuut refused the API key. Check it in Accounts.' } } });
    const unknown = await f.record({ provider: 'stuut', outcome: { status: 'unknown_outcome', error: { kind: 'unknown_outcome', message: 'No answer came; it may have been sent.' } } });
    const { thread, messages } = f.history.thread(unknown.threadId);
    expect(thread.statuses).toEqual({ sent: 0, accepted: 0, failed: 1, unknown_outcome: 1 });
    expect(messages.map((m) => [m.status, m.error?.kind, m.remoteId])).toEqual([
      ['failed', 'auth', null],
      ['unknown_outcome', 'unknown_outcome', null],
    ]);
    expect(messages[0]?.replyThreading.atVendor).toBe(false);
    expect(messages[0]?.replyThreading.note).toMatch(/no confirmed id at Stuut/);
  });

  it('marks an accepted (queued) message and one Unipile cannot thread', async () => {
    const recorded = await f.record({ provider: 'unipile', outcome: { status: 'sent', result: { remoteId: 'trk-1', trackingId: 'trk-1', status: 'accepted', threadable: false } } });
    const [message] = f.history.thread(recorded.threadId).messages;
    expect(message).toMatchObject({ accepted: true, trackingId: 'trk-1', replyThreading: { atVendor: false } });
    expect(message?.replyThreading.note).toMatch(/Unipile gave no id a reply could point at/);
  });

  it('groups twenty sends over five subjects into five threads', async () => {
    for (let i = 0; i < 20; i++) await f.record({ content: contentOf({ subject: `Topic ${i % 5}` }), outcome: sent(`m${i}`) });
    expect(f.history.threads({ limit: 50 }).threads).toHaveLength(5);
  });
});
