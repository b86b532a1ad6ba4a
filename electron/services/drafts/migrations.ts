import type { MigrationSet } from '../storage/migrations.js';

/**
 * The drafts service's tables. A draft row carries its list fields (subject, recipients,
 * snippet) computed at save time, so the list never parses a document; the document lives in
 * its own table (and last in a version row) because SQLite reaches a column stored after a
 * 200 KB value only by walking that value's overflow pages.
 */
export const draftsMigrations: MigrationSet = {
  owner: 'drafts',
  migrations: [
    {
      version: 1,
      description: 'drafts with their list fields, revision and soft delete; their content apart',
      up: (db) =>
        db.exec(`
          CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            subject TEXT NOT NULL,
            recipients TEXT NOT NULL,
            snippet TEXT NOT NULL,
            text_length INTEGER NOT NULL,
            account_id TEXT,
            attachment_tokens TEXT NOT NULL DEFAULT '[]',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_version_at INTEGER NOT NULL,
            deleted_at INTEGER,
            last_error TEXT
          ) STRICT;
          CREATE INDEX drafts_by_update ON drafts (deleted_at, updated_at DESC);
          CREATE TABLE draft_bodies (
            draft_id TEXT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
            content TEXT NOT NULL
          ) STRICT;
        `),
    },
    {
      version: 2,
      description: 'earlier versions of each draft',
      up: (db) =>
        db.exec(`
          CREATE TABLE draft_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
            saved_at INTEGER NOT NULL,
            snippet TEXT NOT NULL,
            size INTEGER NOT NULL,
            attachment_tokens TEXT NOT NULL DEFAULT '[]',
            before_large_deletion INTEGER NOT NULL DEFAULT 0,
            content TEXT NOT NULL
          ) STRICT;
          CREATE INDEX draft_versions_by_draft ON draft_versions (draft_id, id DESC);
        `),
    },
    {
      version: 3,
      description: 'unreadable drafts kept aside, and a flag on the draft',
      up: (db) =>
        db.exec(`
          -- No foreign key: what is kept aside outlives the draft row on purpose.
          CREATE TABLE drafts_set_aside (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            found_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            content TEXT NOT NULL,
            UNIQUE (draft_id, revision)
          ) STRICT;
          ALTER TABLE drafts ADD COLUMN unreadable_at INTEGER;
        `),
    },
  ],
};
