import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { AccountView } from '../../../shared/accounts.js';
import type { AccountPace, BatchOutcome, BatchRow, BatchSubmit, Pace } from '../../../shared/batch.js';
import { compileTemplate, fillCompiled, missingFieldsSentence, missingInCompiled, recipientValues } from '../../../shared/merge-fields.js';
import { parseMergeTable, type MergeTable } from '../../../shared/merge-table.js';
import type { SubmitMessage } from '../../../shared/message.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { OutboxService } from './outbox-service.js';
import { DAY_MS, defaultPace, paceTimes } from './pacing.js';
import { sentenceTime } from './sentence-time.js';

export interface BatchDeps {
  db: DatabaseSync;
  clock: Clock;
  outbox: Pick<OutboxService, 'submitMany' | 'settings'>;
  listAccounts(): Promise<AccountView[]>;
  drafts: { removeAfterSend(draftId: string): void };
  newId?: () => string;
}

export interface BatchService {
  /** Send individually: one outbox entry per To recipient, paced, all written in one transaction. */
  submit(input: BatchSubmit): Promise<BatchOutcome>;
  /** The most recent batches with their progress. */
  list(): BatchRow[];
  pace(accountId: string): Promise<AccountPace>;
  /** Sets the account's pace; null goes back to the vendor's default. */
  setPace(accountId: string, pace: Pace | null): Promise<AccountPace>;
}

const RECENT_BATCHES = 20;

function invalid(message: string): ServiceError {
  return new ServiceError({ kind: 'invalid_input', message });
}

interface MemberRaw {
  id: string;
  account_id: string;
  subject: string;
  created_at: number;
  outbox_id: string;
  state: string | null;
  due: number | null;
}

