import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS, type Core } from './core.js';
import { call, testCore } from './core-test-support.js';
import { DATABASE_FILE } from './services/storage/database.js';
import { runMigrations, schemaVersion } from './services/storage/migrations.js';

/**
 * A database written by the version landed on 2026-12-06 (the committed fixture, made by that
 * version's own code: scripts/make-landed-database.ts) opens with the newest migrations
 * with every row intact. Every migration added since is walked one step at a time, so each new
 * one is exercised on real rows without this test changing.
 */

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'landed-2026-12-06.sqlite');
const clock = () => Date.UTC(2026, 11, 7);

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-upgrade-'));
  await mkdir(path.join(dir, 'data'));
  file = path.join(dir, 'data', DATABASE_FILE);
  await copyFile(FIXTURE, file);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Snapshot = Map<string, string[]>;

/** Each ordinary table's rows, by the key that identifies them (primary key columns, else rowid). */
function snapshot(db: DatabaseSync): Snapshot {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  // A full-text index and its shadow tables are derived data that a migration may rebuild.
  const derived = (name: string) => virtual.some((v) => name === v || name.startsWith(`${v}_`));
  const out: Snapshot = new Map();
  for (const { name } of tables.filter((t) => !derived(t.name))) {
    const pk = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const key = pk.length > 0 ? pk.map((c) => `"${c.name}"`).join(', ') : 'rowid';
    const rows = db.prepare(`SELECT ${key} FROM "${name}"`).all().map((row) => JSON.stringify(Object.values(row)));
    out.set(name, rows.sort());
  }
  return out;
}

function expectRowsKept(before: Snapshot, after: Snapshot): void {
  for (const [table, rows] of before) {
    expect(after.has(table), `table ${table} is gone`).toBe(true);
    expect(after.get(table), `rows of ${table}`).toEqual(expect.arrayContaining(rows));
  }
}

describe('upgrading a database written by the landed version', () => {
  it('walks every newer migration one step at a time, keeping every row after each step', () => {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA foreign_keys = ON');
    try {
      const before = snapshot(db);
      expect(before.get('outbox_messages')).toHaveLength(5);
      expect(before.get('history_messages')).toHaveLength(4);
      let steps = 0;
      for (const set of ALL_MIGRATIONS) {
        for (let version = schemaVersion(db, set.owner) + 1; version <= set.migrations.length; version++) {
          runMigrations(db, [set], clock, { [set.owner]: version });
          expect(schemaVersion(db, set.owner)).toBe(version);
          expectRowsKept(before, snapshot(db));
          steps++;
        }
      }
      // Not a test that cannot fail: at least the migrations added since the fixture ran.
      expect(steps).toBeGreaterThanOrEqual(1);
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    } finally {
      db.close();
    }
  });

  it('the app opens it healthy and shows what it held: outbox, Sent (searchable) and drafts', async () => {
    const core: Core = testCore(path.join(dir, 'data'), { clock });
    try {
      await core.ready;
      expect(core.storage.setAsideAs).toBeUndefined();
      for (const set of ALL_MIGRATIONS) expect(schemaVersion(core.storage.db, set.owner)).toBe(set.migrations.length);
      const outbox = await call<{ subject: string }[]>(core, 'outbox:list');
      expect(outbox.map((r) => r.subject).sort()).toEqual(['Contract renewal', 'Lunch on Friday', 'Monday plan', 'Overdue reminder', 'Quarterly numbers']);
      const { threads } = await call<{ threads: { subject: string }[] }>(core, 'history:threads', {});
      expect(threads.map((t) => t.subject).sort()).toEqual(['Contract renewal', 'Lunch on Friday', 'Overdue reminder', 'Quarterly numbers']);
      const hits = await call<unknown[]>(core, 'history:search', { query: 'quarterly' });
      expect(hits).toHaveLength(1);
      const drafts = await call<{ subject: string }[]>(core, 'drafts:list');
      expect(drafts.map((d) => d.subject)).toEqual(['Board notes']);
      // Tables added since the fixture start empty and take writes.
      expect(await call<unknown[]>(core, 'templates:list')).toEqual([]);
      await call(core, 'templates:save', { kind: 'snippet', name: 'Thanks', accountId: null, subject: '', html: '<p>Thanks!</p>', cc: [], bcc: [], attachments: [] });
    } finally {
      core.close();
    }
  });
});
