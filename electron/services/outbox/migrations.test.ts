import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { outboxMigrations } from './migrations.js';

let dir: string;
let db: DatabaseSync;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'composer-outbox-migrations-'));
  db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const migrateTo = (version: number) => runMigrations(db, [outboxMigrations], () => 1, { outbox: version });
const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const indexes = (table: string) => (db.prepare(`PRAGMA index_list(${table})`).all() as { name: string }[]).map((i) => i.name);

function insertMessage(id: string, key: string, state = 'queued') {
  db.prepare(
    `INSERT INTO outbox_messages (id, idempotency_key, account_id, message, subject, recipients, state, send_at, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, 'acc', '{}', 'Hello', 'bea@example.org', ?, 1, 1, 1, 1)`,
  ).run(id, key, state);
}

describe('outbox migrations, each on its own', () => {
  it('1 creates the messages table (with its due and finished indexes) and the settings table', () => {
    migrateTo(1);
    expect(schemaVersion(db, 'outbox')).toBe(1);
    expect(columns('outbox_messages')).toEqual(
      expect.arrayContaining(['seq', 'id', 'idempotency_key', 'account_id', 'provider_id', 'message', 'state', 'send_at', 'next_attempt_at', 'attempts', 'last_error', 'error_kind', 'remote_id', 'finished_at']),
    );
    expect(indexes('outbox_messages')).toEqual(expect.arrayContaining(['outbox_due', 'outbox_finished']));
    expect(columns('outbox_settings')).toEqual(['key', 'value']);
    insertMessage('m1', 'k1');
    const row = db.prepare('SELECT attempts, scheduled, attachment_tokens FROM outbox_messages').get();
    expect(row).toEqual({ attempts: 0, scheduled: 0, attachment_tokens: '[]' });
  });

  it('1 refuses what would break the outbox: an unknown state, a second row with the same key, a wrong type', () => {
    migrateTo(1);
    insertMessage('m1', 'k1');
    expect(() => insertMessage('m2', 'k2', 'lost')).toThrow(/CHECK/);
    // One idempotency key is one message: a retry reuses its row, never adds one.
    expect(() => insertMessage('m3', 'k1')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE outbox_messages SET attempts = 'two'").run()).toThrow(); // STRICT
    // First in, first out within an account.
    insertMessage('m4', 'k4');
    expect(db.prepare('SELECT id FROM outbox_messages ORDER BY seq').all()).toEqual([{ id: 'm1' }, { id: 'm4' }]);
  });

  it('runs every migration it has from an empty database to the newest', () => {
    runMigrations(db, [outboxMigrations], () => 1);
    expect(schemaVersion(db, 'outbox')).toBe(outboxMigrations.migrations.length);
  });
});
