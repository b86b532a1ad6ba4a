import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one write transaction. IMMEDIATE takes the write lock up front, so a second
 * connection waits (busy timeout) instead of failing halfway through a read-then-write.
 * Inside a caller's own transaction (a bulk import) `work` joins it: the caller's COMMIT or
 * ROLLBACK decides for all of it. (Not a savepoint: the search index writes out everything
 * pending at each savepoint, which would undo the point of a bulk transaction.)
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
