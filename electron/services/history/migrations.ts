import type { MigrationSet } from '../storage/migrations.js';
import { rebuildTable, replaceOnce } from '../storage/rebuild-table.js';
import { mergeRetriedRecords } from './attempt-merge.js';
import { compactStorage } from './compact-storage.js';
import { deferredIndex } from './deferred-index.js';

/**
 * The sent history's tables. A thread row carries its list fields (count, latest time,
 * snippet, status counts), kept current as messages are recorded or deleted, so the Sent view
 * pages threads by one index without touching messages. A message's text is never edited after
 * it is recorded (only its outcome, when a retry ends, and soft deletion), which is what lets
 * the FTS index read its text from it (external content) instead of holding a second copy of
 * every body. Version 4 (compact-storage.ts) repacks the messages for histories of hundreds of
 * thousands, and moves the index onto a view (search-index.ts); version 5 writes the index after
 * recording rather than inside it (deferred-index.ts).
 */
export const historyMigrations: MigrationSet = {
  owner: 'history',
  migrations: [
    {
      version: 1,
      description: 'threads, messages, attachments, full-text index and recipients',
      up: (db) =>
        db.exec(`
          CREATE TABLE history_threads (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            subject_key TEXT NOT NULL,
            remote_thread_id TEXT,
            participants TEXT NOT NULL,
            message_count INTEGER NOT NULL,
            latest_at INTEGER NOT NULL,
            snippet TEXT NOT NULL,
            sent_count INTEGER NOT NULL,
            failed_count INTEGER NOT NULL,
            unknown_count INTEGER NOT NULL
          ) STRICT;
          -- Paging newest first; threads whose messages are all deleted drop out of both.
          CREATE INDEX history_threads_page ON history_threads (latest_at DESC, id DESC) WHERE message_count > 0;
          CREATE INDEX history_threads_account_page ON history_threads (account_id, latest_at DESC, id DESC) WHERE message_count > 0;
          CREATE INDEX history_threads_remote ON history_threads (account_id, remote_thread_id) WHERE remote_thread_id IS NOT NULL;
          CREATE INDEX history_threads_subject ON history_threads (account_id, subject_key, latest_at);

          CREATE TABLE history_messages (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            thread_id TEXT NOT NULL REFERENCES history_threads (id),
            account_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('sent', 'failed', 'unknown')),
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
            html TEXT NOT NULL,
            body_text TEXT NOT NULL,
            recipients_text TEXT NOT NULL,
            snippet TEXT NOT NULL,
            in_reply_to_id TEXT,
            in_reply_to_remote_id TEXT,
            in_reply_to_remote_thread_id TEXT,
            attempted_at INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            deleted_at INTEGER,
            deletion_id TEXT
          ) STRICT;
          CREATE INDEX history_messages_thread ON history_messages (thread_id, attempted_at);
          CREATE INDEX history_messages_remote ON history_messages (account_id, remote_id) WHERE remote_id IS NOT NULL;
          CREATE INDEX history_messages_deletion ON history_messages (deletion_id) WHERE deletion_id IS NOT NULL;

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

          CREATE VIRTUAL TABLE history_fts USING fts5(
            subject, body_text, recipients_text,
            content = 'history_messages', content_rowid = 'seq',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
          );
          CREATE TRIGGER history_messages_fts_insert AFTER INSERT ON history_messages BEGIN
            INSERT INTO history_fts (rowid, subject, body_text, recipients_text) VALUES (new.seq, new.subject, new.body_text, new.recipients_text);
          END;
          CREATE TRIGGER history_messages_fts_delete AFTER DELETE ON history_messages BEGIN
            INSERT INTO history_fts (history_fts, rowid, subject, body_text, recipients_text) VALUES ('delete', old.seq, old.subject, old.body_text, old.recipients_text);
          END;

          -- Autocomplete: one row per address sent to, and the words it can be found by.
          CREATE TABLE history_recipients (
            email_key TEXT PRIMARY KEY,
            email TEXT NOT NULL,
            name TEXT,
            use_count INTEGER NOT NULL,
            last_at INTEGER NOT NULL
          ) STRICT;
          CREATE INDEX history_recipients_rank ON history_recipients (use_count DESC, last_at DESC);
          CREATE TABLE history_recipient_keys (
            key TEXT NOT NULL,
            email_key TEXT NOT NULL REFERENCES history_recipients (email_key) ON DELETE CASCADE,
            PRIMARY KEY (key, email_key)
          ) STRICT, WITHOUT ROWID;
          CREATE INDEX history_recipient_keys_email ON history_recipient_keys (email_key);
        `),
    },
    {
      version: 2,
      description: "an attempt whose outcome is unknown is stored as 'unknown_outcome', the outbox's and the UI's name for it",
      up: (db) =>
        rebuildTable(db, 'history_messages', (sql) => replaceOnce(sql, "CHECK (status IN ('sent', 'failed', 'unknown'))", "CHECK (status IN ('sent', 'failed', 'unknown_outcome'))"), {
          status: "CASE status WHEN 'unknown' THEN 'unknown_outcome' ELSE status END",
        }),
    },
    {
      version: 3,
      description: 'a message keeps its attempts: every try of one outbox message is one history message',
      up: (db) => {
        db.exec(`
          -- One row per try, oldest first; the message row holds how the latest one ended.
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
          ) STRICT;
          -- A retry finds its message by the outbox's idempotency key, which stays the same across tries.
          CREATE INDEX history_messages_key ON history_messages (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
          -- Of the sent messages, how many the vendor only accepted (it will send them later).
          ALTER TABLE history_threads ADD COLUMN accepted_count INTEGER NOT NULL DEFAULT 0;
          INSERT INTO history_attempts (message_seq, number, status, accepted, error_kind, error_message, remote_id, request_id, attempted_at)
            SELECT seq, 1, status, accepted, error_kind, error_message, remote_id, request_id, attempted_at FROM history_messages;
        `);
        mergeRetriedRecords(db);
      },
    },
    compactStorage,
    deferredIndex,
  ],
};
