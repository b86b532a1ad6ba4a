import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { DATABASE_FILE } from '../storage/database.js';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { historyMigrations } from './migrations.js';
import { contentOf, failed, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
afterEach(() => f.cleanup());

const unknown = { status: 'unknown_outcome' as const, error: { kind: 'unknown_outcome', message: 'No answer came; it may have been sent.' } };

describe('a retried message is one message with its attempts', () => {
  it('a failed try then a successful Retry: one message, Sent, two attempts, listed in Sent once', async () => {
    f = historyFixture();
    const first = await f.record({ idempotencyKey: 'key-1', outcome: failed('Rollout is down (HTTP 503). Try again later.') });
    const retried = await f.record({ idempotencyKey: 'key-1', outcome: sent('r-1', 'T-1') });
    expect(retried.id).toBe(first.id);
    const { thread, messages } = f.history.thread(first.threadId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ status: 'sent', error: null, remoteId: 'r-1', remoteThreadId: 'T-1', replyThreading: { atVendor: true } });
    expect(messages[0]?.attempts.map((a) => [a.status, a.error?.message ?? null, a.remoteId])).toEqual([
      ['failed', 'Rollout is down (HTTP 503). Try again later.', null],
      ['sent', null, 'r-1'],
    ]);
    expect(messages[0]?.attemptedAt).toBe(messages[0]?.attempts[1]?.attemptedAt);
    expect(thread).toMatchObject({ count: 1, statuses: { sent: 1, accepted: 0, failed: 0, unknown_outcome: 0 } });
    expect(f.history.threads({ limit: 10, status: 'sent' }).threads.map((t) => t.id)).toEqual([first.threadId]);
    // The files were kept and hashed once, with the message.
    expect(f.history.search({ query: 'numbers', limit: 10 })).toHaveLength(1);
    // What went out is now suggested, once.
    expect(f.history.suggestRecipients('ann', 5)).toEqual([expect.objectContaining({ email: 'ann@acme.io', count: 1 })]);
  });

  it('a message that failed twice is one failed message (not "2 failed"), and Sent leaves it out unless asked', async () => {
    f = historyFixture();
    const first = await f.record({ idempotencyKey: 'key-2', outcome: failed() });
    await f.record({ idempotencyKey: 'key-2', outcome: failed('Still refused.') });
    const { thread, messages } = f.history.thread(first.threadId);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.attempts).toHaveLength(2);
    expect(messages[0]?.error?.message).toBe('Still refused.');
    expect(thread.statuses).toEqual({ sent: 0, accepted: 0, failed: 1, unknown_outcome: 0 });
    expect(f.history.threads({ limit: 10, status: 'sent' }).threads).toEqual([]);
    expect(f.history.threads({ limit: 10 }).threads.map((t) => t.id)).toEqual([first.threadId]);
    expect(f.history.search({ query: 'numbers', status: 'sent', limit: 10 })).toEqual([]);
  });

  it('different keys are different messages, even with the same text', async () => {
    f = historyFixture();
    await f.record({ idempotencyKey: 'key-a', outcome: sent('a') });
    const second = await f.record({ idempotencyKey: 'key-b', outcome: sent('b') });
    expect(f.history.thread(second.threadId).messages.map((m) => m.attempts.length)).toEqual([1, 1]);
  });

  it('a thread lists what was sent: a failed reply after it changes neither its time, its snippet nor its count', async () => {
    f = historyFixture();
    const original = await f.record({ idempotencyKey: 'k1', content: contentOf({ text: 'The numbers are in.' }), outcome: sent('m1') });
    const listedAt = f.history.thread(original.threadId).thread.latestAt;
    await f.record({ idempotencyKey: 'k2', replyToHistoryId: original.id, content: contentOf({ subject: 'Re: Quarterly numbers', text: 'A reply that never left.' }), outcome: failed() });
    const { thread, messages } = f.history.thread(original.threadId);
    expect(messages).toHaveLength(2);
    expect(thread).toMatchObject({ count: 1, latestAt: listedAt, snippet: 'The numbers are in.', statuses: { sent: 1, failed: 1 } });
  });

  it('counts what the vendor only accepted, and an unknown outcome that a retry settles', async () => {
    f = historyFixture();
    const first = await f.record({ idempotencyKey: 'k', provider: 'unipile', outcome: unknown });
    await f.record({ idempotencyKey: 'k', provider: 'unipile', outcome: { status: 'sent', result: { remoteId: 'trk', status: 'accepted', threadable: false } } });
    const { thread, messages } = f.history.thread(first.threadId);
    expect(thread.statuses).toEqual({ sent: 1, accepted: 1, failed: 0, unknown_outcome: 0 });
    expect(messages[0]).toMatchObject({ status: 'sent', accepted: true });
    expect(messages[0]?.attempts.map((a) => [a.status, a.accepted])).toEqual([
      ['unknown_outcome', false],
      ['sent', true],
    ]);
  });

  it('keeps the attempts through a restart, and a deleted message is not revived by a late retry', async () => {
    f = historyFixture();
    const first = await f.record({ idempotencyKey: 'k', outcome: failed() });
    await f.record({ idempotencyKey: 'k', outcome: failed() });
    await f.restart();
    expect(f.history.thread(first.threadId).messages[0]?.attempts).toHaveLength(2);
    f.history.delete({ messageId: first.id });
    const again = await f.record({ idempotencyKey: 'k', outcome: sent('m') });
    expect(again.id).not.toBe(first.id);
    expect(f.history.thread(again.threadId).messages.map((m) => [m.status, m.attempts.length])).toEqual([['sent', 1]]);
  });
});

