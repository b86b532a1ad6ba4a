import type { MigrationSet } from '../storage/migrations.js';

/**
 * The outbox's tables. A message row is the frozen copy of what was submitted (`message`,
 * JSON) plus its list fields, its idempotency key (fixed at submit, reused on every retry)
 * and where it stands. `seq` keeps first-in first-out order within an account.
 */
export const outboxMigrations: MigrationSet = {
  owner: 'outbox',
  migrations: [
    {
      version: 1,
      description: 'outbox messages and the outbox settings',
      up: (db) =>
        db.exec(`
          CREATE TABLE outbox_messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            idempotency_key TEXT NOT NULL UNIQUE,
            account_id TEXT NOT NULL,
            -- The provider the last attempt went through, for crash recovery.
            provider_id TEXT,
            draft_id TEXT,
            message TEXT NOT NULL,
            subject TEXT NOT NULL,
            recipients TEXT NOT NULL,
            attachment_tokens TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown_outcome', 'cancelled')),
            scheduled INTEGER NOT NULL DEFAULT 0,
            send_at INTEGER NOT NULL,
            next_attempt_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            error_kind TEXT,
            remote_id TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            finished_at INTEGER
          ) STRICT;
          CREATE INDEX outbox_due ON outbox_messages (state, account_id, next_attempt_at, seq);
          CREATE INDEX outbox_finished ON outbox_messages (finished_at DESC) WHERE finished_at IS NOT NULL;
          CREATE TABLE outbox_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
          ) STRICT;
        `),
    },
  ],
};
