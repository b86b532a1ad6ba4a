import type { DatabaseSync } from 'node:sqlite';
import type { SubmitMessage } from '../../../shared/message.js';
import { DEFAULT_UNDO_DELAY_MS, outboxSettingsSchema, type OutboxRow, type OutboxSettings, type OutboxSettingsPatch, type OutboxState } from '../../../shared/outbox.js';
import type { Failure } from '../../../shared/result.js';

/** A row as the worker needs it: the list fields plus the frozen message and its key. */
export interface OutboxRecord extends Omit<OutboxRow, 'progress' | 'actions' | 'vendor'> {
  /** The message's identity across sends: its draft's id, or the row's own when it had none. */
  messageId: string;
  /**
   * Some attempt ended without an answer: the vendor may have it. Only its own key may send it
   * again (a vendor that honours the key drops the repeat); Edit or a new send would duplicate it.
   */
  mayHaveSent: boolean;
  idempotencyKey: string;
  providerId: string | null;
  remoteId: string | null;
  attachmentTokens: string[];
}

interface Raw {
  id: string;
  message_id: string;
  may_have_sent: number;
  idempotency_key: string;
  account_id: string;
  provider_id: string | null;
  draft_id: string | null;
  subject: string;
  recipients: string;
  attachment_tokens: string;
  state: OutboxState;
  scheduled: number;
  send_at: number;
  next_attempt_at: number | null;
  attempts: number;
  last_error: string | null;
  error_kind: Failure['kind'] | null;
  remote_id: string | null;
  updated_at: number;
}

const COLUMNS = `id, message_id, may_have_sent, idempotency_key, account_id, provider_id, draft_id, subject, recipients, attachment_tokens, state,
  scheduled, send_at, next_attempt_at, attempts, last_error, error_kind, remote_id, updated_at`;

/**
 * States in which a message is still the outbox's: at most one row per message id may be in
 * one of them (the unique index `outbox_one_live` enforces it), and they keep the attachment copies.
 */
export const LIVE = `('scheduled', 'queued', 'sending', 'failed', 'unknown_outcome')`;
/** States the worker picks up when their time comes. */
const WAITING = `('scheduled', 'queued')`;
/** How many sent or cancelled messages the list shows after the open ones. */
const RECENT_FINISHED = 50;

function record(raw: Raw): OutboxRecord {
  return {
    id: raw.id,
    messageId: raw.message_id,
    mayHaveSent: raw.may_have_sent === 1,
    idempotencyKey: raw.idempotency_key,
    accountId: raw.account_id,
    providerId: raw.provider_id,
    draftId: raw.draft_id,
    subject: raw.subject,
    recipients: raw.recipients,
    attachmentTokens: JSON.parse(raw.attachment_tokens) as string[],
    state: raw.state,
    scheduled: raw.scheduled === 1,
    sendAt: raw.send_at,
    nextAttemptAt: raw.next_attempt_at,
    attempts: raw.attempts,
    lastError: raw.last_error,
    errorKind: raw.error_kind,
    remoteId: raw.remote_id,
    updatedAt: raw.updated_at,
  };
}

