import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { historyMigrations } from './migrations.js';

let dir: string;
let db: DatabaseSync;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'composer-history-migrations-'));
  db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const migrateTo = (version: number) => runMigrations(db, [historyMigrations], () => 1, { history: version });
const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

function insertThread(id: string) {
  db.prepare(
    `INSERT INTO history_threads (id, account_id, subject, subject_key, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
     VALUES (?, 'acc', 'Quarterly numbers', 'quarterly numbers', '[]', 1, 1, 'snip', 1, 0, 0)`,
  ).run(id);
}

function insertMessage(id: string, threadId: string, status = 'sent'): number {
  const result = db
    .prepare(
      `INSERT INTO history_messages (id, thread_id, account_id, provider, status, to_json, cc_json, bcc_json, subject, html, body_text, recipients_text, snippet, attempted_at, recorded_at)
       VALUES (?, ?, 'acc', 'sandbox', ?, '[]', '[]', '[]', 'Quarterly numbers', '<p>Revenue grew</p>', 'Revenue grew', 'bea@example.org', 'Revenue grew', 1, 1)`,
    )
    .run(id, threadId, status);
  return Number(result.lastInsertRowid);
}

const search = (words: string) => db.prepare('SELECT rowid FROM history_fts WHERE history_fts MATCH ?').all(words).map((r) => (r as { rowid: number }).rowid);

describe('history migrations, each on its own', () => {
  it('1 creates threads, messages, attachments and recipients with their constraints', () => {
    migrateTo(1);
    expect(schemaVersion(db, 'history')).toBe(1);
    expect(columns('history_threads')).toEqual(expect.arrayContaining(['id', 'account_id', 'subject_key', 'remote_thread_id', 'message_count', 'latest_at', 'sent_count', 'failed_count', 'unknown_count']));
    expect(columns('history_messages')).toEqual(expect.arrayContaining(['seq', 'id', 'thread_id', 'status', 'error_kind', 'remote_id', 'idempotency_key', 'subject', 'body_text', 'deleted_at']));
    expect(columns('history_attachments')).toEqual(['message_seq', 'position', 'token', 'filename', 'mime_type', 'size', 'sha256']);
    insertThread('t1');
    insertMessage('m1', 't1');
    expect(() => insertMessage('m2', 'no-such-thread')).toThrow(/FOREIGN KEY/);
    expect(() => insertMessage('m3', 't1', 'maybe')).toThrow(/CHECK/);
  });

  it('1 keeps the full-text index in step with the messages it reads from: found once recorded, gone once deleted', () => {
    migrateTo(1);
    insertThread('t1');
    const seq = insertMessage('m1', 't1');
    expect(search('revenue')).toEqual([seq]);
    expect(search('quart*')).toEqual([seq]);
    db.prepare("DELETE FROM history_messages WHERE id = 'm1'").run();
    expect(search('revenue')).toEqual([]);
  });

  it('1 takes a message’s attachments and recipient words with it', () => {
    migrateTo(1);
    insertThread('t1');
    const seq = insertMessage('m1', 't1');
    db.prepare("INSERT INTO history_attachments (message_seq, position, token, filename, mime_type, size) VALUES (?, 0, 'tok', 'a.pdf', 'application/pdf', 3)").run(seq);
    db.prepare("INSERT INTO history_recipients (email_key, email, name, use_count, last_at) VALUES ('bea@example.org', 'bea@example.org', 'Bea', 1, 1)").run();
    db.prepare("INSERT INTO history_recipient_keys (key, email_key) VALUES ('bea', 'bea@example.org')").run();
    db.prepare("DELETE FROM history_messages WHERE id = 'm1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM history_attachments').get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM history_recipients WHERE email_key = 'bea@example.org'").run();
    expect(db.prepare('SELECT count(*) AS n FROM history_recipient_keys').get()).toEqual({ n: 0 });
  });

  it('runs every migration it has from an empty database to the newest', () => {
    runMigrations(db, [historyMigrations], () => 1);
    expect(schemaVersion(db, 'history')).toBe(historyMigrations.migrations.length);
  });
});
