import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Address } from '../../../shared/address.js';
import type { EventName } from '../../../shared/ipc.js';
import type { MessageContent } from '../../../shared/message.js';
import { providerCatalogue } from '../../../shared/providers/catalogue.js';
import { createAttachmentStore, type AttachmentStore } from '../attachments/attachment-store.js';
import { noFilePicker } from '../attachments/file-picker.js';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { openStorage, type Storage } from '../storage/database.js';
import { runMigrations } from '../storage/migrations.js';
import { createHistoryService, historyAttachmentTokens, type HistoryService } from './history-service.js';
import { historyMigrations } from './migrations.js';
import type { AttemptOutcome, HistoryAttempt } from './recorder.js';

export const DAY = 24 * 60 * 60 * 1000;

/** A database the app wrote as it landed on 2026-12-06 (electron/fixtures), for migrations to run over. */
const LANDED = path.join(import.meta.dirname, '..', '..', 'fixtures', 'landed-2026-12-06.sqlite');

/**
 * A copy of the landed database in `dir`, open, with its history schema migrated up to
 * `historyVersion` (the test then runs the next migration itself). The caller closes it.
 */
export function landedDatabase(dir: string, historyVersion: number, at: number): DatabaseSync {
  const file = path.join(dir, 'landed.sqlite');
  copyFileSync(LANDED, file);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA foreign_keys = ON');
  runMigrations(db, [attachmentsMigrations, historyMigrations], () => at, { history: historyVersion });
  return db;
}

/** FTS5's own integrity check of the search index against the messages it indexes: throws when they disagree. */
export function checkSearchIndex(db: DatabaseSync): void {
  db.exec("INSERT INTO history_search (history_search, rank) VALUES ('integrity-check', 1)");
}

export const ann: Address = { name: 'Ann Lee', email: 'ann@acme.io' };
export const bob: Address = { name: 'Bob Stone', email: 'bob@beta.org' };
export const cyd: Address = { email: 'cyd@gamma.net' };

export function contentOf(overrides: Partial<MessageContent> = {}): MessageContent {
  return { to: [ann], cc: [], bcc: [], subject: 'Quarterly numbers', html: '<p>The numbers are in.</p>', text: 'The numbers are in.', ...overrides };
}

export const sent = (remoteId: string, remoteThreadId?: string, extra: object = {}): AttemptOutcome => ({
  status: 'sent',
  result: { remoteId, status: 'sent', ...(remoteThreadId ? { remoteThreadId } : {}), ...extra },
});
export const failed = (message = 'The vendor refused the message (HTTP 422).'): AttemptOutcome => ({ status: 'failed', error: { kind: 'validation', message } });

/**
 * A real database and attachment folder in a fresh temp folder, a movable clock, and the events
 * announced. `seed` writes into the folder first (a database left by an earlier version). The
 * search index is written at once after each record, or with `deferIndexing` only when the
 * test says (`runScheduled`), as main's timer would.
 */
export function historyFixture(start = Date.UTC(2025, 2, 3, 9, 0, 0), seed?: (dataDir: string) => void, options: { deferIndexing?: boolean } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'composer-history-'));
  seed?.(dataDir);
  let now = start;
  const clock = () => now;
  const events: [EventName, unknown][] = [];
  const releases: Promise<void>[] = [];
  const scheduled: (() => void)[] = [];
  const openAll = (): { storage: Storage; history: HistoryService; attachments: AttachmentStore } => {
    const storage = openStorage({ dataDir, clock, notices: { post: () => undefined }, migrations: [attachmentsMigrations, historyMigrations] });
    const attachments = createAttachmentStore({ db: storage.db, dataDir, clock, picker: noFilePicker, referencers: [historyAttachmentTokens(storage.db)] });
    const history = createHistoryService({
      db: storage.db,
      clock,
      bus: { emit: (event, payload) => void events.push([event, payload]) },
      providerFacts: (id) => ({ displayName: providerCatalogue[id].name, threading: providerCatalogue[id].capabilities.threading }),
      openAttachment: (token) => attachments.open(token),
      releaseAttachments: (tokens) => void releases.push(attachments.release(tokens)),
      ...(options.deferIndexing ? { schedule: (work: () => void) => void scheduled.push(work) } : {}),
    });
    return { storage, history, attachments };
  };
  let current = openAll();
  return {
    dataDir,
    events,
    get history() {
      return current.history;
    },
    get attachments() {
      return current.attachments;
    },
    get db() {
      return current.storage.db;
    },
    now: () => now,
    /** Runs what the service scheduled (the index step) and has not run yet. */
    runScheduled() {
      for (const work of scheduled.splice(0)) work();
    },
    advance(ms: number) {
      now += ms;
    },
    /** Records an attempt at the current time and moves the clock a minute on. */
    async record(attempt: Partial<HistoryAttempt> & { outcome: AttemptOutcome }) {
      const recorded = await current.history.record({ accountId: 'acct-1', provider: 'sandbox', from: { name: 'Me', email: 'me@home.io' }, content: contentOf(), attachments: [], ...attempt });
      now += 60_000;
      return recorded;
    },
    /** Close and open again, as a restart of the app would (purging what was deleted). */
    async restart() {
      current.storage.close();
      current = openAll();
      current.history.purgeDeleted();
      await Promise.all(releases.splice(0));
    },
    cleanup() {
      current.storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type HistoryFixture = ReturnType<typeof historyFixture>;