export interface NewOutboxMessage {
  id: string;
  messageId: string;
  idempotencyKey: string;
  message: SubmitMessage;
  recipients: string;
  scheduled: boolean;
  sendAt: number;
  now: number;
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;

/** The outbox's SQL, and nothing else: every method is one statement. */
export function createOutboxStore(db: DatabaseSync) {
  const insert = db.prepare(
    `INSERT INTO outbox_messages (id, message_id, idempotency_key, account_id, draft_id, message, subject, recipients, attachment_tokens,
       state, scheduled, send_at, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM outbox_messages WHERE id = ?`);
  const liveOf = db.prepare(`SELECT ${COLUMNS} FROM outbox_messages WHERE message_id = ? AND state IN ${LIVE}`);
  const byKey = db.prepare(`SELECT ${COLUMNS} FROM outbox_messages WHERE idempotency_key = ? ORDER BY created_at DESC LIMIT 1`);
  const messageOf = db.prepare('SELECT message FROM outbox_messages WHERE id = ?');
  const dueFor = db.prepare(
    `SELECT ${COLUMNS} FROM outbox_messages WHERE state IN ${WAITING} AND account_id = ? AND next_attempt_at <= ?
     ORDER BY next_attempt_at, seq LIMIT 1`,
  );
  const wakes = db.prepare(`SELECT account_id, MIN(next_attempt_at) AS at FROM outbox_messages WHERE state IN ${WAITING} GROUP BY account_id`);
  const open = db.prepare(`SELECT ${COLUMNS} FROM outbox_messages WHERE finished_at IS NULL ORDER BY seq`);
  const finished = db.prepare(
    `SELECT ${COLUMNS} FROM outbox_messages WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT ${RECENT_FINISHED}`,
  );
  const inState = db.prepare(`SELECT ${COLUMNS} FROM outbox_messages WHERE state = ? ORDER BY seq`);
  const claim = db.prepare(
    `UPDATE outbox_messages SET state = 'sending', provider_id = ?, attempts = attempts + 1, next_attempt_at = NULL, updated_at = ?
     WHERE id = ? AND state IN ${WAITING}`,
  );
  const requeue = db.prepare(
    `UPDATE outbox_messages SET state = 'queued', next_attempt_at = ?, last_error = ?, error_kind = ?, may_have_sent = MAX(may_have_sent, ?), finished_at = NULL,
       updated_at = ? WHERE id = ?`,
  );
  const delivered = db.prepare(
    `UPDATE outbox_messages SET state = ?, remote_id = ?, last_error = NULL, error_kind = NULL, next_attempt_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?`,
  );
  const settle = db.prepare(
    `UPDATE outbox_messages SET state = ?, last_error = ?, error_kind = ?, may_have_sent = MAX(may_have_sent, ?), next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
  );
  const confirmed = db.prepare(`UPDATE outbox_messages SET state = 'sent', updated_at = ? WHERE id = ? AND state = 'accepted'`);
  // Back among the open rows (finished_at cleared) so the Outbox shows it with Retry and Edit.
  const refusedLater = db.prepare(
    `UPDATE outbox_messages SET state = 'failed', last_error = ?, error_kind = ?, may_have_sent = 0, finished_at = NULL, updated_at = ?
     WHERE id = ? AND state = 'accepted'`,
  );
  const notSent = db.prepare(
    `UPDATE outbox_messages SET state = 'failed', last_error = ?, error_kind = ?, may_have_sent = 0, next_attempt_at = NULL, updated_at = ?
     WHERE id = ? AND state = 'unknown_outcome'`,
  );
  const takeOut = db.prepare(
    `UPDATE outbox_messages SET state = 'cancelled', next_attempt_at = NULL, last_error = ?, error_kind = NULL, finished_at = ?, updated_at = ?
     WHERE id = ? AND state IN ('scheduled', 'queued', 'failed')`,
  );
  const sendNow = db.prepare(
    `UPDATE outbox_messages SET state = 'queued', scheduled = 0, send_at = ?, next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state IN ${WAITING} AND attempts = 0`,
  );
  const reschedule = db.prepare(
    `UPDATE outbox_messages SET state = 'scheduled', scheduled = 1, send_at = ?, next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state IN ${WAITING} AND attempts = 0`,
  );
  const retryNow = db.prepare(`UPDATE outbox_messages SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'queued' AND attempts > 0`);
  const retry = db.prepare(
    `UPDATE outbox_messages SET state = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state IN ('failed', 'unknown_outcome')`,
  );
  const liveDrafts = db.prepare(`SELECT draft_id FROM outbox_messages WHERE draft_id IS NOT NULL AND state IN ${LIVE}`);
  const getSetting = db.prepare('SELECT value FROM outbox_settings WHERE key = ?');
  const putSetting = db.prepare('INSERT INTO outbox_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  const one = (raw: unknown) => (raw ? record(raw as Raw) : undefined);
  const many = (rows: unknown[]) => (rows as Raw[]).map(record);
  const changed = (result: { changes: number | bigint }) => Number(result.changes) === 1;

  return {
    /** Throws a SQLite constraint error when the message already has a live row (take that one out first). */
    insert(m: NewOutboxMessage): void {
      const { message } = m;
      insert.run(
        m.id,
        m.messageId,
        m.idempotencyKey,
        message.accountId,
        message.draftId ?? null,
        JSON.stringify(message),
        message.subject,
        m.recipients,
        JSON.stringify(message.attachments.map((a) => a.token)),
        m.scheduled ? 'scheduled' : 'queued',
        m.scheduled ? 1 : 0,
        m.sendAt,
        m.sendAt,
        m.now,
        m.now,
      );
    },
    get: (id: string): OutboxRecord | undefined => one(byId.get(id)),
    /** The message's live row (waiting, sending, failed or unknown), if it has one. */
    liveOf: (messageId: string): OutboxRecord | undefined => one(liveOf.get(messageId)),
    /** The message sent under this idempotency key, if the outbox still has it. */
    byKey: (key: string): OutboxRecord | undefined => one(byKey.get(key)),
    /** The frozen message exactly as it was submitted. */
    message(id: string): SubmitMessage | undefined {
      const row = messageOf.get(id) as { message: string } | undefined;
      return row ? (JSON.parse(row.message) as SubmitMessage) : undefined;
    },
    /** The account's next message to send at `now`, first in first out. */
    dueFor: (accountId: string, now: number): OutboxRecord | undefined => one(dueFor.get(accountId, now)),
    /** The earliest waiting time per account. */
    wakes: () => wakes.all() as { account_id: string; at: number }[],
    list: (): OutboxRecord[] => [...many(open.all()), ...many(finished.all())],
    inState: (state: OutboxState): OutboxRecord[] => many(inState.all(state)),
    /** The drafts whose message is still the outbox's (waiting, sending, failed or unknown). */
    liveDraftIds: (): Set<string> => new Set((liveDrafts.all() as { draft_id: string }[]).map((row) => row.draft_id)),
    /** Marks the message as being sent; false when it is no longer waiting (taken out meanwhile). */
    claim: (id: string, providerId: string, now: number): boolean => changed(claim.run(providerId, now, id)),
    /** Waits for another try; `mayHaveSent` when this attempt may have reached the vendor. */
    requeue(id: string, at: number, lastError: string | null, errorKind: Failure['kind'] | null, now: number, mayHaveSent = errorKind === 'unknown_outcome'): void {
      requeue.run(at, lastError, errorKind, mayHaveSent ? 1 : 0, now, id);
    },
    /** The vendor took it: `sent`, or `accepted` for later delivery. */
    markDelivered(id: string, state: 'sent' | 'accepted', remoteId: string, now: number): void {
      delivered.run(state, remoteId, now, now, id);
    },
    settle(id: string, state: 'failed' | 'unknown_outcome', lastError: string, errorKind: Failure['kind'], now: number): void {
      settle.run(state, lastError, errorKind, state === 'unknown_outcome' ? 1 : 0, now, id);
    },
    /** A message the vendor accepted has gone out, it says now. */
    deliveryConfirmed: (id: string, now: number): boolean => changed(confirmed.run(now, id)),
    /** A message the vendor accepted was not sent after all, it says now: it is failed, with its reason. */
    deliveryFailed: (id: string, lastError: string, errorKind: Failure['kind'], now: number): boolean => changed(refusedLater.run(lastError, errorKind, now, id)),
    /** The vendor says it has no such message: it was not sent, whatever an earlier attempt left unknown. */
    notSent: (id: string, lastError: string, errorKind: Failure['kind'], now: number): boolean => changed(notSent.run(lastError, errorKind, now, id)),
    /** Cancel, Undo, Edit, or replaced by a new send: the row leaves the outbox, `note` says how. */
    takeOut: (id: string, note: string, now: number): boolean => changed(takeOut.run(note, now, now, id)),
    sendNow: (id: string, now: number): boolean => changed(sendNow.run(now, now, now, id)),
    reschedule: (id: string, at: number, now: number): boolean => changed(reschedule.run(at, at, now, id)),
    retryNow: (id: string, now: number): boolean => changed(retryNow.run(now, now, id)),
    retry: (id: string, now: number): boolean => changed(retry.run(now, now, id)),
    tokens: outboxAttachmentTokens(db),
    settings(): OutboxSettings {
      const raw = getSetting.get('undoDelayMs') as { value: string } | undefined;
      const delay = outboxSettingsSchema.shape.undoDelayMs.safeParse(raw ? Number(raw.value) : DEFAULT_UNDO_DELAY_MS);
      const notify = getSetting.get('notifyOnSent') as { value: string } | undefined;
      // A value outside the range (written by hand) falls back to the default rather than failing every send.
      return { undoDelayMs: delay.success ? delay.data : DEFAULT_UNDO_DELAY_MS, notifyOnSent: notify?.value === 'true' };
    },
    saveSettings(patch: OutboxSettingsPatch): void {
      if (patch.undoDelayMs !== undefined) putSetting.run('undoDelayMs', String(patch.undoDelayMs));
      if (patch.notifyOnSent !== undefined) putSetting.run('notifyOnSent', String(patch.notifyOnSent));
    },
  };
}

/** Every attachment token a live message still needs (for the attachments sweep). */
export function outboxAttachmentTokens(db: DatabaseSync): () => string[] {
  const query = db.prepare(`SELECT value FROM outbox_messages, json_each(attachment_tokens) WHERE state IN ${LIVE}`);
  return () => (query.all() as { value: string }[]).map((row) => row.value);
}
