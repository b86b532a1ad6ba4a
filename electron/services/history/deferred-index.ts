import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from '../storage/migrations.js';
import { inTransactionUnsynced } from '../storage/transaction.js';
import { INDEX_COLUMNS, RECIPIENTS } from './search-index.js';

const BATCH = 500;
/** Words longer than the index's own prefixes (`prefix = '2 3'`) are listed for prefix search. */
const LISTED_FROM = 4;

const queueRows = (seq: string) => `INSERT OR IGNORE INTO history_search_queue (seq) SELECT seq FROM history_messages WHERE seq IN (${seq});`;
const removeRows = (seq: string) =>
  `INSERT INTO history_search (history_search, rowid, ${INDEX_COLUMNS}) SELECT 'delete', seq, ${INDEX_COLUMNS} FROM history_search_content WHERE seq IN (${seq});`;

/**
 * Version 5: recording a message no longer writes the search index in its transaction. A new
 * or edited message goes into `history_search_queue` (one small row); the index step
 * (`createSearchIndexer`) writes the index for the queued messages soon after, off the
 * recording's path and several at a time when sends come in bursts. Search reads the queue
 * beside the index (search-tail.ts), so a message is found the moment it is recorded.
 *
 * Each message is in exactly one of the two: the index reads its content through the view,
 * which leaves queued messages out, so the index and the view agree at every moment (FTS5's
 * integrity check holds) and removing a message from the index before a change only ever
 * touches messages that are in it.
 *
 * `history_search_words` lists every word of four letters or more the index holds, so a typed
 * prefix longer than the index's own (`invoi`, `sched`) becomes the few whole words it starts
 * (`invoice`, `invoices`), which FTS5 walks newest first and stops at the limit, instead of a
 * prefix query that merges every matching word's list whole. Words of purged messages stay
 * listed; a listed word no message has matches nothing.
 */
export const deferredIndex: Migration = {
  version: 5,
  description: 'search index written after recording (a queue of new messages), and the list of indexed words for prefix search',
  up(db: DatabaseSync) {
    db.exec(`
      DROP TRIGGER history_messages_search_insert;
      DROP TRIGGER history_messages_search_delete;
      DROP TRIGGER history_messages_search_unindex;
      DROP TRIGGER history_messages_search_reindex;
      DROP TRIGGER history_attachments_search_unindex_add;
      DROP TRIGGER history_attachments_search_reindex_add;
      DROP TRIGGER history_attachments_search_unindex_remove;
      DROP TRIGGER history_attachments_search_reindex_remove;
      DROP TRIGGER history_attachments_search_unindex_edit;
      DROP TRIGGER history_attachments_search_reindex_edit;
      -- While the index is named history_search, FTS5 reserves its view's name (history_search_
      -- plus "content" is one of its own table names); renamed aside, the view can be redefined.
      ALTER TABLE history_search RENAME TO history_search_v4;
      DROP VIEW history_search_content;
      CREATE TABLE history_search_queue (seq INTEGER PRIMARY KEY) STRICT;
      CREATE TABLE history_search_words (word TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE VIEW history_search_content AS
        SELECT m.seq, m.subject, m.body_text, ${RECIPIENTS} AS recipients,
          (SELECT group_concat(f.filename, ', ' ORDER BY f.position) FROM history_attachments f WHERE f.message_seq = m.seq) AS attachments
        FROM history_messages m
        WHERE m.seq NOT IN (SELECT seq FROM history_search_queue);
      ALTER TABLE history_search_v4 RENAME TO history_search;
      CREATE TRIGGER history_messages_search_insert AFTER INSERT ON history_messages BEGIN
        INSERT INTO history_search_queue (seq) VALUES (new.seq);
      END;
      CREATE TRIGGER history_messages_search_delete BEFORE DELETE ON history_messages BEGIN
        ${removeRows('old.seq')}
        DELETE FROM history_search_queue WHERE seq = old.seq;
      END;
      CREATE TRIGGER history_messages_search_unindex BEFORE UPDATE OF seq, subject, body_text, to_json, cc_json, bcc_json ON history_messages BEGIN
        ${removeRows('old.seq')}
      END;
      CREATE TRIGGER history_messages_search_reindex AFTER UPDATE OF seq, subject, body_text, to_json, cc_json, bcc_json ON history_messages BEGIN
        DELETE FROM history_search_queue WHERE seq = old.seq;
        INSERT OR IGNORE INTO history_search_queue (seq) VALUES (new.seq);
      END;
      -- A message's attachments are removed by cascade after the message row is gone: the
      -- queueing triggers then find no message and queue nothing.
      CREATE TRIGGER history_attachments_search_unindex_add BEFORE INSERT ON history_attachments BEGIN
        ${removeRows('new.message_seq')}
      END;
      CREATE TRIGGER history_attachments_search_reindex_add AFTER INSERT ON history_attachments BEGIN
        ${queueRows('new.message_seq')}
      END;
      CREATE TRIGGER history_attachments_search_unindex_remove BEFORE DELETE ON history_attachments BEGIN
        ${removeRows('old.message_seq')}
      END;
      CREATE TRIGGER history_attachments_search_reindex_remove AFTER DELETE ON history_attachments BEGIN
        ${queueRows('old.message_seq')}
      END;
      CREATE TRIGGER history_attachments_search_unindex_edit BEFORE UPDATE OF message_seq, position, filename ON history_attachments BEGIN
        ${removeRows('old.message_seq, new.message_seq')}
      END;
      CREATE TRIGGER history_attachments_search_reindex_edit AFTER UPDATE OF message_seq, position, filename ON history_attachments BEGIN
        ${queueRows('old.message_seq, new.message_seq')}
      END;
    `);
    listIndexedWords(db);
  },
};

