import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { DATABASE_FILE } from '../storage/database.js';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { deflateHtml } from './body-codec.js';
import { historyMigrations } from './migrations.js';
import { ann, bob, checkSearchIndex, contentOf, historyFixture, landedDatabase, sent, type HistoryFixture } from './test-support.js';

const AT = Date.UTC(2025, 5, 1);

let f: HistoryFixture | undefined;
afterEach(() => f?.cleanup());

const ids = (fixture: HistoryFixture, query: string) => fixture.history.search({ query, limit: 10 }).map((hit) => hit.messageId);
const queued = (db: DatabaseSync) => (db.prepare('SELECT count(*) AS n FROM history_search_queue').get() as { n: number }).n;

/** A history file as version 4 left it: messages written by its own triggers into the index, one with files. */
function seedVersion4(dataDir: string) {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON');
  runMigrations(db, [attachmentsMigrations, historyMigrations], () => AT, { history: 4 });
  db.prepare(
    `INSERT INTO history_threads (id, account_id, subject, subject_key, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
     VALUES ('t1', 'acct-1', 'Invoices', 'invoices', ?, 2, ?, 'Schedule', 2, 0, 0)`,
  ).run(JSON.stringify([ann]), AT);
  const message = db.prepare(
    `INSERT INTO history_messages (id, thread_id, account_id, provider, status, to_json, cc_json, bcc_json, subject, attempted_at, recorded_at, body_text, html_deflated)
     VALUES (?, 't1', 'acct-1', 'sandbox', 'sent', ?, '[]', '[]', ?, ?, ?, ?, ?) RETURNING seq`,
  );
  const { seq } = message.get('m1', JSON.stringify([ann]), 'Invoices', AT - 2000, AT - 2000, 'The payment schedule is attached.', deflateHtml('<p>The payment schedule is attached.</p>')) as { seq: number };
  db.prepare("INSERT INTO history_attachments (message_seq, position, token, filename, mime_type, size) VALUES (?, 0, NULL, 'Quarterly-Statement.pdf', 'application/pdf', 10)").run(seq);
  message.get('m2', JSON.stringify([ann]), 'Re: Invoices', AT - 1000, AT - 1000, 'Schedules change on Monday.', deflateHtml('<p>Schedules change on Monday.</p>'));
  db.close();
}

describe('history migration 5: the index written after recording, and the list of indexed words', () => {
  it('upgrades a version 4 file: its messages stay found, by words typed in part and by file name, and its words are listed', () => {
    f = historyFixture(AT, seedVersion4);
    const { db } = f;
    expect(schemaVersion(db, 'history')).toBe(5);
    expect(queued(db)).toBe(0);
    const words = (db.prepare("SELECT word FROM history_search_words WHERE word >= 'sche' AND word < 'schf'").all() as { word: string }[]).map((r) => r.word);
    expect(words).toEqual(['schedule', 'schedules']);
    expect(ids(f, 'sched')).toEqual(['m2', 'm1']);
    expect(ids(f, 'schedule')).toEqual(['m2', 'm1']);
    expect(ids(f, 'schedules')).toEqual(['m2']);
    expect(ids(f, 'quarterly-stat')).toEqual(['m1']);
    expect(ids(f, 'paym sched')).toEqual(['m1']);
    checkSearchIndex(db);
  });

  it('a message recorded after the upgrade is found at once, from the queue, then from the index, and deleting it for good leaves both whole', async () => {
    f = historyFixture(AT, seedVersion4, { deferIndexing: true });
    const recorded = await f.record({ content: contentOf({ subject: 'Scheduling', text: 'Rescheduled delivery for Bob', html: '<p>Rescheduled delivery for Bob</p>', to: [bob] }), outcome: sent('r3') });
    expect(queued(f.db)).toBe(1);
    checkSearchIndex(f.db);
    // From the queue: a word no indexed message has, and a prefix beside indexed ones.
    expect(ids(f, 'reschedul')).toEqual([recorded.id]);
    expect(ids(f, 'sched')).toEqual([recorded.id, 'm2', 'm1']);
    f.runScheduled();
    expect(queued(f.db)).toBe(0);
    checkSearchIndex(f.db);
    expect(ids(f, 'reschedul')).toEqual([recorded.id]);
    expect(ids(f, 'bob@beta')).toEqual([recorded.id]);
    expect(f.history.search({ query: 'sched', limit: 2 }).map((hit) => hit.messageId)).toEqual([recorded.id, 'm2']);

    // Renamed while indexed: out of the index, back in the queue, found by its new words only.
    f.db.prepare("UPDATE history_messages SET subject = 'Quarterly close' WHERE id = ?").run(recorded.id);
    expect(queued(f.db)).toBe(1);
    checkSearchIndex(f.db);
    expect(ids(f, 'schedulin')).toEqual([]);
    expect(ids(f, 'quarterly')).toEqual([recorded.id, 'm1']);

    f.history.delete({ messageId: recorded.id });
    await f.restart();
    expect(queued(f.db)).toBe(0);
    checkSearchIndex(f.db);
    expect(ids(f, 'reschedul')).toEqual([]);
  });

  it('a search with many messages waiting has the index step catch up first', async () => {
    f = historyFixture(AT, undefined, { deferIndexing: true });
    for (let i = 0; i < 205; i++) await f.record({ content: contentOf({ subject: `Batch ${i}`, text: `item number${i}` }), outcome: sent(`r${i}`) });
    expect(queued(f.db)).toBe(205);
    expect(f.history.search({ query: 'number20', limit: 50 })).toHaveLength(6); // number20, number200–204
    expect(queued(f.db)).toBe(0);
    checkSearchIndex(f.db);
  });
});

describe('the landed fixture through migration 5', () => {
  it('lists the words of its messages and finds a message by a word typed in part', () => {
    f = historyFixture(AT, () => undefined);
    const db = landedDatabase(f.dataDir, 4, AT);
    try {
      const first = db.prepare('SELECT seq, body_text FROM history_messages ORDER BY seq LIMIT 1').get() as { seq: number; body_text: string };
      runMigrations(db, [attachmentsMigrations, historyMigrations], () => AT);
      expect(schemaVersion(db, 'history')).toBe(5);
      checkSearchIndex(db);
      const word = (/[A-Za-z]{6,}/.exec(first.body_text)?.[0] ?? '').toLowerCase();
      expect(word).not.toBe('');
      const listed = (db.prepare('SELECT word FROM history_search_words WHERE word >= ? AND word < ?').all(word.slice(0, 5), `${word.slice(0, 5)}\u{10FFFF}`) as { word: string }[]).map((r) => r.word);
      expect(listed).toContain(word);
      const match = listed.map((w) => `"${w}"`).join(' OR ');
      expect(db.prepare('SELECT rowid FROM history_search WHERE history_search MATCH ?').all(match).map((r) => (r as { rowid: number }).rowid)).toContain(first.seq);
      expect(db.prepare('SELECT count(*) AS n FROM history_search_queue').get()).toEqual({ n: 0 });
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
