import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { templatesMigrations } from './migrations.js';

let dir: string;
let db: DatabaseSync;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'composer-templates-migrations-'));
  db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (id: string, name: string, account: string | null, kind = 'template', deletedAt: number | null = null) =>
  db
    .prepare(`INSERT INTO templates (id, kind, name, account_id, html, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, '<p>x</p>', 1, 1, ?)`)
    .run(id, kind, name, account, deletedAt);

describe('templates migrations', () => {
  it('1 creates the table; a name is unique per account among live ones, whatever its case', () => {
    runMigrations(db, [templatesMigrations], () => 1);
    expect(schemaVersion(db, 'templates')).toBe(1);
    insert('t1', 'Welcome', null);
    expect(() => insert('t2', 'WELCOME', null)).toThrow(/UNIQUE/);
    insert('t3', 'Welcome', 'acct-1');
    expect(() => insert('t4', 'welcome', 'acct-1', 'snippet')).toThrow(/UNIQUE/);
    // A deleted one (restorable until the next start) is outside the rule.
    insert('t5', 'Welcome', null, 'template', 5);
    expect(() => insert('t6', 'Other', null, 'letter')).toThrow(/CHECK/);
    expect(() => insert('t7', '   ', null)).toThrow(/CHECK/);
    expect(db.prepare('SELECT cc, bcc, attachments, subject FROM templates WHERE id = ?').get('t1')).toEqual({ cc: '[]', bcc: '[]', attachments: '[]', subject: '' });
  });
});
