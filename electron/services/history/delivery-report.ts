import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../storage/transaction.js';
import { createThreadRefresh } from './thread-rows.js';

/**
 * What a vendor that accepted a message said later, when asked: it went out (with when, if it
 * says), or it failed (with its reason). Not a new attempt: the same attempt, now known.
 */
export type DeliveryReport = { status: 'sent'; sentAt?: string } | { status: 'failed'; error: { kind: string; message: string } };

export interface DeliveredMessage {
  accountId: string;
  idempotencyKey: string;
  report: DeliveryReport;
}

/**
 * Settles the recorded message a vendor had only accepted (status sent, accepted) under the
 * outbox's idempotency key. Returns its thread, or null when no such message waits (deleted
 * meanwhile, or settled before).
 */
export function createDeliveryReports(db: DatabaseSync): (delivered: DeliveredMessage) => string | null {
  const refresh = createThreadRefresh(db);
  const waiting = db.prepare(
    `SELECT seq, thread_id FROM history_messages
      WHERE account_id = ? AND idempotency_key = ? AND status = 'sent' AND accepted = 1 AND deleted_at IS NULL`,
  );
  const sent = db.prepare('UPDATE history_messages SET accepted = 0, vendor_sent_at = COALESCE(?, vendor_sent_at) WHERE seq = ?');
  const failed = db.prepare(`UPDATE history_messages SET status = 'failed', accepted = 0, error_kind = ?, error_message = ? WHERE seq = ?`);
  return (delivered) =>
    inTransaction(db, () => {
      const row = waiting.get(delivered.accountId, delivered.idempotencyKey) as { seq: number; thread_id: string } | undefined;
      if (!row) return null;
      const { report } = delivered;
      if (report.status === 'sent') sent.run(report.sentAt ?? null, row.seq);
      else failed.run(report.error.kind, report.error.message.slice(0, 2_000), row.seq);
      refresh(row.thread_id);
      return row.thread_id;
    });
}