/** A row as the landed version (history schema 1) wrote it: every try its own message. */
function insertV1(db: DatabaseSync, row: { id: string; thread: string; status: string; key: string | null; at: number; error?: string; accepted?: number }): void {
  db.prepare(
    `INSERT INTO history_messages (id, thread_id, account_id, provider, status, accepted, error_kind, error_message, idempotency_key, to_json, cc_json, bcc_json,
       subject, html, body_text, recipients_text, snippet, attempted_at, recorded_at)
     VALUES (?, ?, 'acct-1', 'rollout', ?, ?, ?, ?, ?, '[{"email":"ann@acme.io"}]', '[]', '[]', 'Delivery window', '<p>Thursday suits us.</p>', 'Thursday suits us.',
       'ann@acme.io', 'Thursday suits us.', ?, ?)`,
  ).run(row.id, row.thread, row.status, row.accepted ?? 0, row.error ? 'failed' : null, row.error ?? null, row.key, row.at, row.at);
}

function seedVersion1(dataDir: string): void {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA foreign_keys = ON');
  runMigrations(db, [attachmentsMigrations, historyMigrations], () => 0, { history: 1 });
  const at = Date.UTC(2025, 2, 1, 9, 0, 0);
  db.prepare(
    `INSERT INTO history_threads (id, account_id, subject, subject_key, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
     VALUES ('t1', 'acct-1', 'Delivery window', 'delivery window', '[{"email":"ann@acme.io"}]', 3, ?, 'Thursday suits us.', 1, 2, 0),
            ('t2', 'acct-1', 'Delivery window', 'delivery window', '[{"email":"ann@acme.io"}]', 1, ?, 'Thursday suits us.', 1, 0, 0)`,
  ).run(at + 2_000, at + 5_000);
  // Failed, failed again on Retry, then sent on the second Retry: three records of one message.
  insertV1(db, { id: 'h1', thread: 't1', status: 'failed', key: 'key-1', at, error: 'Rollout is down.' });
  insertV1(db, { id: 'h2', thread: 't1', status: 'failed', key: 'key-1', at: at + 1_000, error: 'Rollout is still down.' });
  insertV1(db, { id: 'h3', thread: 't1', status: 'sent', key: 'key-1', at: at + 2_000, accepted: 1 });
  // Another message, sent once, recorded without a key.
  insertV1(db, { id: 'h4', thread: 't2', status: 'sent', key: null, at: at + 5_000 });
  db.prepare("INSERT INTO history_attachments (message_seq, position, token, filename, mime_type, size) SELECT seq, 0, 'tok-1', 'plan.pdf', 'application/pdf', 9 FROM history_messages WHERE id IN ('h1', 'h3')").run();
  db.close();
}

describe('history schema 3 (attempts) on a database written by schema 1', () => {
  it('makes the earlier records of one message its attempts, keeping the newest record, its files and its search entry', () => {
    f = historyFixture(Date.UTC(2025, 2, 3, 9, 0, 0), seedVersion1);
    expect(schemaVersion(f.db, 'history')).toBe(historyMigrations.migrations.length);
    const { thread, messages } = f.history.thread('t1');
    expect(messages.map((m) => [m.id, m.status, m.accepted])).toEqual([['h3', 'sent', true]]);
    expect(messages[0]?.attempts.map((a) => [a.status, a.error?.message ?? null])).toEqual([
      ['failed', 'Rollout is down.'],
      ['failed', 'Rollout is still down.'],
      ['sent', null],
    ]);
    expect(messages[0]?.attachments.map((a) => a.filename)).toEqual(['plan.pdf']);
    expect(thread).toMatchObject({ count: 1, statuses: { sent: 1, accepted: 1, failed: 0, unknown_outcome: 0 } });
    expect(f.history.thread('t2').messages.map((m) => [m.id, m.attempts.length])).toEqual([['h4', 1]]);
    expect(f.history.search({ query: 'thursday', limit: 10 }).map((hit) => hit.messageId).sort()).toEqual(['h3', 'h4']);
    expect(f.history.threads({ limit: 10, status: 'sent' }).threads.map((t) => t.id)).toEqual(['t2', 't1']);
  });

  it('a retry after the upgrade joins the message recorded before it', async () => {
    f = historyFixture(Date.UTC(2025, 2, 3, 9, 0, 0), (dir) => {
      const db = new DatabaseSync(path.join(dir, DATABASE_FILE));
      runMigrations(db, [attachmentsMigrations, historyMigrations], () => 0, { history: 1 });
      db.prepare(
        `INSERT INTO history_threads (id, account_id, subject, subject_key, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
         VALUES ('t1', 'acct-1', 'Delivery window', 'delivery window', '[]', 1, 0, '', 0, 1, 0)`,
      ).run();
      insertV1(db, { id: 'h1', thread: 't1', status: 'failed', key: 'key-9', at: 0, error: 'Down.' });
      db.close();
    });
    const retried = await f.record({ idempotencyKey: 'key-9', outcome: sent('r') });
    expect(retried).toMatchObject({ id: 'h1', threadId: 't1', status: 'sent' });
    expect(f.history.thread('t1').messages[0]?.attempts.map((a) => a.status)).toEqual(['failed', 'sent']);
  });
});