/** Lists every word the index holds (after a migration or a bulk rebuild): one pass over its term list. */
export function listIndexedWords(db: DatabaseSync): void {
  db.exec(`
    CREATE VIRTUAL TABLE temp.history_search_terms USING fts5vocab(main, history_search, row);
    INSERT OR IGNORE INTO history_search_words (word) SELECT term FROM temp.history_search_terms WHERE length(term) >= ${LISTED_FROM};
    DROP TABLE temp.history_search_terms;
  `);
}

export interface SearchIndexer {
  /** How many messages wait for the index. */
  pending(): number;
  /** Writes the index (and the word list) for every queued message, oldest first; returns how many. */
  indexPending(): number;
}

/**
 * The index step. The words of the messages it indexes are found by the index's own tokenizer,
 * in a small in-memory FTS5 table of this connection, so the word list holds exactly the words
 * the index does.
 */
export function createSearchIndexer(db: DatabaseSync): SearchIndexer {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.history_search_fresh USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', detail = none);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.history_search_fresh_terms USING fts5vocab(temp, history_search_fresh, row);
  `);
  const count = db.prepare('SELECT count(*) AS n FROM history_search_queue');
  const take = db.prepare('DELETE FROM history_search_queue WHERE seq IN (SELECT seq FROM history_search_queue ORDER BY seq LIMIT ?) RETURNING seq');
  const batch = 'SELECT value FROM json_each(:seqs)';
  const index = db.prepare(`INSERT INTO history_search (rowid, ${INDEX_COLUMNS}) SELECT seq, ${INDEX_COLUMNS} FROM history_search_content WHERE seq IN (${batch})`);
  const tokenize = db.prepare(
    `INSERT INTO temp.history_search_fresh (text) SELECT concat_ws(' ', ${INDEX_COLUMNS}) FROM history_search_content WHERE seq IN (${batch})`,
  );
  const list = db.prepare(`INSERT OR IGNORE INTO history_search_words (word) SELECT term FROM temp.history_search_fresh_terms WHERE length(term) >= ${LISTED_FROM}`);
  const forget = db.prepare('DELETE FROM temp.history_search_fresh');

  function indexBatch(): number {
    return inTransactionUnsynced(db, () => {
      const seqs = (take.all(BATCH) as { seq: number }[]).map((row) => row.seq);
      if (seqs.length === 0) return 0;
      const params = { seqs: JSON.stringify(seqs) };
      index.run(params);
      tokenize.run(params);
      list.run();
      forget.run();
      return seqs.length;
    });
  }

  return {
    pending: () => (count.get() as { n: number }).n,
    indexPending() {
      let done = 0;
      // In transactions of a few hundred: after a crash or a long import the queue can be long.
      for (let step = indexBatch(); step > 0; step = indexBatch()) done += step;
      return done;
    },
  };
}
