import type { MigrationSet } from '../storage/migrations.js';
import { rebuildTable, replaceOnce } from '../storage/rebuild-table.js';

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
    {
      version: 2,
      description: 'one life per message: scheduled and accepted states, the message id, at most one live row per message',
      up: (db) => {
        rebuildTable(db, 'outbox_messages', (sql) =>
          replaceOnce(
            sql,
            "CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown_outcome', 'cancelled'))",
            "CHECK (state IN ('scheduled', 'queued', 'sending', 'sent', 'accepted', 'failed', 'unknown_outcome', 'cancelled'))",
          ),
        );
        db.exec(`
          ALTER TABLE outbox_messages ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
          UPDATE outbox_messages SET message_id = COALESCE(draft_id, id);
          -- Some attempt may have reached the vendor: only the same key may send it again.
          ALTER TABLE outbox_messages ADD COLUMN may_have_sent INTEGER NOT NULL DEFAULT 0;
          UPDATE outbox_messages SET may_have_sent = 1 WHERE state = 'unknown_outcome' OR error_kind = 'unknown_outcome';
          UPDATE outbox_messages SET state = 'scheduled' WHERE state = 'queued' AND scheduled = 1 AND attempts = 0;
          -- Written before the rule: of two live copies of one message only the newest stays.
          UPDATE outbox_messages SET state = 'cancelled', next_attempt_at = NULL, finished_at = updated_at,
              last_error = 'A newer copy of this message replaced it in the Outbox.'
            WHERE state IN ('scheduled', 'queued', 'sending', 'failed', 'unknown_outcome') AND EXISTS (
              SELECT 1 FROM outbox_messages newer WHERE newer.message_id = outbox_messages.message_id
                AND newer.state IN ('scheduled', 'queued', 'sending', 'failed', 'unknown_outcome') AND newer.seq > outbox_messages.seq);
          CREATE UNIQUE INDEX outbox_one_live ON outbox_messages (message_id) WHERE state IN ('scheduled', 'queued', 'sending', 'failed', 'unknown_outcome');
        `);
      },
    },
  ],
};
