import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { draftsMigrations } from './migrations.js';

let dir: string;
let db: DatabaseSync;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'composer-drafts-migrations-'));
  db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const clock = () => 1;
const migrateTo = (version: number) => runMigrations(db, [draftsMigrations], clock, { drafts: version });
const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

function insertDraft(id: string) {
  db.prepare(
    `INSERT INTO drafts (id, revision, subject, recipients, snippet, text_length, account_id, created_at, updated_at, last_version_at)
     VALUES (?, 1, 's', 'r', 'snip', 4, NULL, 1, 1, 1)`,
  ).run(id);
  db.prepare("INSERT INTO draft_bodies (draft_id, content) VALUES (?, '{}')").run(id);
}

describe('drafts migrations, each on its own', () => {
  it('1 creates the drafts table with its list fields and an empty token list by default', () => {
    migrateTo(1);
    expect(schemaVersion(db, 'drafts')).toBe(1);
    expect(columns('drafts')).toEqual(
      expect.arrayContaining(['id', 'revision', 'subject', 'recipients', 'snippet', 'text_length', 'attachment_tokens', 'deleted_at', 'last_error']),
    );
    expect(columns('draft_bodies')).toEqual(['draft_id', 'content']);
    insertDraft('d1');
    expect(db.prepare('SELECT attachment_tokens FROM drafts').get()).toEqual({ attachment_tokens: '[]' });
    expect(() => db.prepare("UPDATE drafts SET revision = 'two'").run()).toThrow(); // STRICT tables refuse wrong types
    db.prepare("DELETE FROM drafts WHERE id = 'd1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM draft_bodies').get()).toEqual({ n: 0 }); // the body goes with its draft
  });

  it('2 adds versions to a v1 database, keeping its drafts, and versions go with their draft', () => {
    migrateTo(1);
    insertDraft('d1');
    migrateTo(2);
    expect(schemaVersion(db, 'drafts')).toBe(2);
    expect(db.prepare('SELECT id FROM drafts').all()).toEqual([{ id: 'd1' }]);
    db.prepare("INSERT INTO draft_versions (draft_id, saved_at, content, snippet, size) VALUES ('d1', 1, '{}', '', 2)").run();
    expect(() => db.prepare("INSERT INTO draft_versions (draft_id, saved_at, content, snippet, size) VALUES ('nope', 1, '{}', '', 2)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM drafts WHERE id = 'd1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM draft_versions').get()).toEqual({ n: 0 });
  });

  it('3 adds the set-aside table and the unreadable flag to a v2 database, existing drafts readable', () => {
    migrateTo(2);
    insertDraft('d1');
    migrateTo(3);
    expect(schemaVersion(db, 'drafts')).toBe(3);
    expect(db.prepare('SELECT id, unreadable_at FROM drafts').all()).toEqual([{ id: 'd1', unreadable_at: null }]);
    expect(columns('drafts_set_aside')).toEqual(['id', 'draft_id', 'revision', 'found_at', 'reason', 'content']);
    // What is kept aside outlives the draft row.
    db.prepare("INSERT INTO drafts_set_aside (draft_id, revision, found_at, reason, content) VALUES ('d1', 1, 1, 'x', 'raw')").run();
    db.prepare("DELETE FROM drafts WHERE id = 'd1'").run();
    expect(db.prepare('SELECT content FROM drafts_set_aside').all()).toEqual([{ content: 'raw' }]);
  });
});
