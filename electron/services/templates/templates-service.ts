import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { draftRecipientSchema } from '../../../shared/drafts.js';
import { attachmentRefSchema } from '../../../shared/message.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { Template, TemplateSave } from '../../../shared/templates.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../event-bus.js';
import { inTransaction } from '../storage/transaction.js';

export interface TemplatesDeps {
  db: DatabaseSync;
  clock: Clock;
  bus: Pick<EventBus, 'emit'>;
  /** Called with the attachment tokens of templates that are gone for good. */
  releaseAttachments?: (tokens: string[]) => void;
  newId?: () => string;
}

export interface TemplatesService {
  /** The live templates and snippets, by name. */
  list(): Template[];
  /** Creates (no id) or replaces one; a name already used for the same account is refused. */
  save(input: TemplateSave): Template;
  rename(id: string, name: string): Template;
  /** Hides it; `restore` brings it back until the next start purges it. */
  delete(id: string): void;
  /** Brings a deleted one back, under a free name if its own was taken meanwhile. */
  restore(id: string): Template;
  /** At start: those deleted in an earlier session go for good, and their files with them. */
  purgeDeleted(): void;
}

interface TemplateRow {
  id: string;
  kind: string;
  name: string;
  account_id: string | null;
  subject: string;
  html: string;
  cc: string;
  bcc: string;
  attachments: string;
  created_at: number;
  updated_at: number;
}

const recipientsJson = z.array(draftRecipientSchema);
const attachmentsJson = z.array(attachmentRefSchema);

/** A damaged column reads as empty rather than hiding the whole template. */
function parsed<T>(schema: z.ZodType<T>, json: string, empty: T): T {
  try {
    const result = schema.safeParse(JSON.parse(json));
    return result.success ? result.data : empty;
  } catch {
    return empty;
  }
}

function fromRow(row: TemplateRow): Template {
  return {
    id: row.id,
    kind: row.kind === 'snippet' ? 'snippet' : 'template',
    name: row.name,
    accountId: row.account_id,
    subject: row.subject,
    html: row.html,
    cc: parsed(recipientsJson, row.cc, []),
    bcc: parsed(recipientsJson, row.bcc, []),
    attachments: parsed(attachmentsJson, row.attachments, []),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function notFound(): ServiceError {
  return new ServiceError({ kind: 'not_found', message: 'This template no longer exists. It may have been deleted in another window; the list shows what is left.' });
}

function nameTaken(name: string, accountId: string | null): ServiceError {
  const scope = accountId === null ? 'for every account' : 'for this account';
  return new ServiceError({
    kind: 'conflict',
    message: `There is already a template or snippet named “${name}” ${scope}. Choose another name, or open that one in Templates to change it.`,
    fields: [{ field: 'name', message: 'is already used' }],
  });
}

const COLUMNS = 'id, kind, name, account_id, subject, html, cc, bcc, attachments, created_at, updated_at';

export function createTemplatesService(deps: TemplatesDeps): TemplatesService {
  const { db, clock } = deps;
  const newId = deps.newId ?? randomUUID;
  const listRows = db.prepare(`SELECT ${COLUMNS} FROM templates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`);
  const readLive = db.prepare(`SELECT ${COLUMNS} FROM templates WHERE id = ? AND deleted_at IS NULL`);
  const readDeleted = db.prepare(`SELECT ${COLUMNS} FROM templates WHERE id = ? AND deleted_at IS NOT NULL`);
  // The same rule as the unique index: same account scope, name equal whatever its case.
  const holder = db.prepare(
    `SELECT id FROM templates WHERE deleted_at IS NULL AND COALESCE(account_id, '') = COALESCE(?, '') AND name = ? COLLATE NOCASE`,
  );
  const insert = db.prepare(
    `INSERT INTO templates (id, kind, name, account_id, subject, html, cc, bcc, attachments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const replace = db.prepare(
    `UPDATE templates SET kind = ?, name = ?, account_id = ?, subject = ?, html = ?, cc = ?, bcc = ?, attachments = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
  );

  const announce = () => deps.bus.emit('templates:changed', service.list());

  function read(id: string): Template {
    const row = readLive.get(id) as TemplateRow | undefined;
    if (!row) throw notFound();
    return fromRow(row);
  }

  function ensureFree(name: string, accountId: string | null, self: string | null): void {
    const taken = holder.get(accountId, name) as { id: string } | undefined;
    if (taken && taken.id !== self) throw nameTaken(name, accountId);
  }

  const service: TemplatesService = {
    list: () => (listRows.all() as unknown as TemplateRow[]).map(fromRow),

    save(input) {
      const now = clock();
      const id = inTransaction(db, () => {
        const json = [JSON.stringify(input.cc), JSON.stringify(input.bcc), JSON.stringify(input.attachments)] as const;
        if (input.id === undefined) {
          ensureFree(input.name, input.accountId, null);
          const id = newId();
          insert.run(id, input.kind, input.name, input.accountId, input.subject, input.html, ...json, now, now);
          return id;
        }
        const before = read(input.id);
        ensureFree(input.name, input.accountId, input.id);
        replace.run(input.kind, input.name, input.accountId, input.subject, input.html, ...json, now, input.id);
        const kept = new Set(input.attachments.map((a) => a.token));
        const dropped = before.attachments.map((a) => a.token).filter((t) => !kept.has(t));
        if (dropped.length > 0) deps.releaseAttachments?.(dropped);
        return input.id;
      });
      announce();
      return read(id);
    },

    rename(id, name) {
      inTransaction(db, () => {
        const current = read(id);
        ensureFree(name, current.accountId, id);
        db.prepare('UPDATE templates SET name = ?, updated_at = ? WHERE id = ?').run(name, clock(), id);
      });
      announce();
      return read(id);
    },

    delete(id) {
      const { changes } = db.prepare('UPDATE templates SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(clock(), id);
      if (changes === 0) throw notFound();
      announce();
    },

    restore(id) {
      inTransaction(db, () => {
        const row = readDeleted.get(id) as TemplateRow | undefined;
        if (!row) throw notFound();
        let name = row.name;
        // Its name was given to another meanwhile: it comes back beside it, never in its place.
        for (let n = 2; holder.get(row.account_id, name); n++) name = `${row.name} (${n})`;
        db.prepare('UPDATE templates SET deleted_at = NULL, name = ? WHERE id = ?').run(name, id);
      });
      announce();
      return read(id);
    },

    purgeDeleted() {
      const rows = db.prepare('SELECT id, attachments FROM templates WHERE deleted_at IS NOT NULL').all() as { id: string; attachments: string }[];
      if (rows.length === 0) return;
      db.prepare('DELETE FROM templates WHERE deleted_at IS NOT NULL').run();
      const tokens = rows.flatMap((r) => parsed(attachmentsJson, r.attachments, []).map((a) => a.token));
      if (tokens.length > 0) deps.releaseAttachments?.(tokens);
    },
  };
  return service;
}

/** Every attachment token a template (live, or deleted but restorable) still needs, for the attachments sweep. */
export function templateAttachmentTokens(db: DatabaseSync): () => string[] {
  const query = db.prepare(`SELECT json_extract(value, '$.token') AS token FROM templates, json_each(templates.attachments) WHERE json_valid(templates.attachments)`);
  return () => (query.all() as { token: unknown }[]).flatMap((row) => (typeof row.token === 'string' ? [row.token] : []));
}
