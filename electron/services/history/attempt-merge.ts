import type { DatabaseSync } from 'node:sqlite';
import { createThreadRefresh } from './thread-rows.js';

/**
 * Before attempts were kept under their message, each retry of one outbox message was recorded
 * as a message of its own ("2 failed", or a Failed card above its own successful retry). They
 * share the outbox's idempotency key: the newest record stays as the message, the earlier ones
 * become its first attempts, and the threads they touched are counted again.
 */
export function mergeRetriedRecords(db: DatabaseSync): void {
  const groups = db
    .prepare(
      `SELECT account_id, idempotency_key FROM history_messages
        WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL
        GROUP BY account_id, idempotency_key HAVING COUNT(*) > 1`,
    )
    .all() as { account_id: string; idempotency_key: string }[];
  const records = db.prepare(
    'SELECT seq, thread_id FROM history_messages WHERE account_id = ? AND idempotency_key = ? AND deleted_at IS NULL ORDER BY attempted_at, seq',
  );
  const moveAttempt = db.prepare('UPDATE history_attempts SET message_seq = ?, number = ? WHERE message_seq = ? AND number = 1');
  const remove = db.prepare('DELETE FROM history_messages WHERE seq = ?');
  const refresh = createThreadRefresh(db);
  const touched = new Set<string>();
  for (const group of groups) {
    const rows = records.all(group.account_id, group.idempotency_key) as { seq: number; thread_id: string }[];
    const kept = rows.at(-1);
    if (!kept) continue;
    // The kept record's own attempt becomes the last one first, so the earlier ones can take 1, 2, …
    moveAttempt.run(kept.seq, rows.length, kept.seq);
    rows.slice(0, -1).forEach((row, index) => {
      moveAttempt.run(kept.seq, index + 1, row.seq);
      remove.run(row.seq);
      touched.add(row.thread_id);
    });
    touched.add(kept.thread_id);
  }
  db.exec(`UPDATE history_threads SET accepted_count = (
    SELECT COUNT(*) FROM history_messages m WHERE m.thread_id = history_threads.id AND m.deleted_at IS NULL AND m.status = 'sent' AND m.accepted = 1)`);
  for (const threadId of touched) refresh(threadId);
}
