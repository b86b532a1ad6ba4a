import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from '../storage/migrations.js';
import { deflateHtml } from './body-codec.js';

/** The messages table of version 3: one plain copy of the text, the HTML deflated, no derived columns. */
const CREATE_MESSAGES = `
  CREATE TABLE history_messages (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES history_threads (id),
    account_id TEXT NOT NULL,
    provider TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'failed', 'unknown_outcome')),
    accepted INTEGER NOT NULL DEFAULT 0,
    error_kind TEXT,
    error_message TEXT,
    remote_id TEXT,
    remote_thread_id TEXT,
    request_id TEXT,
    tracking_id TEXT,
    vendor_provider TEXT,
    vendor_sent_at TEXT,
    threadable INTEGER NOT NULL DEFAULT 1,
    idempotency_key TEXT,
    from_json TEXT,
    to_json TEXT NOT NULL,
    cc_json TEXT NOT NULL,
    bcc_json TEXT NOT NULL,
    subject TEXT NOT NULL,
    in_reply_to_id TEXT,
    in_reply_to_remote_id TEXT,
    in_reply_to_remote_thread_id TEXT,
    attempted_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    deleted_at INTEGER,
    deletion_id TEXT,
    body_text TEXT NOT NULL,
    html_deflated BLOB NOT NULL
  ) STRICT;
  CREATE INDEX history_messages_thread ON history_messages (thread_id, attempted_at);
  CREATE INDEX history_messages_remote ON history_messages (account_id, remote_id) WHERE remote_id IS NOT NULL;
  CREATE INDEX history_messages_deletion ON history_messages (deletion_id) WHERE deletion_id IS NOT NULL;`;

/** Unchanged since version 1; recreated so it points at the new messages table. */
const CREATE_ATTACHMENTS = `
  CREATE TABLE history_attachments (
    message_seq INTEGER NOT NULL REFERENCES history_messages (seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    token TEXT,
    filename TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT,
    PRIMARY KEY (message_seq, position)
  ) STRICT;
  CREATE INDEX history_attachments_token ON history_attachments (token) WHERE token IS NOT NULL;`;
const ATTACHMENT_COLUMNS = 'message_seq, position, token, filename, mime_type, size, sha256';

/** Columns both versions share, in the new table's order. */
const KEPT_COLUMNS = `seq, id, thread_id, account_id, provider, status, accepted, error_kind, error_message, remote_id, remote_thread_id,
  request_id, tracking_id, vendor_provider, vendor_sent_at, threadable, idempotency_key, from_json, to_json, cc_json, bcc_json,
  subject, in_reply_to_id, in_reply_to_remote_id, in_reply_to_remote_thread_id, attempted_at, recorded_at, deleted_at, deletion_id, body_text`;

/** A JSON address list without its keys: `[{"name":"Ann","email":"a@x"}]` -> `[{"Ann","a@x"}]`. */
const values = (column: string) => `replace(replace(${column}, '"name":', ''), '"email":', '')`;
/** The recipients as text (`Ann a@x, b@y`), from the stored JSON with SQLite's own string functions. */
const RECIPIENTS = `trim(replace(replace(replace(replace(replace(
  ${values('m.to_json')} || ', ' || ${values('m.cc_json')} || ', ' || ${values('m.bcc_json')},
  '"},{"', ', '), '","', ' '), '[{"', ''), '"}]', ''), '\\"', '"'), '[] ,')`;

/**
 * What the search index reads (external content): the subject, the text, every recipient's
 * name and address, and the attachments' file names. Recipients and names are derived here
 * rather than stored a second time. (Not json_each: FTS5 reads the view as main.<view>, where
 * table-valued functions do not resolve.)
 */
const CREATE_SEARCH = `
  CREATE VIEW history_search_content AS
    SELECT m.seq, m.subject, m.body_text, ${RECIPIENTS} AS recipients,
      (SELECT group_concat(f.filename, ', ' ORDER BY f.position) FROM history_attachments f WHERE f.message_seq = m.seq) AS attachments
    FROM history_messages m;
  -- detail=column: which column a word is in, not where, is all a search needs (snippets
  -- find the words again in the text); it halves the index. Prefixes of 2 and 3 letters
  -- are indexed so search-as-you-type stays fast.
  CREATE VIRTUAL TABLE history_search USING fts5(
    subject, body_text, recipients, attachments,
    content = 'history_search_content', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3',
    detail = column
  );
  -- The index row goes in once the message and its attachments are written (the recorder
  -- does it); it comes out while they are still there to say what was indexed.
  CREATE TRIGGER history_messages_search_delete BEFORE DELETE ON history_messages BEGIN
    INSERT INTO history_search (history_search, rowid, subject, body_text, recipients, attachments)
      SELECT 'delete', seq, subject, body_text, recipients, attachments FROM history_search_content WHERE seq = old.seq;
  END;`;

/**
 * Version 3: the history at a size people reach in years (hundreds of thousands of messages)
 * without a database several times the mail it holds. The messages table is rebuilt (packed,
 * in record order) without the stored snippet and recipients text (both derivable) and with
 * its HTML deflated; the search index is rebuilt over the view above, attachment names
 * included. Messages keep their seq, so attachments stay linked to them. The old tables'
 * pages go to SQLite's free list and are reused as the history grows.
 */
export const compactStorage: Migration = {
  version: 3,
  description: 'messages packed (HTML deflated, no derived columns); search over a view, attachment names included',
  up(db: DatabaseSync) {
    db.function('history_deflate_html', { deterministic: true }, (html) => deflateHtml(String(html)));
    // Renaming a parent re-points its children's references at the new name, and dropping a
    // parent deletes (cascades to) their rows: so the attachments move to a fresh table of
    // their own, pointing at the new messages table, before the old tables go.
    db.exec(`
      DROP TRIGGER history_messages_fts_insert;
      DROP TRIGGER history_messages_fts_delete;
      DROP TABLE history_fts;
      DROP INDEX history_messages_thread;
      DROP INDEX history_messages_remote;
      DROP INDEX history_messages_deletion;
      DROP INDEX history_attachments_token;
      ALTER TABLE history_messages RENAME TO history_messages_v1;
      ALTER TABLE history_attachments RENAME TO history_attachments_v1;
      ${CREATE_MESSAGES}
      INSERT INTO history_messages (${KEPT_COLUMNS}, html_deflated)
        SELECT ${KEPT_COLUMNS}, history_deflate_html(html) FROM history_messages_v1 ORDER BY seq;
      ${CREATE_ATTACHMENTS}
      INSERT INTO history_attachments (${ATTACHMENT_COLUMNS}) SELECT ${ATTACHMENT_COLUMNS} FROM history_attachments_v1;
      DROP TABLE history_attachments_v1;
      DROP TABLE history_messages_v1;
      ${CREATE_SEARCH}
      INSERT INTO history_search (history_search) VALUES ('rebuild');
    `);
    const broken = db.prepare('PRAGMA foreign_key_check').all();
    if (broken.length > 0) throw new Error(`The history's repacking left ${broken.length} broken references; the database is left as it was.`);
  },
};
