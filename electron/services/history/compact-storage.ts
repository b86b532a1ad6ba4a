import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from '../storage/migrations.js';
import { deflateHtml } from './body-codec.js';
import { CREATE_SEARCH } from './search-index.js';

/** The messages table of version 4: one plain copy of the text, the HTML deflated, no derived columns. */
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
  CREATE INDEX history_messages_deletion ON history_messages (deletion_id) WHERE deletion_id IS NOT NULL;
  CREATE INDEX history_messages_key ON history_messages (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;`;

/** Unchanged since versions 1 and 3; recreated so they point at the new messages table. */
const CREATE_CHILDREN = `
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
  CREATE INDEX history_attachments_token ON history_attachments (token) WHERE token IS NOT NULL;
  CREATE TABLE history_attempts (
    message_seq INTEGER NOT NULL REFERENCES history_messages (seq) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    accepted INTEGER NOT NULL DEFAULT 0,
    error_kind TEXT,
    error_message TEXT,
    remote_id TEXT,
    request_id TEXT,
    attempted_at INTEGER NOT NULL,
    PRIMARY KEY (message_seq, number)
  ) STRICT;`;
const ATTACHMENT_COLUMNS = 'message_seq, position, token, filename, mime_type, size, sha256';
const ATTEMPT_COLUMNS = 'message_seq, number, status, accepted, error_kind, error_message, remote_id, request_id, attempted_at';

/** Columns versions 3 and 4 share, in the new table's order. */
const KEPT_COLUMNS = `seq, id, thread_id, account_id, provider, status, accepted, error_kind, error_message, remote_id, remote_thread_id,
  request_id, tracking_id, vendor_provider, vendor_sent_at, threadable, idempotency_key, from_json, to_json, cc_json, bcc_json,
  subject, in_reply_to_id, in_reply_to_remote_id, in_reply_to_remote_thread_id, attempted_at, recorded_at, deleted_at, deletion_id, body_text`;

/**
 * Version 4: the history at a size people reach in years (hundreds of thousands of messages)
 * without a database several times the mail it holds. The messages table is rebuilt (packed,
 * in record order) without the stored snippet and recipients text (both derivable) and with
 * its HTML deflated; the search index is rebuilt over a view (search-index.ts), attachment
 * names included. Messages keep their seq, so attachments and attempts stay linked to them.
 * The old tables' pages go to SQLite's free list and are reused as the history grows.
 */
export const compactStorage: Migration = {
  version: 4,
  description: 'messages packed (HTML deflated, no derived columns); search over a view, attachment names included',
  up(db: DatabaseSync) {
    db.function('history_deflate_html', { deterministic: true }, (html) => deflateHtml(String(html)));
    // Renaming a parent re-points its children's references at the new name, and dropping a
    // parent deletes (cascades to) their rows: so the attachments and attempts move to fresh
    // tables of their own, pointing at the new messages table, before the old tables go.
    db.exec(`
      DROP TRIGGER history_messages_fts_insert;
      DROP TRIGGER history_messages_fts_delete;
      DROP TABLE history_fts;
      DROP INDEX history_messages_thread;
      DROP INDEX history_messages_remote;
      DROP INDEX history_messages_deletion;
      DROP INDEX history_messages_key;
      DROP INDEX history_attachments_token;
      ALTER TABLE history_messages RENAME TO history_messages_v3;
      ALTER TABLE history_attachments RENAME TO history_attachments_v3;
      ALTER TABLE history_attempts RENAME TO history_attempts_v3;
      ${CREATE_MESSAGES}
      INSERT INTO history_messages (${KEPT_COLUMNS}, html_deflated)
        SELECT ${KEPT_COLUMNS}, history_deflate_html(html) FROM history_messages_v3 ORDER BY seq;
      ${CREATE_CHILDREN}
      INSERT INTO history_attachments (${ATTACHMENT_COLUMNS}) SELECT ${ATTACHMENT_COLUMNS} FROM history_attachments_v3;
      INSERT INTO history_attempts (${ATTEMPT_COLUMNS}) SELECT ${ATTEMPT_COLUMNS} FROM history_attempts_v3;
      DROP TABLE history_attachments_v3;
      DROP TABLE history_attempts_v3;
      DROP TABLE history_messages_v3;
      ${CREATE_SEARCH}
      INSERT INTO history_search (history_search) VALUES ('rebuild');
    `);
    const broken = db.prepare('PRAGMA foreign_key_check').all();
    if (broken.length > 0) throw new Error(`The history's repacking left ${broken.length} broken references; the database is left as it was.`);
  },
};
