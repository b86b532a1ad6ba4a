import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../storage/migrations.js';
import { attachmentsMigrations } from './migrations.js';

describe('attachments migrations, each on its own', () => {
  it('1 creates one row per token and refuses a second copy under the same token', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'composer-attachments-migrations-'));
    const db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
    try {
      runMigrations(db, [attachmentsMigrations], () => 1, { attachments: 1 });
      expect(schemaVersion(db, 'attachments')).toBe(1);
      const insert = db.prepare('INSERT INTO attachments (token, filename, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?)');
      insert.run('tok_aaaaaaaaaaaaaaaaaaaa', 'a.pdf', 'application/pdf', 10, 1);
      expect(() => insert.run('tok_aaaaaaaaaaaaaaaaaaaa', 'b.pdf', 'application/pdf', 10, 1)).toThrow(/UNIQUE/);
      expect(() => insert.run('tok_bbbbbbbbbbbbbbbbbbbb', 'b.pdf', 'application/pdf', 'big', 1)).toThrow();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('2 adds the kept-for table to a v1 database, its copies untouched', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'composer-attachments-migrations-'));
    const db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
    try {
      runMigrations(db, [attachmentsMigrations], () => 1, { attachments: 1 });
      db.prepare("INSERT INTO attachments (token, filename, mime_type, size, created_at) VALUES ('tok_aaaaaaaaaaaaaaaaaaaa', 'a.pdf', 'application/pdf', 10, 1)").run();
      runMigrations(db, [attachmentsMigrations], () => 1, { attachments: 2 });
      expect(schemaVersion(db, 'attachments')).toBe(2);
      expect(db.prepare('SELECT token FROM attachments').all()).toEqual([{ token: 'tok_aaaaaaaaaaaaaaaaaaaa' }]);
      const keep = db.prepare('INSERT OR IGNORE INTO attachments_kept (token, kept_for, kept_at) VALUES (?, ?, ?)');
      keep.run('tok_aaaaaaaaaaaaaaaaaaaa', 'composer.sqlite.unreadable-x', 1);
      keep.run('tok_aaaaaaaaaaaaaaaaaaaa', 'composer.sqlite.unreadable-y', 2); // kept once
      expect(db.prepare('SELECT kept_for FROM attachments_kept').all()).toEqual([{ kept_for: 'composer.sqlite.unreadable-x' }]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
