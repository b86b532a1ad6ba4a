import { copyFileSync, existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc.js';
import { DATABASE_FILE, openStorage } from './database.js';
import type { MigrationSet } from './migrations.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-storage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const items: MigrationSet = {
  owner: 'items',
  migrations: [{ version: 1, description: 'items', up: (db) => db.exec('CREATE TABLE items (name TEXT NOT NULL)') }],
};
const at = Date.UTC(2025, 10, 26, 15, 49, 0);

function start(notices: Notice[] = [], migrations: MigrationSet[] = [items]) {
  return openStorage({ dataDir: dir, clock: () => at, notices: { post: (n) => notices.push(n) }, migrations });
}

describe('storage', () => {
  it('opens one file in the data folder in WAL mode with foreign keys, full sync, a busy timeout and incremental vacuum', () => {
    const storage = start();
    try {
      expect(storage.file).toBe(path.join(dir, DATABASE_FILE));
      const pragma = (name: string) => Object.values(storage.db.prepare(`PRAGMA ${name}`).get() ?? {})[0];
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('synchronous')).toBe(2); // FULL
      expect(pragma('busy_timeout')).toBe(5000);
      expect(pragma('auto_vacuum')).toBe(2); // INCREMENTAL
      // The log is copied into the file when the app is quiet, not in the commit that crosses 4 MB.
      expect(pragma('wal_autocheckpoint')).toBe(10000);
    } finally {
      storage.close();
    }
  });

  it('keeps what was written across a reopen', () => {
    const first = start();
    first.db.prepare('INSERT INTO items VALUES (?)').run('draft');
    first.close();
    const second = start();
    expect(second.db.prepare('SELECT name FROM items').all()).toEqual([{ name: 'draft' }]);
    second.close();
  });

  it('sets a file that is not a database aside, says where, and starts fresh', async () => {
    await writeFile(path.join(dir, DATABASE_FILE), Buffer.alloc(16_384, 0x5a));
    // A log beside the damaged file may hold its newest commits: it must travel with it, not be deleted.
    await writeFile(path.join(dir, `${DATABASE_FILE}-wal`), 'stale log');
    const notices: Notice[] = [];
    const storage = start(notices);
    try {
      storage.db.prepare('INSERT INTO items VALUES (?)').run('new');
      const backup = `${DATABASE_FILE}.unreadable-2025-11-26T15-49-00-000Z`;
      expect((await readdir(dir)).filter((f) => f.includes('unreadable')).sort()).toEqual([backup, `${backup}-shm`, `${backup}-wal`]);
      expect(notices).toHaveLength(1);
      expect(notices[0]?.text).toContain(backup);
      expect(notices[0]?.text).toMatch(/damaged or is not a database/);
      expect(storage.setAsideAs).toBe(backup);
    } finally {
      storage.close();
    }
  });

  it('sets aside a database from a newer version rather than migrating it backwards', () => {
    const newer = new DatabaseSync(path.join(dir, DATABASE_FILE));
    newer.exec("CREATE TABLE schema_version (owner TEXT PRIMARY KEY, version INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT; INSERT INTO schema_version VALUES ('items', 7, 0)");
    newer.close();
    const notices: Notice[] = [];
    const storage = start(notices);
    storage.close();
    expect(notices[0]?.text).toMatch(/version 7 but this version of Composer knows only up to 1/);
    expect(existsSync(path.join(dir, `${DATABASE_FILE}.unreadable-2025-11-26T15-49-00-000Z`))).toBe(true);
  });

  it('does not hide a bug in a migration by setting the user’s database aside', () => {
    const broken: MigrationSet = { owner: 'items', migrations: [{ version: 1, description: 'bug', up: (db) => db.exec('CREATE TABLE') }] };
    const notices: Notice[] = [];
    expect(() => start(notices, [broken])).toThrow();
    expect(notices).toEqual([]);
  });

  it('a checkpoint puts recent work into the database file itself and empties the log', async () => {
    const storage = start();
    try {
      expect(storage.setAsideAs).toBeUndefined();
      for (let i = 0; i < 50; i++) storage.db.prepare('INSERT INTO items VALUES (?)').run(`draft ${i}`);
      const wal = path.join(dir, `${DATABASE_FILE}-wal`);
      expect(statSync(wal).size).toBeGreaterThan(0);
      storage.checkpoint();
      expect(statSync(wal).size).toBe(0);
      // The main file alone, copied without its log, holds every row.
      const copy = path.join(dir, 'copy.sqlite');
      copyFileSync(storage.file, copy);
      const alone = new DatabaseSync(copy, { readOnly: true });
      expect(alone.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 50 });
      alone.close();
    } finally {
      storage.close();
    }
  });

  it('close checkpoints: the database file holds the work and no log is left behind', () => {
    const storage = start();
    storage.db.prepare('INSERT INTO items VALUES (?)').run('last words');
    storage.close();
    expect(existsSync(path.join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
    const copy = path.join(dir, 'copy.sqlite');
    copyFileSync(path.join(dir, DATABASE_FILE), copy);
    const alone = new DatabaseSync(copy, { readOnly: true });
    expect(alone.prepare('SELECT name FROM items').all()).toEqual([{ name: 'last words' }]);
    alone.close();
  });
});
