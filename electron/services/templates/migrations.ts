import type { MigrationSet } from '../storage/migrations.js';

/**
 * Templates and snippets. A name is unique among the live ones offered for the same account
 * (null: every account), whatever its case, so the type-ahead never shows two of one name;
 * a deleted one keeps its row (for Undo) until the next start, outside that rule.
 * `attachments` is a JSON array of attachment refs: the copies stay while a template names them.
 */
export const templatesMigrations: MigrationSet = {
  owner: 'templates',
  migrations: [
    {
      version: 1,
      description: 'templates and snippets, per account or for every account',
      up: (db) =>
        db.exec(`
          CREATE TABLE templates (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('template', 'snippet')),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            account_id TEXT,
            subject TEXT NOT NULL DEFAULT '',
            html TEXT NOT NULL,
            cc TEXT NOT NULL DEFAULT '[]',
            bcc TEXT NOT NULL DEFAULT '[]',
            attachments TEXT NOT NULL DEFAULT '[]',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER
          ) STRICT;
          CREATE UNIQUE INDEX templates_live_name ON templates (COALESCE(account_id, ''), name COLLATE NOCASE) WHERE deleted_at IS NULL;
        `),
    },
  ],
};
