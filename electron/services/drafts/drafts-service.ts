import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import {
  draftContentSchema,
  MAX_DRAFT_JSON_CHARS,
  type Draft,
  type DraftContent,
  type DraftSaved,
  type DraftSaveInput,
  type DraftSummary,
  type DraftVersion,
  type DraftVersionSummary,
} from '../../../shared/drafts.js';
import type { Notice } from '../../../shared/ipc.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../event-bus.js';
import { ServiceError } from '../../../shared/service-error.js';
import { inTransaction } from '../storage/transaction.js';
import { docText } from '../../../shared/doc-text.js';
import { authoredText, recipientsLine, snippetOf } from './doc-text.js';
import { decideVersion, keepVersion } from './versions.js';

export interface DraftsDeps {
  db: DatabaseSync;
  clock: Clock;
  bus: Pick<EventBus, 'emit'>;
  notices: { post(notice: Notice): void };
  /** Called with the attachment tokens of drafts that are gone for good (sent or purged). */
  releaseAttachments?: (tokens: string[]) => void;
}

/** The drafts a person is writing: autosaved, versioned, never silently overwritten. */
export interface DraftsService {
  save(input: DraftSaveInput): DraftSaved;
  list(): DraftSummary[];
  get(id: string): Draft;
  /** Hides the draft; `restore` brings it back until the next start purges it. */
  delete(id: string): void;
  restore(id: string): void;
  versions(id: string): DraftVersionSummary[];
  version(draftId: string, versionId: number): DraftVersion;
  /** The send path: the draft stays, whole, with the reason shown on it. */
  markSendFailed(draftId: string, message: string): void;
  /** The send path: the message was accepted, so the draft and its versions go. */
  removeAfterSend(draftId: string): void;
  /** At start: drafts deleted in an earlier session are removed for good. */
  purgeDeleted(): void;
}

const UNREADABLE =
  'This draft’s saved data is damaged and could not be opened. It has been kept aside unchanged; open one of its earlier versions to recover your text.';

interface DraftRow {
  id: string;
  revision: number;
  content: string;
  created_at: number;
  updated_at: number;
  last_error: string | null;
  unreadable_at: number | null;
}

function notFound(): ServiceError {
  return new ServiceError({ kind: 'not_found', message: 'This draft no longer exists. It may have been sent or deleted in another window.' });
}

