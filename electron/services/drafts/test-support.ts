import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DraftContent } from '../../../shared/drafts.js';
import type { EventName } from '../../../shared/ipc.js';
import type { Notice } from '../../../shared/ipc.js';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { openStorage, type Storage } from '../storage/database.js';
import { createDraftsService, type DraftsService } from './drafts-service.js';
import { draftsMigrations } from './migrations.js';

/** A paragraph per line, the shape TipTap's getJSON() produces. */
export function docOf(...lines: string[]): DraftContent['doc'] {
  return { type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) };
}

export function contentOf(overrides: Partial<DraftContent> = {}): DraftContent {
  return {
    accountId: 'acct-1',
    to: [{ name: 'Ann', email: 'ann@x.io' }],
    cc: [],
    bcc: [],
    subject: 'Quarterly numbers',
    doc: docOf('Hello Ann,', 'the numbers are in.'),
    showCc: false,
    showBcc: false,
    attachments: [],
    ...overrides,
  };
}

/** A real database file in a fresh temp folder, a movable clock, and what the service announced. */
export function draftsFixture(start = Date.UTC(2025, 0, 6, 9, 0, 0)) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'composer-drafts-'));
  let now = start;
  const clock = () => now;
  const notices: Notice[] = [];
  const events: [EventName, unknown][] = [];
  const released: string[][] = [];
  const openAll = (): { storage: Storage; drafts: DraftsService } => {
    const storage = openStorage({ dataDir, clock, notices: { post: (n) => notices.push(n) }, migrations: [draftsMigrations, attachmentsMigrations] });
    const drafts = createDraftsService({
      db: storage.db,
      clock,
      bus: { emit: (event, payload) => void events.push([event, payload]) },
      notices: { post: (n) => notices.push(n) },
      releaseAttachments: (tokens) => void released.push(tokens),
    });
    return { storage, drafts };
  };
  let current = openAll();
  return {
    dataDir,
    notices,
    events,
    released,
    get drafts() {
      return current.drafts;
    },
    get db() {
      return current.storage.db;
    },
    advance(ms: number) {
      now += ms;
    },
    /** Close and open again, as a restart of the app would. */
    restart() {
      current.storage.close();
      current = openAll();
    },
    cleanup() {
      current.storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Revision n of the crash-safety draft: predictable, so a reopened database can be checked exactly. */
export function crashStateAt(n: number): DraftContent {
  return contentOf({ subject: `typed ${n}`, doc: docOf(...Array.from({ length: 50 }, (_, i) => `line ${i} of revision ${n} `.repeat(20))) });
}
