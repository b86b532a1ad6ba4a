import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { DATABASE_FILE, openStorage } from '../storage/database.js';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { createHistoryService } from './history-service.js';
import { historyMigrations } from './migrations.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'composer-history-v1-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const clock = () => Date.UTC(2025, 5, 1);

interface V1Message {
  seq: number;
  thread: string;
  subject: string;
  html: string;
  text: string;
  to: { name?: string; email: string }[];
  files?: string[];
  deleted?: boolean;
}

/** A history file as version 1 wrote it: every column the v1 recorder filled, its FTS rows by its triggers. */
function writeV1(messages: V1Message[]): void {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON');
  runMigrations(db, [attachmentsMigrations, historyMigrations], clock, { history: 1 });
  const thread = db.prepare(
    `INSERT OR IGNORE INTO history_threads (id, account_id, subject, subject_key, remote_thread_id, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
     VALUES (?, 'acct-1', ?, lower(?), NULL, ?, 0, ?, '', 0, 0, 0)`,
  );
  const count = db.prepare('UPDATE history_threads SET message_count = message_count + 1, sent_count = sent_count + 1, latest_at = ?, snippet = ? WHERE id = ?');
  const message = db.prepare(
    `INSERT INTO history_messages (seq, id, thread_id, account_id, provider, status, remote_id, from_json, to_json, cc_json, bcc_json,
       subject, html, body_text, recipients_text, snippet, attempted_at, recorded_at, deleted_at, deletion_id)
     VALUES (?, ?, ?, 'acct-1', 'sandbox', 'sent', ?, '{"name":"Me","email":"me@home.io"}', ?, '[]', '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const file = db.prepare("INSERT INTO history_attachments (message_seq, position, token, filename, mime_type, size, sha256) VALUES (?, ?, NULL, ?, 'application/pdf', 10, NULL)");
  for (const m of messages) {
    const at = clock() - 1000 * (100 - m.seq);
    thread.run(m.thread, m.subject, m.subject, JSON.stringify(m.to), at);
    const recipients = m.to.map((a) => (a.name ? `${a.name} ${a.email}` : a.email)).join(', ');
    message.run(m.seq, `msg-${m.seq}`, m.thread, `r${m.seq}`, JSON.stringify(m.to), m.subject, m.html, m.text, recipients, m.text.slice(0, 200), at, at, m.deleted ? at : null, m.deleted ? 'del-1' : null);
    (m.files ?? []).forEach((name, position) => file.run(m.seq, position, name));
    if (!m.deleted) count.run(at, m.text.slice(0, 200), m.thread);
  }
  db.close();
}

function openHistory() {
  const storage = openStorage({ dataDir, clock, notices: { post: () => undefined }, migrations: [attachmentsMigrations, historyMigrations] });
  const history = createHistoryService({
    db: storage.db,
    clock,
    bus: { emit: () => undefined },
    providerFacts: (id) => ({ displayName: id, threading: true }),
    openAttachment: () => Promise.reject(new Error('no stored copies in this test')),
  });
  return { storage, history };
}

const ann = { name: 'Ann Lee', email: 'ann@acme.io' };
const bob = { email: 'bob@beta.org' };

describe('history storage version 3 (packed messages, search over a view)', () => {
  it('upgrades a version 1 file: every message, its HTML, files and search survive', () => {
    writeV1([
      { seq: 1, thread: 't1', subject: 'Quarterly numbers', html: '<p>The <b>numbers</b> are in.</p>', text: 'The numbers are in.', to: [ann], files: ['q3-report.pdf', 'plan.xlsx'] },
      { seq: 2, thread: 't1', subject: 'Re: Quarterly numbers', html: '<p>Café opens at nine.</p>', text: 'Café opens at nine.', to: [ann, bob] },
      { seq: 3, thread: 't2', subject: 'Shipping', html: '<p>Parcel left today.</p>', text: 'Parcel left today.', to: [bob], files: ['label.pdf'] },
      { seq: 4, thread: 't2', subject: 'Shipping', html: '<p>doomed words</p>', text: 'doomed words', to: [bob], deleted: true },
    ]);
    const { storage, history } = openHistory();
    try {
      expect(schemaVersion(storage.db, 'history')).toBe(3);
      const page = history.threads({ limit: 10 });
      expect(page.threads.map((t) => [t.id, t.count])).toEqual([
        ['t2', 1],
        ['t1', 2],
      ]);
      const t1 = history.thread('t1').messages;
      expect(t1.map((m) => m.html)).toEqual(['<p>The <b>numbers</b> are in.</p>', '<p>Café opens at nine.</p>']);
      expect(t1.map((m) => m.text)).toEqual(['The numbers are in.', 'Café opens at nine.']);
      expect(t1[0]!.attachments.map((a) => a.filename)).toEqual(['q3-report.pdf', 'plan.xlsx']);
      expect(t1[1]!.to).toEqual([ann, bob]);

      // Body (without accents), recipient, and the file names version 1 never indexed.
      expect(history.search({ query: 'cafe', limit: 5 }).map((h) => h.messageId)).toEqual(['msg-2']);
      expect(history.search({ query: 'bob@beta', limit: 5 }).map((h) => h.messageId)).toEqual(['msg-3', 'msg-2']);
      const byFile = history.search({ query: 'q3-report', limit: 5 });
      expect(byFile.map((h) => h.messageId)).toEqual(['msg-1']);
      expect(byFile[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['q3', 'report']);
      expect(history.search({ query: 'doomed', limit: 5 })).toEqual([]);

      storage.db.exec("INSERT INTO history_search (history_search, rank) VALUES ('integrity-check', 1)");
      expect(storage.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      // The deleted message is still there to restore until the next start's purge, and purging keeps the index whole.
      history.purgeDeleted();
      storage.db.exec("INSERT INTO history_search (history_search, rank) VALUES ('integrity-check', 1)");
      expect(storage.db.prepare('SELECT count(*) AS n FROM history_attachments').get()).toEqual({ n: 3 });
    } finally {
      storage.close();
    }
  });

  it('records new messages after the upgrade beside the old ones, found by attachment name', async () => {
    writeV1([{ seq: 1, thread: 't1', subject: 'Invoice', html: '<p>Invoice attached</p>', text: 'Invoice attached', to: [ann] }]);
    const { storage, history } = openHistory();
    try {
      await history.record({
        accountId: 'acct-1',
        provider: 'sandbox',
        content: { to: [bob], cc: [], bcc: [], subject: 'Invoice', html: '<p>Second invoice</p>', text: 'Second invoice' },
        attachments: [{ token: 'gone', filename: 'INV-2207.pdf', mimeType: 'application/pdf', size: 10 }],
        outcome: { status: 'sent', result: { remoteId: 'r2', status: 'sent' } },
      });
      expect(history.search({ query: 'invoice', limit: 5 })).toHaveLength(2);
      expect(history.search({ query: 'inv-2207', limit: 5 }).map((h) => h.snippet.map((s) => s.text).join(''))).toEqual(['Attached: INV-2207.pdf']);
    } finally {
      storage.close();
    }
  });
});
