/* eslint-disable security/detect-non-literal-fs-filename -- the database lives at a path main computes from the data folder; nothing here comes from the renderer. */
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Notice } from '../../../shared/ipc.js';
import type { Clock } from '../clock.js';
import { NewerSchemaError, runMigrations, type MigrationSet } from './migrations.js';
import { ensurePrivateDirSync, ensurePrivateFileSync, tightenFileSync } from './private-files.js';

/** The one SQLite file drafts, the outbox and the history share. */
export const DATABASE_FILE = 'composer.sqlite';

export interface StorageOptions {
  dataDir: string;
  clock: Clock;
  notices: { post(notice: Notice): void };
  /** Every service's migrations; each owns its tables. */
  migrations: readonly MigrationSet[];
}

export interface Storage {
  db: DatabaseSync;
  file: string;
  /**
   * The name the unreadable database was kept under when this start set it aside and began a
   * fresh one. Housekeeping that judges files by what the database references must not run then:
   * the kept database still references them.
   */
  setAsideAs?: string;
  /**
   * Copies the write-ahead log into the database file and empties the log, so the main file alone
   * holds the recent work (a backup or a copy of it is complete). Skipped quietly while a reader
   * holds the log; the next checkpoint catches up.
   */
  checkpoint(): void;
  /** Checkpoints, then closes. */
  close(): void;
}

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** Errors that mean "this file cannot be used" rather than a bug or a full disk. */
function isUnreadable(error: unknown): boolean {
  if (error instanceof NewerSchemaError) return true;
  const code = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof code !== 'number') return false;
  // Extended result codes keep the primary code in the low byte.
  const primary = code & 0xff;
  return primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB;
}

function describe(error: unknown): string {
  if (error instanceof NewerSchemaError) return error.message;
  return 'the file is damaged or is not a database';
}

/**
 * Pragmas chosen on purpose:
 * - WAL: a reader never blocks the writer, and a commit appends to the log instead of
 *   rewriting pages, so a killed process leaves every committed transaction intact.
 * - synchronous=FULL: each commit also fsyncs the log, so a committed draft survives a
 *   power cut or OS crash too (NORMAL would survive a killed process but could lose the last
 *   commits on power loss). Measured at about 1 ms per 200 KB commit, well inside the budget.
 * - foreign_keys: versions and other child rows go with their draft.
 * - busy_timeout: a second connection (a tool, a test) waits rather than failing at once.
 * - auto_vacuum=INCREMENTAL (takes effect only on a new file, before its first table): pages
 *   freed by purging deleted history can be handed back to the disk (`incremental_vacuum`).
 * - wal_autocheckpoint=10000 pages (about 40 MB) instead of 1000: the app checkpoints when it
 *   is quiet (idle-checkpoint.ts), so copying the log into the file is not done inside the
 *   commit of whatever write happened to cross 4 MB (a history record in a burst of sends, a
 *   draft save); the automatic one stays as a backstop for a log that grows without a pause.
 * - optimize after the migrations and before closing: SQLite refreshes the statistics its
 *   query planner needs once tables have grown (cheap when nothing changed).
 */
function open(file: string, options: StorageOptions): DatabaseSync {
  // SQLite gives its -wal and -shm files the database file's mode, so 0600 here covers all three.
  ensurePrivateFileSync(file);
  for (const companion of ['-wal', '-shm']) tightenFileSync(file + companion);
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    // Before anything writes the file's first page: a new file only (see above).
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    // Reading the schema is the cheapest way to make SQLite look at the file at all.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
    if (mode?.journal_mode !== 'wal') throw new Error(`SQLite refused WAL mode (got ${String(mode?.journal_mode)}).`);
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA wal_autocheckpoint = 10000');
    db.exec('PRAGMA foreign_keys = ON');
    runMigrations(db, options.migrations, options.clock);
    db.exec('PRAGMA optimize = 0x10002');
    return db;
  } catch (error) {
    throw new OpenFailure(db, error);
  }
}

/** Carries the still-open handle: closing it first would let SQLite delete the -wal we keep. */
class OpenFailure extends Error {
  constructor(
    readonly db: DatabaseSync,
    readonly reason: unknown,
  ) {
    super('open failed');
  }
}

function openOrThrow(file: string, options: StorageOptions): DatabaseSync {
  try {
    return open(file, options);
  } catch (failure) {
    if (!(failure instanceof OpenFailure)) throw failure;
    failure.db.close();
    throw failure.reason;
  }
}

/** Renames the database and its WAL/shared-memory files aside as one openable backup. */
function setAside(file: string, now: number, db: DatabaseSync): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const backup = `${file}.unreadable-${stamp}`;
  const moveAll = () => {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, backup + suffix);
    }
  };
  // Renamed while still open (POSIX allows it): SQLite deletes the -wal by name on close,
  // and that log may hold the newest commits. Where renaming an open file fails, close first.
  try {
    moveAll();
  } finally {
    db.close();
  }
  if (existsSync(file)) moveAll();
  return backup;
}

/**
 * Opens (or creates) the database in the data folder and brings every owner's tables up to
 * date. A file SQLite cannot read is never deleted: it is renamed aside with a timestamp,
 * the person is told where it is, and a fresh database starts so the app still works.
 */
export function openStorage(options: StorageOptions): Storage {
  ensurePrivateDirSync(options.dataDir);
  const file = path.join(options.dataDir, DATABASE_FILE);
  let db: DatabaseSync;
  let setAsideAs: string | undefined;
  try {
    db = open(file, options);
  } catch (failure) {
    if (!(failure instanceof OpenFailure)) throw failure;
    if (!isUnreadable(failure.reason)) {
      failure.db.close();
      throw failure.reason;
    }
    const backup = setAside(file, options.clock(), failure.db);
    setAsideAs = path.basename(backup);
    options.notices.post({
      id: 'storage-set-aside',
      level: 'error',
      text:
        `Composer could not read its database (${describe(failure.reason)}), so it kept it aside as ` +
        `"${path.basename(backup)}" in ${options.dataDir} and started a new one. Drafts saved before this are in that file; keep it if you need them.`,
    });
    db = openOrThrow(file, options);
  }
  const checkpoint = () => {
    if (db.isOpen) db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
  };
  return {
    db,
    file,
    ...(setAsideAs ? { setAsideAs } : {}),
    checkpoint,
    close: () => {
      if (!db.isOpen) return;
      try {
        checkpoint();
        db.exec('PRAGMA optimize');
      } finally {
        db.close();
      }
    },
  };
}
