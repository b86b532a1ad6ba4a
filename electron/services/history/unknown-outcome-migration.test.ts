import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../storage/migrations.js';
import { historyMigrations } from './migrations.js';

let dir: string;
let db: DatabaseSync;
const clock = () => 1_700_000_000_000;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'composer-history-v2-'));
  db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeAsVersion1(): void {
  runMigrations(db, [historyMigrations], clock, { history: 1 });
  db.exec(`INSERT INTO history_threads VALUES ('t1', 'acct', 'Invoice', 'invoice', NULL, '[]', 2, 2, 'due', 1, 0, 1)`);
  const message = (id: string, status: string, body: string) =>
    db
      .prepare(
        `INSERT INTO history_messages (id, thread_id, account_id, provider, status, error_kind, error_message, to_json, cc_json, bcc_json, subject, html, body_text,
           recipients_text, snippet, attempted_at, recorded_at) VALUES (?, 't1', 'acct', 'stuut', ?, ?, ?, '[]', '[]', '[]', 'Invoice', '', ?, 'ann@acme.io', ?, 1, 1) RETURNING seq`,
      )
      .get(id, status, status === 'sent' ? null : 'unknown_outcome', status === 'sent' ? null : 'No answer came.', body, body) as { seq: number };
  message('m1', 'sent', 'the invoice is attached');
  const { seq } = message('m2', 'unknown', 'the reminder is overdue');
  db.prepare(`INSERT INTO history_attachments VALUES (?, 0, 'tok_1234567890abcdef', 'invoice.pdf', 'application/pdf', 10, NULL)`).run(seq);
}

describe('history migration 2: unknown becomes unknown_outcome', () => {
  it('renames the stored state and keeps every message, its attachments and its search entry', () => {
    writeAsVersion1();
    runMigrations(db, [historyMigrations], clock, { history: 2 });
    expect(db.prepare('SELECT id, status FROM history_messages ORDER BY seq').all()).toEqual([
      { id: 'm1', status: 'sent' },
      { id: 'm2', status: 'unknown_outcome' },
    ]);
    expect(db.prepare('SELECT filename FROM history_attachments').all()).toEqual([{ filename: 'invoice.pdf' }]);
    const found = db.prepare(`SELECT m.id FROM history_fts JOIN history_messages m ON m.seq = history_fts.rowid WHERE history_fts MATCH 'overdue'`).all();
    expect(found).toEqual([{ id: 'm2' }]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });

  it('refuses the old name afterwards and still indexes new messages for search', () => {
    writeAsVersion1();
    runMigrations(db, [historyMigrations], clock, { history: 2 });
    const insert = (status: string) =>
      db
        .prepare(
          `INSERT INTO history_messages (id, thread_id, account_id, provider, status, to_json, cc_json, bcc_json, subject, html, body_text, recipients_text, snippet, attempted_at, recorded_at)
           VALUES (?, 't1', 'acct', 'stuut', ?, '[]', '[]', '[]', 'Later', '', 'a later word', '', '', 3, 3)`,
        )
        .run(`m-${status}`, status);
    expect(() => insert('unknown')).toThrow(/CHECK/);
    insert('unknown_outcome');
    expect(db.prepare(`SELECT rowid FROM history_fts WHERE history_fts MATCH 'later'`).all()).toHaveLength(1);
  });
});
