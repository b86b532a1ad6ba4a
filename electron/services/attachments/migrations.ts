import type { MigrationSet } from '../storage/migrations.js';

/** What main knows of each copied file; the copy itself is <dataDir>/attachments/<token>. */
export const attachmentsMigrations: MigrationSet = {
  owner: 'attachments',
  migrations: [
    {
      version: 1,
      description: 'attachment copies by token',
      up: (db) =>
        db.exec(`
          CREATE TABLE attachments (
            token TEXT PRIMARY KEY,
            filename TEXT NOT NULL,
            mime_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL
          ) STRICT;
        `),
    },
    {
      version: 2,
      description: 'copies kept for a database that was set aside',
      up: (db) =>
        db.exec(`
          CREATE TABLE attachments_kept (
            token TEXT PRIMARY KEY,
            kept_for TEXT NOT NULL,
            kept_at INTEGER NOT NULL
          ) STRICT;
        `),
    },
  ],
};
