import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Address } from '../shared/address.js';
import { normalizeSubject } from '../shared/subject.js';
import { deflateHtml } from '../electron/services/history/body-codec.js';
import { listIndexedWords } from '../electron/services/history/deferred-index.js';
import { outcomeColumns } from '../electron/services/history/earlier-tries.js';
import { createRecipientIndex } from '../electron/services/history/recipients.js';
import { createThreadRefresh, uniqueAddresses } from '../electron/services/history/thread-rows.js';
import type { HistoryAttempt } from '../electron/services/history/recorder.js';

const addressesOf = (list: readonly Address[]) => list.map((a) => (a.name ? { name: a.name, email: a.email } : { email: a.email }));

/**
 * Writes a corpus the way the recorder would, row for row, but in bulk: the corpus names each
 * message's thread (one corpus thread is one recorded thread: its messages are hours apart,
 * one subject, one set of people), so placement is skipped; thread rows are refreshed once
 * at the end by the recorder's own refresh, and the search index is built in one pass
 * ('rebuild', with the schema's trigger that queues a message for the index set aside
 * meanwhile and put back as it was; then the list of indexed words) instead of message by message. At 500,000 messages the recorder's path takes over an hour
 * on a loaded machine; this takes minutes. The index a 'rebuild' writes is merged: slightly
 * smaller than one grown message by message.
 */
export function bulkRecord(db: DatabaseSync, attempts: Iterable<HistoryAttempt & { thread: number }>, now: () => number): void {
  const recipients = createRecipientIndex(db);
  const refresh = createThreadRefresh(db);
  const insertThread = db.prepare(
    `INSERT INTO history_threads (id, account_id, subject, subject_key, remote_thread_id, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
     VALUES (?, ?, ?, ?, ?, '[]', 0, ?, '', 0, 0, 0)`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO history_attempts (message_seq, number, status, accepted, error_kind, error_message, remote_id, request_id, attempted_at)
     VALUES (:seq, 1, :status, :accepted, :kind, :message, :remote, :request, :at)`,
  );
  const adoptRemoteThread = db.prepare('UPDATE history_threads SET remote_thread_id = ? WHERE id = ? AND remote_thread_id IS NULL');
  const insertMessage = db.prepare(
    `INSERT INTO history_messages (id, thread_id, account_id, provider, status, accepted, error_kind, error_message, remote_id, remote_thread_id,
       request_id, tracking_id, vendor_provider, vendor_sent_at, threadable, idempotency_key, from_json, to_json, cc_json, bcc_json,
       subject, in_reply_to_id, in_reply_to_remote_id, in_reply_to_remote_thread_id, attempted_at, recorded_at, body_text, html_deflated)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 1, NULL, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?) RETURNING seq`,
  );
  const threadIds = new Map<number, string>();
  // The search index is built in one pass at the end instead of message by message (see above).
  const { sql: indexTrigger } = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'history_messages_search_insert'").get() as { sql: string };
  db.exec('DROP TRIGGER history_messages_search_insert');
  db.exec('BEGIN');
  let count = 0;
  for (const attempt of attempts) {
    const { content, outcome } = attempt;
    const at = attempt.attemptedAt ?? now();
    const result = outcome.status === 'sent' ? outcome.result : null;
    const error = outcome.status === 'sent' ? null : outcome.error;
    let threadId = threadIds.get(attempt.thread);
    if (threadId === undefined) {
      threadId = randomUUID();
      threadIds.set(attempt.thread, threadId);
      insertThread.run(threadId, attempt.accountId, content.subject.trim(), normalizeSubject(content.subject), result?.remoteThreadId ?? null, at);
    } else if (result?.remoteThreadId) adoptRemoteThread.run(result.remoteThreadId, threadId);
    const to = addressesOf(content.to);
    const cc = addressesOf(content.cc);
    const bcc = addressesOf(content.bcc);
    const { seq } = insertMessage.get(
      randomUUID(),
      threadId,
      attempt.accountId,
      attempt.provider,
      outcome.status,
      error?.kind ?? null,
      error?.message ?? null,
      result?.remoteId ?? null,
      result?.remoteThreadId ?? null,
      attempt.from ? JSON.stringify(addressesOf([attempt.from])[0]) : null,
      JSON.stringify(to),
      JSON.stringify(cc),
      JSON.stringify(bcc),
      content.subject,
      at,
      now(),
      content.text,
      deflateHtml(content.html),
    ) as { seq: number };
    insertAttempt.run({ ...outcomeColumns(outcome), seq, at });
    if (outcome.status !== 'failed') recipients.add(uniqueAddresses([to, cc, bcc]), at);
    if (++count % 10_000 === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  for (const threadId of threadIds.values()) refresh(threadId);
  db.exec('COMMIT');
  db.exec(indexTrigger);
  db.exec("INSERT INTO history_search (history_search) VALUES ('rebuild')");
  listIndexedWords(db);
}
