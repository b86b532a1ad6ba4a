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

const NORMAL = 1;

/**
 * As `inTransaction`, but its commit is not fsynced on its own (synchronous=NORMAL for this one
 * commit): it survives the app crashing or being killed, and reaches the disk with the next
 * fully synced commit or checkpoint, which writes out the whole log before it. Only a power cut
 * or OS crash in between can lose it. For records that something else already holds durably
 * (the sent history: the outbox committed the message's fate with a full sync), where an
 * fsync per record would cost more than the rest of the write.
 */
export function inTransactionUnsynced<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  const { synchronous: level } = db.prepare('PRAGMA synchronous').get() as { synchronous: number };
  if (level <= NORMAL) return inTransaction(db, work);
  db.exec(`PRAGMA synchronous = ${NORMAL}`);
  try {
    return inTransaction(db, work);
  } finally {
    db.exec(`PRAGMA synchronous = ${level}`);
  }
}
