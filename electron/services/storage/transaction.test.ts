import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { inTransaction, inTransactionUnsynced } from './transaction.js';

function table(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  return db;
}
const values = (db: DatabaseSync) => (db.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);

describe('inTransaction', () => {
  it('commits work whole, or rolls all of it back and rethrows', () => {
    const db = table();
    inTransaction(db, () => db.exec("INSERT INTO t VALUES ('a')"));
    expect(() =>
      inTransaction(db, () => {
        db.exec("INSERT INTO t VALUES ('b')");
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(values(db)).toEqual(['a']);
    expect(db.isTransaction).toBe(false);
  });

  it('inside a caller’s transaction, joins it: the caller’s rollback or commit decides for all the work', () => {
    const db = table();
    db.exec('BEGIN');
    inTransaction(db, () => db.exec("INSERT INTO t VALUES ('first')"));
    expect(() =>
      inTransaction(db, () => {
        db.exec("INSERT INTO t VALUES ('second')");
        throw new Error('boom');
      }),
    ).toThrow('boom');
    // The failure is the caller's to handle: its transaction is still open.
    expect(db.isTransaction).toBe(true);
    db.exec('ROLLBACK');
    expect(values(db)).toEqual([]);
    db.exec('BEGIN');
    inTransaction(db, () => db.exec("INSERT INTO t VALUES ('kept')"));
    db.exec('COMMIT');
    expect(values(db)).toEqual(['kept']);
  });

  it('unsynced: commits or rolls back whole as inTransaction does, without an fsync of its own, and puts the sync level back', () => {
    const db = table();
    const level = () => (db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous;
    db.exec('PRAGMA synchronous = FULL');
    const during = inTransactionUnsynced(db, () => {
      db.exec("INSERT INTO t VALUES ('a')");
      return level();
    });
    expect(during).toBe(1); // NORMAL
    expect(level()).toBe(2); // FULL again for everything else
    expect(() =>
      inTransactionUnsynced(db, () => {
        db.exec("INSERT INTO t VALUES ('b')");
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(values(db)).toEqual(['a']);
    expect(level()).toBe(2);
    // A caller that chose less (a bulk import with sync off) keeps its choice.
    db.exec('PRAGMA synchronous = OFF');
    inTransactionUnsynced(db, () => db.exec("INSERT INTO t VALUES ('c')"));
    expect(level()).toBe(0);
    expect(values(db)).toEqual(['a', 'c']);
  });
});