function parseContent(json: string): DraftContent | null {
  try {
    const parsed = draftContentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function tokensOf(json: string): string[] {
  const tokens: unknown = JSON.parse(json);
  return Array.isArray(tokens) ? tokens.filter((t): t is string => typeof t === 'string') : [];
}

export function createDraftsService(deps: DraftsDeps): DraftsService {
  const { db, clock } = deps;
  let announcePending = false;
  // Saves come every second while typing: one list query per burst, after the save returned.
  const announce = () => {
    if (announcePending) return;
    announcePending = true;
    setImmediate(() => {
      announcePending = false;
      if (db.isOpen) deps.bus.emit('drafts:changed', service.list());
    });
  };

  const listRows = db.prepare(
    `SELECT id, subject, recipients, snippet, account_id, updated_at, revision, last_error, unreadable_at
       FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`,
  );
  const readRow = db.prepare(
    `SELECT d.id, d.revision, b.content, d.created_at, d.updated_at, d.last_error, d.unreadable_at
       FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ? AND d.deleted_at IS NULL`,
  );
  const exists = db.prepare('SELECT 1 FROM drafts WHERE id = ? AND deleted_at IS NULL');
  const saveState = db.prepare('SELECT revision, text_length, last_version_at, deleted_at FROM drafts WHERE id = ?');

  function setAside(row: DraftRow): void {
    inTransaction(db, () => {
      db.prepare('INSERT OR IGNORE INTO drafts_set_aside (draft_id, revision, found_at, reason, content) VALUES (?, ?, ?, ?, ?)').run(
        row.id,
        row.revision,
        clock(),
        'content failed to parse',
        row.content,
      );
      db.prepare('UPDATE drafts SET unreadable_at = ? WHERE id = ? AND unreadable_at IS NULL').run(clock(), row.id);
    });
    deps.notices.post({ id: `draft-unreadable-${row.id}`, level: 'warning', text: `A draft could not be opened because its saved data is damaged. It was kept aside, not deleted; its earlier versions may still open.` });
    announce();
  }

  function removeForGood(ids: string[]): void {
    if (ids.length === 0) return;
    const tokens = new Set<string>();
    inTransaction(db, () => {
      const own = db.prepare('SELECT attachment_tokens FROM drafts WHERE id = ?1 UNION ALL SELECT attachment_tokens FROM draft_versions WHERE draft_id = ?1');
      const remove = db.prepare('DELETE FROM drafts WHERE id = ?');
      for (const id of ids) {
        for (const row of own.all(id) as { attachment_tokens: string }[]) for (const t of tokensOf(row.attachment_tokens)) tokens.add(t);
        remove.run(id);
      }
    });
    if (tokens.size > 0) deps.releaseAttachments?.([...tokens]);
  }

  const service: DraftsService = {
    save({ id, baseRevision, content, keepVersion: asked }) {
      const json = JSON.stringify(content);
      if (json.length > MAX_DRAFT_JSON_CHARS) {
        const mb = (json.length / (1024 * 1024)).toFixed(1);
        throw new ServiceError({
          kind: 'invalid_input',
          message: `This draft is too large to save (${mb} MB; the limit is 10 MB). Remove some of its content; what is on screen is kept until then.`,
        });
      }
      const text = docText(content.doc);
      const fields = [content.subject, recipientsLine(content), snippetOf(authoredText(content.doc)), text.length, content.accountId, JSON.stringify(content.attachments.map((a) => a.token))] as const;
      const now = clock();
      const saved = inTransaction(db, (): DraftSaved => {
        if (id === undefined) {
          const newId = randomUUID();
          db.prepare(
            `INSERT INTO drafts (id, revision, subject, recipients, snippet, text_length, account_id, attachment_tokens, created_at, updated_at, last_version_at)
             VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(newId, ...fields, now, now, now);
          db.prepare('INSERT INTO draft_bodies (draft_id, content) VALUES (?, ?)').run(newId, json);
          return { id: newId, revision: 1, updatedAt: now };
        }
        const state = saveState.get(id) as { revision: number; text_length: number; last_version_at: number; deleted_at: number | null } | undefined;
        if (!state) throw notFound();
        if (state.deleted_at !== null) {
          throw new ServiceError({ kind: 'conflict', message: 'This draft was deleted (perhaps in another window). Restore it from the drafts list, or save what you have as a new draft.' });
        }
        if (state.revision !== baseRevision) {
          throw new ServiceError({
            kind: 'conflict',
            message: `This draft was changed in another window since you opened it (you edited revision ${String(baseRevision)}, the saved one is ${state.revision}). Save yours as a copy to keep both, or reopen the draft to see the other changes.`,
          });
        }
        const decision = decideVersion({ now, lastVersionAt: state.last_version_at, textBefore: state.text_length, textAfter: text.length, asked: asked === true });
        const versioned = decision.take && keepVersion(db, id, json, decision.beforeLargeDeletion);
        const revision = state.revision + 1;
        db.prepare(
          `UPDATE drafts SET revision = ?, subject = ?, recipients = ?, snippet = ?, text_length = ?, account_id = ?, attachment_tokens = ?,
             updated_at = ?, last_version_at = ?, unreadable_at = NULL WHERE id = ?`,
        ).run(revision, ...fields, now, versioned ? now : state.last_version_at, id);
        db.prepare('UPDATE draft_bodies SET content = ? WHERE draft_id = ?').run(json, id);
        return { id, revision, updatedAt: now };
      });
      announce();
      return saved;
    },

    list() {
      return (listRows.all() as (Omit<DraftRow, 'content' | 'created_at'> & { subject: string; recipients: string; snippet: string; account_id: string | null })[]).map((row) => ({
        id: row.id,
        subject: row.subject,
        recipients: row.recipients,
        snippet: row.snippet,
        accountId: row.account_id,
        updatedAt: row.updated_at,
        revision: row.revision,
        lastError: row.unreadable_at !== null ? UNREADABLE : row.last_error,
      }));
    },

    get(id) {
      const row = readRow.get(id) as DraftRow | undefined;
      if (!row) throw notFound();
      const content = parseContent(row.content);
      if (!content) {
        setAside(row);
        throw new ServiceError({ kind: 'internal', message: UNREADABLE });
      }
      return { id: row.id, revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at, lastError: row.last_error, content };
    },

    delete(id) {
      const exists = db.prepare('SELECT deleted_at FROM drafts WHERE id = ?').get(id);
      if (!exists) throw notFound();
      db.prepare('UPDATE drafts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(clock(), id);
      announce();
    },

    restore(id) {
      const exists = db.prepare('SELECT deleted_at FROM drafts WHERE id = ?').get(id);
      if (!exists) {
        throw new ServiceError({ kind: 'not_found', message: 'This draft can no longer be restored: deleted drafts are kept only until Composer restarts.' });
      }
      db.prepare('UPDATE drafts SET deleted_at = NULL WHERE id = ?').run(id);
      announce();
    },

    versions(id) {
      if (!exists.get(id)) throw notFound();
      const rows = db.prepare('SELECT id, saved_at, snippet, size FROM draft_versions WHERE draft_id = ? ORDER BY id DESC').all(id) as {
        id: number;
        saved_at: number;
        snippet: string;
        size: number;
      }[];
      return rows.map((row) => ({ id: row.id, savedAt: row.saved_at, snippet: row.snippet, size: row.size }));
    },

    version(draftId, versionId) {
      const row = db.prepare('SELECT id, saved_at, content FROM draft_versions WHERE id = ? AND draft_id = ?').get(versionId, draftId) as
        | { id: number; saved_at: number; content: string }
        | undefined;
      if (!row) throw new ServiceError({ kind: 'not_found', message: 'This version is no longer kept. Pick another one from the list.' });
      const content = parseContent(row.content);
      if (!content) throw new ServiceError({ kind: 'internal', message: 'This version’s saved data is damaged and could not be opened. Try another version.' });
      return { id: row.id, draftId, savedAt: row.saved_at, content };
    },

    markSendFailed(draftId, message) {
      const result = db.prepare('UPDATE drafts SET last_error = ? WHERE id = ?').run(message.slice(0, 2_000), draftId);
      if (result.changes > 0) announce();
    },

    removeAfterSend(draftId) {
      removeForGood([draftId]);
      announce();
    },

    purgeDeleted() {
      const ids = (db.prepare('SELECT id FROM drafts WHERE deleted_at IS NOT NULL').all() as { id: string }[]).map((r) => r.id);
      removeForGood(ids);
    },
  };
  return service;
}

/** Every attachment token a draft or a kept version still needs (for the attachments sweep). */
export function draftAttachmentTokens(db: DatabaseSync): () => string[] {
  const query = db.prepare(
    `SELECT value FROM drafts, json_each(drafts.attachment_tokens)
     UNION SELECT value FROM draft_versions, json_each(draft_versions.attachment_tokens)`,
  );
  return () => (query.all() as { value: string }[]).map((row) => row.value);
}
