import type { MigrationSet } from '../storage/migrations.js';

/**
 * Send individually's batches: a batch groups outbox messages (each its own row, id and
 * idempotency key in `outbox_messages`), one per recipient — the primary key keeps a
 * recipient to one message per batch. The per-account pace lives here too.
 */
export const batchMigrations: MigrationSet = {
  owner: 'outbox-batches',
  migrations: [
    {
      version: 1,
      description: 'batches of individual messages and the per-account sending pace',
      up: (db) =>
        db.exec(`
          CREATE TABLE outbox_batches (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            created_at INTEGER NOT NULL
          ) STRICT;
          CREATE INDEX outbox_batches_recent ON outbox_batches (created_at DESC);
          CREATE TABLE outbox_batch_members (
            batch_id TEXT NOT NULL REFERENCES outbox_batches (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            email TEXT NOT NULL,
            outbox_id TEXT NOT NULL UNIQUE,
            PRIMARY KEY (batch_id, email)
          ) STRICT;
          CREATE TABLE account_pace (
            account_id TEXT PRIMARY KEY,
            per_minute INTEGER NOT NULL,
            per_day INTEGER NOT NULL
          ) STRICT;
        `),
    },
  ],
};
