import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewerSchemaError, runMigrations, schemaVersion, type MigrationSet } from './migrations.js';

let dir: string;
let db: DatabaseSync;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-migrations-'));
  db = new DatabaseSync(path.join(dir, 'test.sqlite'));
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const notes: MigrationSet = {
  owner: 'notes',
  migrations: [
    { version: 1, description: 'notes table', up: (d) => d.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)') },
    { version: 2, description: 'notes get a title', up: (d) => d.exec("ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT ''") },
  ],
};
const clock = () => 1_700_000_000_000;

describe('migration runner', () => {
  it('applies each owner’s pending steps once and records the version', () => {
    runMigrations(db, [notes], clock, { notes: 1 });
    expect(schemaVersion(db, 'notes')).toBe(1);
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
    runMigrations(db, [notes], clock);
    runMigrations(db, [notes], clock);
    expect(schemaVersion(db, 'notes')).toBe(2);
    expect(db.prepare('SELECT body, title FROM notes').all()).toEqual([{ body: 'kept', title: '' }]);
  });

  it('keeps owners apart: one service’s version never moves another’s', () => {
    const other: MigrationSet = { owner: 'other', migrations: [{ version: 1, description: 'x', up: (d) => d.exec('CREATE TABLE x (a)') }] };
    runMigrations(db, [notes, other], clock);
    expect(schemaVersion(db, 'notes')).toBe(2);
    expect(schemaVersion(db, 'other')).toBe(1);
  });

  it('rolls a failing step back whole and leaves the version where it was', () => {
    const broken: MigrationSet = {
      owner: 'notes',
      migrations: [
        notes.migrations[0]!,
        { version: 2, description: 'half done', up: (d) => { d.exec('CREATE TABLE half (a)'); throw new Error('boom'); } },
      ],
    };
    expect(() => runMigrations(db, [broken], clock)).toThrow('boom');
    expect(schemaVersion(db, 'notes')).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a database written by a newer version instead of guessing', () => {
    runMigrations(db, [notes], clock);
    expect(() => runMigrations(db, [{ owner: 'notes', migrations: notes.migrations.slice(0, 1) }], clock)).toThrow(NewerSchemaError);
  });

  it('refuses migrations that are not numbered 1, 2, 3… in order', () => {
    const gap: MigrationSet = { owner: 'gap', migrations: [{ version: 2, description: 'skips one', up: () => undefined }] };
    expect(() => runMigrations(db, [gap], clock)).toThrow(/numbered 1, 2, 3/);
  });
});
