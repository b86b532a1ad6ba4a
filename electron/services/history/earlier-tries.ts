import type { DatabaseSync } from 'node:sqlite';
import type { HistoryStatus } from '../../../shared/history.js';
import type { AttemptOutcome, HistoryAttempt, RecordedMessage } from './attempt-types.js';

/** How an attempt ended, as the columns a message and its attempt rows share. */
export function outcomeColumns(outcome: AttemptOutcome) {
  const result = outcome.status === 'sent' ? outcome.result : null;
  const error = outcome.status === 'sent' ? null : outcome.error;
  return {
    status: outcome.status,
    accepted: result?.status === 'accepted' ? 1 : 0,
    kind: error?.kind ?? null,
    message: error?.message.slice(0, 2_000) ?? null,
    remote: result?.remoteId ?? null,
    request: result?.requestId ?? null,
  };
}

export interface EarlierTry {
  seq: number;
  id: string;
  threadId: string;
  status: HistoryStatus;
}

/**
 * A retry (from the Outbox or the Sent view) goes out under the message's idempotency key; its
 * outcome belongs to the message already recorded under that key, not to a second copy.
 */
export function createEarlierTries(db: DatabaseSync) {
  const byKey = db.prepare(
    `SELECT seq, id, thread_id, status FROM history_messages
      WHERE account_id = ? AND idempotency_key = ? AND deleted_at IS NULL ORDER BY seq DESC LIMIT 1`,
  );
  // The text stays as first recorded (a retry sends the same frozen message); how it ended changes.
  const settle = db.prepare(
    `UPDATE history_messages SET status = :status, accepted = :accepted, error_kind = :kind, error_message = :message,
       remote_id = :remote, remote_thread_id = :remoteThread, request_id = :request, tracking_id = :tracking,
       vendor_provider = :vendor, vendor_sent_at = :sentAt, threadable = :threadable, attempted_at = :at
     WHERE seq = :seq`,
  );
  const adoptRemoteThread = db.prepare('UPDATE history_threads SET remote_thread_id = ? WHERE id = ? AND remote_thread_id IS NULL');

  return {
    find(attempt: HistoryAttempt): EarlierTry | undefined {
      if (!attempt.idempotencyKey) return undefined;
      const row = byKey.get(attempt.accountId, attempt.idempotencyKey) as { seq: number; id: string; thread_id: string; status: HistoryStatus } | undefined;
      return row ? { seq: row.seq, id: row.id, threadId: row.thread_id, status: row.status } : undefined;
    },
    /** The message now ends as this attempt did; it stays in its thread. */
    update(tried: EarlierTry, attempt: HistoryAttempt, at: number): RecordedMessage {
      const { outcome } = attempt;
      const result = outcome.status === 'sent' ? outcome.result : null;
      settle.run({
        ...outcomeColumns(outcome),
        seq: tried.seq,
        remoteThread: result?.remoteThreadId ?? null,
        tracking: result?.trackingId ?? null,
        vendor: result?.provider ?? null,
        sentAt: result?.sentAt ?? null,
        threadable: result?.threadable === false ? 0 : 1,
        at,
      });
      if (result?.remoteThreadId) adoptRemoteThread.run(result.remoteThreadId, tried.threadId);
      return { id: tried.id, threadId: tried.threadId, status: outcome.status };
    },
  };
}