export function createBatchService(deps: BatchDeps): BatchService {
  const { db, clock } = deps;
  const newId = deps.newId ?? randomUUID;
  const insertBatch = db.prepare('INSERT INTO outbox_batches (id, account_id, subject, created_at) VALUES (?, ?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO outbox_batch_members (batch_id, position, email, outbox_id) VALUES (?, ?, ?, ?)');
  const members = db.prepare(
    `SELECT b.id, b.account_id, b.subject, b.created_at, bm.outbox_id, m.state, COALESCE(m.next_attempt_at, m.send_at) AS due
     FROM (SELECT * FROM outbox_batches ORDER BY created_at DESC LIMIT ${RECENT_BATCHES}) b
     JOIN outbox_batch_members bm ON bm.batch_id = b.id
     LEFT JOIN outbox_messages m ON m.id = bm.outbox_id
     ORDER BY b.created_at DESC, bm.position`,
  );
  // What pacing counts: when the account's messages went or are due (the outbox's rows).
  const sendTimes = db.prepare(
    `SELECT COALESCE(finished_at, next_attempt_at, send_at) AS at FROM outbox_messages
     WHERE account_id = ? AND state != 'cancelled' AND COALESCE(finished_at, next_attempt_at, send_at) >= ?`,
  );
  const getPace = db.prepare('SELECT per_minute, per_day FROM account_pace WHERE account_id = ?');
  const putPace = db.prepare(
    'INSERT INTO account_pace (account_id, per_minute, per_day) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET per_minute = excluded.per_minute, per_day = excluded.per_day',
  );
  const dropPace = db.prepare('DELETE FROM account_pace WHERE account_id = ?');

  async function accountOf(accountId: string): Promise<AccountView> {
    const account = (await deps.listAccounts()).find((a) => a.id === accountId);
    if (!account) throw new ServiceError({ kind: 'not_found', message: 'The account chosen for this message no longer exists. Choose another account and send again.' });
    return account;
  }

  function paceOf(account: AccountView): AccountPace {
    const fallback = defaultPace(account.settings.provider);
    const raw = getPace.get(account.id) as { per_minute: number; per_day: number } | undefined;
    return raw
      ? { accountId: account.id, pace: { perMinute: raw.per_minute, perDay: raw.per_day }, source: fallback.source, custom: true }
      : { accountId: account.id, pace: fallback.pace, source: fallback.source, custom: false };
  }

  function readTable(pasted: string | undefined, needed: boolean): MergeTable | undefined {
    if (!pasted || pasted.trim() === '') return undefined;
    const parsed = parseMergeTable(pasted);
    if (parsed.ok) return parsed.table;
    if (needed) throw invalid(parsed.error);
    return undefined;
  }

  /** One message per distinct To address, its fields filled; refuses the batch if any recipient lacks a value. */
  function personalMessages(input: BatchSubmit): Array<{ email: string; message: SubmitMessage }> {
    const { message } = input;
    const templates = [compileTemplate(message.subject, 'text'), compileTemplate(message.html, 'html'), compileTemplate(message.text, 'text')] as const;
    const hasFields = templates.some((t) => t.pieces.some((p) => typeof p !== 'string'));
    const table = readTable(input.mergeTable, hasFields);
    const seen = new Set<string>();
    const out: Array<{ email: string; message: SubmitMessage }> = [];
    for (const recipient of message.to) {
      const email = recipient.email.toLowerCase();
      if (seen.has(email)) continue;
      seen.add(email);
      const values = recipientValues(recipient, table);
      const missing = missingInCompiled(templates, values);
      if (missing.length > 0) throw invalid(missingFieldsSentence(missing, recipient.email) ?? 'A merge field has no value.');
      const { draftId: _draft, sendAt: _at, ...rest } = message;
      out.push({
        email,
        message: {
          ...rest,
          to: [recipient],
          cc: input.copies === 'each' ? message.cc : [],
          bcc: input.copies === 'each' ? message.bcc : [],
          subject: fillCompiled(templates[0], values),
          html: fillCompiled(templates[1], values),
          text: fillCompiled(templates[2], values),
        },
      });
    }
    return out;
  }

  return {
    async submit(input) {
      const account = await accountOf(input.message.accountId);
      const messages = personalMessages(input);
      if (messages.length === 0) throw invalid('Add at least one recipient in To.');
      const now = clock();
      const { pace } = paceOf(account);
      const times = paceTimes((sendTimes.all(account.id, now - DAY_MS) as { at: number }[]).map((r) => r.at), messages.length, now + deps.outbox.settings().undoDelayMs, pace);
      const batchId = newId();
      await deps.outbox.submitMany(
        messages.map((m, i) => ({ message: m.message, sendAt: times[i] as number })),
        (ids) => {
          insertBatch.run(batchId, account.id, input.message.subject, now);
          ids.forEach((id, i) => insertMember.run(batchId, i, messages[i]?.email ?? '', id));
        },
      );
      if (input.message.draftId) deps.drafts.removeAfterSend(input.message.draftId);
      const last = times.at(-1) ?? now;
      const first = messages[0]?.message.to[0]?.email ?? '';
      const n = messages.length;
      const paced = last - now > 60_000 ? `, paced at ${pace.perMinute} a minute: the last goes ${sentenceTime(last)}` : '';
      return { batchId, count: n, summary: `${n} separate ${n === 1 ? 'message' : 'messages'} to ${first}${n > 1 ? ` and ${n - 1} more` : ''} through ${account.label}${paced}.` };
    },

    list() {
      const batches = new Map<string, BatchRow>();
      for (const raw of members.all() as unknown as MemberRaw[]) {
        let row = batches.get(raw.id);
        if (!row) {
          row = { id: raw.id, accountId: raw.account_id, subject: raw.subject, total: 0, sent: 0, failed: 0, waiting: 0, messageIds: [], lastSendAt: raw.created_at, createdAt: raw.created_at };
          batches.set(raw.id, row);
        }
        row.total += 1;
        row.messageIds.push(raw.outbox_id);
        if (raw.state === 'sent' || raw.state === 'accepted') row.sent += 1;
        else if (raw.state === 'failed' || raw.state === 'unknown_outcome') row.failed += 1;
        else if (raw.state === 'queued' || raw.state === 'sending' || raw.state === 'scheduled') row.waiting += 1;
        if (raw.due !== null && raw.due > row.lastSendAt) row.lastSendAt = raw.due;
      }
      return [...batches.values()];
    },

    async pace(accountId) {
      return paceOf(await accountOf(accountId));
    },

    async setPace(accountId, pace) {
      const account = await accountOf(accountId);
      if (pace) putPace.run(account.id, pace.perMinute, pace.perDay);
      else dropPace.run(account.id);
      return paceOf(account);
    },
  };
}
