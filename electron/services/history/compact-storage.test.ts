import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { DATABASE_FILE } from '../storage/database.js';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { inflateHtml } from './body-codec.js';
import { historyMigrations } from './migrations.js';
import { ann, bob, checkSearchIndex, historyFixture, landedDatabase, sent, type HistoryFixture } from './test-support.js';

const AT = Date.UTC(2025, 5, 1);

let f: HistoryFixture | undefined;
afterEach(() => f?.cleanup());

interface V3Message {
  id: string;
  thread: string;
  subject: string;
  html: string;
  text: string;
  to: { name?: string; email: string }[];
  key?: string;
  files?: string[];
  attempts?: string[];
  deleted?: boolean;
}

/** A history file as version 3 left it: the v3 columns (HTML, snippet, recipients text), its attempts and attachments, its FTS rows by its triggers. */
function seedVersion3(messages: V3Message[]) {
  return (dataDir: string) => {
    const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
    db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON');
    runMigrations(db, [attachmentsMigrations, historyMigrations], () => AT, { history: 3 });
    const thread = db.prepare(
      `INSERT OR IGNORE INTO history_threads (id, account_id, subject, subject_key, remote_thread_id, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
       VALUES (?, 'acct-1', ?, lower(?), NULL, ?, 0, ?, '', 0, 0, 0)`,
    );
    const count = db.prepare('UPDATE history_threads SET message_count = message_count + 1, sent_count = sent_count + 1, latest_at = ?, snippet = ? WHERE id = ?');
    const message = db.prepare(
      `INSERT INTO history_messages (id, thread_id, account_id, provider, status, remote_id, idempotency_key, from_json, to_json, cc_json, bcc_json,
         subject, html, body_text, recipients_text, snippet, attempted_at, recorded_at, deleted_at, deletion_id)
       VALUES (?, ?, 'acct-1', 'sandbox', 'sent', ?, ?, '{"name":"Me","email":"me@home.io"}', ?, '[]', '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    );
    const file = db.prepare("INSERT INTO history_attachments (message_seq, position, token, filename, mime_type, size, sha256) VALUES (?, ?, NULL, ?, 'application/pdf', 10, NULL)");
    const attempt = db.prepare('INSERT INTO history_attempts (message_seq, number, status, error_kind, error_message, attempted_at) VALUES (?, ?, ?, ?, ?, ?)');
    messages.forEach((m, i) => {
      const at = AT - 1000 * (100 - i);
      thread.run(m.thread, m.subject, m.subject, JSON.stringify(m.to), at);
      const recipients = m.to.map((a) => (a.name ? `${a.name} ${a.email}` : a.email)).join(', ');
      const { seq } = message.get(m.id, m.thread, `r-${m.id}`, m.key ?? null, JSON.stringify(m.to), m.subject, m.html, m.text, recipients, m.text.slice(0, 200), at, at, m.deleted ? at : null, m.deleted ? 'del-1' : null) as {
        seq: number;
      };
      (m.files ?? []).forEach((name, position) => file.run(seq, position, name));
      (m.attempts ?? ['sent']).forEach((status, n) => attempt.run(seq, n + 1, status, status === 'failed' ? 'network' : null, status === 'failed' ? 'Rollout is down.' : null, at));
      if (!m.deleted) count.run(at, m.text.slice(0, 200), m.thread);
    });
    db.close();
  };
}


describe('history migration 4: messages packed, search over a view', () => {
  it('upgrades a version 3 file: every message, its HTML, files, attempts and search survive', async () => {
    f = historyFixture(
      AT,
      seedVersion3([
        { id: 'm1', thread: 't1', subject: 'Quarterly numbers', html: '<p>The <b>numbers</b> are in.</p>', text: 'The numbers are in.', to: [ann], files: ['q3-report.pdf', 'plan.xlsx'], key: 'k1', attempts: ['failed', 'sent'] },
        { id: 'm2', thread: 't1', subject: 'Re: Quarterly numbers', html: '<p>Café opens at nine.</p>', text: 'Café opens at nine.', to: [ann, bob] },
        { id: 'm3', thread: 't2', subject: 'Shipping', html: '<p>Parcel left today.</p>', text: 'Parcel left today.', to: [bob], files: ['label.pdf'] },
        { id: 'm4', thread: 't2', subject: 'Shipping', html: '<p>doomed words</p>', text: 'doomed words', to: [bob], deleted: true },
      ]),
    );
    const { history, db } = f;
    expect(schemaVersion(db, 'history')).toBe(historyMigrations.migrations.length);
    expect(history.threads({ limit: 10 }).threads.map((t) => [t.id, t.count])).toEqual([
      ['t2', 1],
      ['t1', 2],
    ]);
    const t1 = history.thread('t1').messages;
    expect(t1.map((m) => m.html)).toEqual(['<p>The <b>numbers</b> are in.</p>', '<p>Café opens at nine.</p>']);
    expect(t1.map((m) => m.text)).toEqual(['The numbers are in.', 'Café opens at nine.']);
    expect(t1[0]!.attachments.map((a) => a.filename)).toEqual(['q3-report.pdf', 'plan.xlsx']);
    expect(t1[0]!.attempts.map((a) => [a.status, a.error?.message ?? null])).toEqual([
      ['failed', 'Rollout is down.'],
      ['sent', null],
    ]);
    expect(t1[1]!.to).toEqual([ann, bob]);
    expect(history.messageHtml('m3')).toBe('<p>Parcel left today.</p>');

    // Body (without accents), recipient, and the file names version 3 never indexed.
    expect(history.search({ query: 'cafe', limit: 5 }).map((h) => h.messageId)).toEqual(['m2']);
    expect(history.search({ query: 'bob@beta', limit: 5 }).map((h) => h.messageId)).toEqual(['m3', 'm2']);
    const byFile = history.search({ query: 'q3-report', limit: 5 });
    expect(byFile.map((h) => h.messageId)).toEqual(['m1']);
    expect(byFile[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['q3', 'report']);
    expect(history.search({ query: 'doomed', limit: 5 })).toEqual([]);
    checkSearchIndex(db);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

    // A retry after the upgrade joins the message under its key, as its third attempt.
    const retried = await f.record({ idempotencyKey: 'k1', outcome: sent('again') });
    expect(retried.id).toBe('m1');
    expect(history.thread('t1').messages.find((m) => m.id === 'm1')?.attempts).toHaveLength(3);

    // The deleted message is there to restore until the next start's purge; purging keeps the index whole.
    await f.restart();
    checkSearchIndex(f.db);
    expect(f.db.prepare('SELECT count(*) AS n FROM history_attachments').get()).toEqual({ n: 3 });
    expect(f.db.prepare('SELECT count(*) AS n FROM history_attempts').get()).toEqual({ n: 5 });
  });

  it('records new messages after the upgrade beside the old ones, found by attachment name', async () => {
    f = historyFixture(AT, seedVersion3([{ id: 'm1', thread: 't1', subject: 'Invoice', html: '<p>Invoice attached</p>', text: 'Invoice attached', to: [ann] }]));
    await f.record({
      content: { to: [bob], cc: [], bcc: [], subject: 'Invoice', html: '<p>Second invoice</p>', text: 'Second invoice' },
      attachments: [{ token: 'gone', filename: 'INV-2207.pdf', mimeType: 'application/pdf', size: 10 }],
      outcome: sent('r2'),
    });
    expect(f.history.search({ query: 'invoice', limit: 5 })).toHaveLength(2);
    expect(f.history.search({ query: 'inv-2207', limit: 5 }).map((h) => h.snippet.map((s) => s.text).join(''))).toEqual(['Attached: INV-2207.pdf']);
    checkSearchIndex(f.db);
  });
});

describe('the landed fixture through migration 4', () => {
  it('keeps every message’s HTML and text, and its index agrees with them', () => {
    f = historyFixture(AT, () => undefined);
    const db = landedDatabase(f.dataDir, 3, AT);
    try {
      const before = db.prepare('SELECT seq, html, body_text FROM history_messages ORDER BY seq').all() as { seq: number; html: string; body_text: string }[];
      expect(before.length).toBeGreaterThan(0);
      runMigrations(db, [attachmentsMigrations, historyMigrations], () => AT, { history: 4 });
      expect(schemaVersion(db, 'history')).toBe(4);
      const after = (db.prepare('SELECT seq, html_deflated, body_text FROM history_messages ORDER BY seq').all() as { seq: number; html_deflated: Uint8Array; body_text: string }[]).map((row) => ({
        seq: row.seq,
        html: inflateHtml(row.html_deflated),
        body_text: row.body_text,
      }));
      expect(after).toEqual(before.map((row) => ({ ...row })));
      checkSearchIndex(db);
      const word = /[A-Za-z]{4,}/.exec(before[0]!.body_text)?.[0] ?? '';
      expect(db.prepare('SELECT rowid FROM history_search WHERE history_search MATCH ?').all(`"${word}"`).map((r) => (r as { rowid: number }).rowid)).toContain(before[0]!.seq);
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
