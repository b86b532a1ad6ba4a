import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventName } from '../../../shared/ipc.js';
import type { TemplateSave } from '../../../shared/templates.js';
import { openStorage, type Storage } from '../storage/database.js';
import { templatesMigrations } from './migrations.js';
import { createTemplatesService, type TemplatesService } from './templates-service.js';

export function templateOf(overrides: Partial<TemplateSave> = {}): TemplateSave {
  return {
    kind: 'template',
    name: 'Overdue reminder',
    accountId: null,
    subject: 'Invoice {{invoice_number | "your invoice"}}',
    html: '<p>Hello {{first_name}},</p><p>a friendly reminder.</p>',
    cc: [{ email: 'billing@acme.example' }],
    bcc: [],
    attachments: [],
    ...overrides,
  };
}

/** A real database file in a fresh temp folder, what the service announced and released. */
export function templatesFixture() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'composer-templates-'));
  let now = Date.UTC(2026, 11, 6, 9, 0, 0);
  const clock = () => now++;
  const events: [EventName, unknown][] = [];
  const released: string[][] = [];
  const open = (): { storage: Storage; templates: TemplatesService } => {
    const storage = openStorage({ dataDir, clock, notices: { post: () => undefined }, migrations: [templatesMigrations] });
    const templates = createTemplatesService({
      db: storage.db,
      clock,
      bus: { emit: (event, payload) => void events.push([event, payload]) },
      releaseAttachments: (tokens) => void released.push(tokens),
    });
    return { storage, templates };
  };
  let current = open();
  return {
    events,
    released,
    get templates() {
      return current.templates;
    },
    get db() {
      return current.storage.db;
    },
    /** Close and open again, as a restart of the app would. */
    restart() {
      current.storage.close();
      current = open();
    },
    cleanup() {
      current.storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
