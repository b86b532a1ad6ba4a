import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './transaction.js';

/** One step of one owner's schema; `up` runs inside a transaction with the version bump. */
export interface Migration {
  /** 1, 2, 3…: the schema version this step produces. */
  version: number;
  description: string;
  up(db: DatabaseSync): void;
}

/** A service's own tables: it owns `owner`'s row in schema_version and nothing else. */
export interface MigrationSet {
  owner: string;
  migrations: readonly Migration[];
}

/** The file holds a schema this build does not know (written by a newer Composer). */
export class NewerSchemaError extends Error {
  constructor(owner: string, found: number, known: number) {
    super(`the ${owner} tables are at version ${found} but this version of Composer knows only up to ${known}`);
    this.name = 'NewerSchemaError';
  }
}

const CREATE_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  owner TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT`;

export function schemaVersion(db: DatabaseSync, owner: string): number {
  db.exec(CREATE_VERSION_TABLE);
  const row = db.prepare('SELECT version FROM schema_version WHERE owner = ?').get(owner) as { version: number } | undefined;
  return row?.version ?? 0;
}

function checkOrder(set: MigrationSet): void {
  set.migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations of ${set.owner} must be numbered 1, 2, 3… in order; found ${migration.version} at position ${index + 1}.`);
    }
  });
}

/**
 * Brings every owner's tables to its newest version, one migration per transaction, so a
 * crash between two steps leaves a database at a known version that the next start resumes.
 * `upTo` stops early (tests run each migration on its own).
 */
export function runMigrations(db: DatabaseSync, sets: readonly MigrationSet[], clock: () => number, upTo?: Record<string, number>): void {
  db.exec(CREATE_VERSION_TABLE);
  const setVersion = db.prepare(
    'INSERT INTO schema_version (owner, version, updated_at) VALUES (?, ?, ?) ON CONFLICT(owner) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at',
  );
  for (const set of sets) {
    checkOrder(set);
    const current = schemaVersion(db, set.owner);
    if (current > set.migrations.length) throw new NewerSchemaError(set.owner, current, set.migrations.length);
    const target = Math.min(upTo?.[set.owner] ?? set.migrations.length, set.migrations.length);
    for (const migration of set.migrations.slice(current, target)) {
      inTransaction(db, () => {
        migration.up(db);
        setVersion.run(set.owner, migration.version, clock());
      });
    }
  }
}
