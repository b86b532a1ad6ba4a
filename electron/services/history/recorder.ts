import { createHash, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Address } from '../../../shared/address.js';
import type { HistoryAddress } from '../../../shared/history.js';
import type { AttachmentRef } from '../../../shared/message.js';
import { normalizeSubject } from '../../../shared/subject.js';
import type { OutgoingAttachment } from '../../../shared/outgoing.js';
import { inTransactionUnsynced } from '../storage/transaction.js';
import { deflateHtml } from './body-codec.js';
import type { AttemptOutcome, HistoryAttempt, RecordedMessage } from './attempt-types.js';
import { createEarlierTries, outcomeColumns } from './earlier-tries.js';
import type { RecipientIndex } from './recipients.js';
import { createThreadPlacement } from './thread-placement.js';
import { createThreadRefresh, uniqueAddresses } from './thread-rows.js';

export type { AttemptOutcome, HistoryAttempt, RecordedMessage };

/**
 * What the outbox calls after every attempt that ended sent, failed or with an unknown outcome.
 * Attempts under one idempotency key (the outbox's tries of one message) are one message.
 */
export interface HistoryRecorder {
  record(attempt: HistoryAttempt): Promise<RecordedMessage>;
}

export interface RecorderDeps {
  db: DatabaseSync;
  clock: () => number;
  recipients: RecipientIndex;
  /** The stored copy of an attachment (attachments.open); rejects when the copy is gone. */
  openAttachment(token: string): Promise<Pick<OutgoingAttachment, 'open'>>;
}

function addressesOf(list: readonly Address[]): HistoryAddress[] {
  return list.map((a) => (a.name ? { name: a.name, email: a.email } : { email: a.email }));
}

/** Streamed from the copy's Blob, so a large file is never held whole. */
async function sha256Of(blob: Blob): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of blob.stream()) hash.update(chunk);
  return hash.digest('hex');
}

interface HashedAttachment extends AttachmentRef {
  sha256: string | null;
  kept: boolean;
}

export function createRecorder(deps: RecorderDeps): { record(attempt: HistoryAttempt): Promise<RecordedMessage>; recordHashed(attempt: HistoryAttempt, files: HashedAttachment[]): RecordedMessage } {
  const { db } = deps;
  const place = createThreadPlacement(db);
  const refresh = createThreadRefresh(db);
  const insertThread = db.prepare(
    `INSERT INTO history_threads (id, account_id, subject, subject_key, remote_thread_id, participants, message_count, latest_at, snippet, sent_count, failed_count, unknown_count)
     VALUES (?, ?, ?, ?, ?, '[]', 0, ?, '', 0, 0, 0)`,
  );
  const adoptRemoteThread = db.prepare('UPDATE history_threads SET remote_thread_id = ? WHERE id = ? AND remote_thread_id IS NULL');
  const insertMessage = db.prepare(
    `INSERT INTO history_messages (id, thread_id, account_id, provider, status, accepted, error_kind, error_message, remote_id, remote_thread_id,
       request_id, tracking_id, vendor_provider, vendor_sent_at, threadable, idempotency_key, from_json, to_json, cc_json, bcc_json,
       subject, in_reply_to_id, in_reply_to_remote_id, in_reply_to_remote_thread_id, attempted_at, recorded_at, body_text, html_deflated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
  );
  const insertAttachment = db.prepare(
    'INSERT INTO history_attachments (message_seq, position, token, filename, mime_type, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const messageExists = db.prepare('SELECT 1 FROM history_messages WHERE id = ?');
  const insertAttempt = db.prepare(
    `INSERT INTO history_attempts (message_seq, number, status, accepted, error_kind, error_message, remote_id, request_id, attempted_at)
     VALUES (:seq, (SELECT COALESCE(MAX(number), 0) + 1 FROM history_attempts WHERE message_seq = :seq), :status, :accepted, :kind, :message, :remote, :request, :at)`,
  );
  const earlier = createEarlierTries(db);

  function recordHashed(attempt: HistoryAttempt, files: HashedAttachment[]): RecordedMessage {
    const { content, outcome } = attempt;
    const at = attempt.attemptedAt ?? deps.clock();
    const to = addressesOf(content.to);
    const cc = addressesOf(content.cc);
    const bcc = addressesOf(content.bcc);
    const everyone = uniqueAddresses([to, cc, bcc]);
    const result = outcome.status === 'sent' ? outcome.result : null;
    const error = outcome.status === 'sent' ? null : outcome.error;
    const subjectKey = normalizeSubject(content.subject);
    const replyToHistoryId = attempt.replyToHistoryId && messageExists.get(attempt.replyToHistoryId) ? attempt.replyToHistoryId : undefined;
    const id = randomUUID();
    // The outbox already holds how the attempt ended, synced: this record need not wait for the disk.
    return inTransactionUnsynced(db, () => {
      const tried = earlier.find(attempt);
      if (tried) {
        const recorded = earlier.update(tried, attempt, at);
        addAttempt(tried.seq, attempt.outcome, at);
        // Only what went out is suggested: a message that failed before counted nothing yet.
        if (tried.status === 'failed' && outcome.status !== 'failed') deps.recipients.add(everyone, at);
        refresh(recorded.threadId);
        return recorded;
      }
      let threadId = place({
        accountId: attempt.accountId,
        ...(replyToHistoryId ? { replyToHistoryId } : {}),
        ...(content.inReplyTo ? { replyTo: content.inReplyTo } : {}),
        ...(result?.remoteThreadId ? { remoteThreadId: result.remoteThreadId } : {}),
        subjectKey,
        participants: everyone,
        at,
      });
      if (threadId === null) {
        threadId = randomUUID();
        insertThread.run(threadId, attempt.accountId, content.subject.trim(), subjectKey, result?.remoteThreadId ?? null, at);
      } else if (result?.remoteThreadId) {
        adoptRemoteThread.run(result.remoteThreadId, threadId);
      }
      const { seq } = insertMessage.get(
        id,
        threadId,
        attempt.accountId,
        attempt.provider,
        outcome.status,
        result?.status === 'accepted' ? 1 : 0,
        error?.kind ?? null,
        error?.message.slice(0, 2_000) ?? null,
        result?.remoteId ?? null,
        result?.remoteThreadId ?? null,
        result?.requestId ?? null,
        result?.trackingId ?? null,
        result?.provider ?? null,
        result?.sentAt ?? null,
        result?.threadable === false ? 0 : 1,
        attempt.idempotencyKey ?? null,
        attempt.from ? JSON.stringify(addressesOf([attempt.from])[0]) : null,
        JSON.stringify(to),
        JSON.stringify(cc),
        JSON.stringify(bcc),
        content.subject,
        replyToHistoryId ?? null,
        content.inReplyTo?.remoteId ?? null,
        content.inReplyTo?.remoteThreadId ?? null,
        at,
        deps.clock(),
        content.text,
        deflateHtml(content.html),
      ) as { seq: number };
      addAttempt(seq, outcome, at);
      files.forEach((file, position) => {
        insertAttachment.run(seq, position, file.kept ? file.token : null, file.filename, file.mimeType, file.size, file.sha256);
      });
      // A failed attempt may have been refused for its addresses: only what went out is suggested.
      if (outcome.status !== 'failed') deps.recipients.add(everyone, at);
      refresh(threadId);
      return { id, threadId, status: outcome.status };
    });
  }

  function addAttempt(seq: number, outcome: AttemptOutcome, at: number): void {
    insertAttempt.run({ ...outcomeColumns(outcome), seq, at });
  }

  return {
    recordHashed,
    async record(attempt) {
      // A later try of a recorded message carries the same files, already hashed and kept.
      if (earlier.find(attempt)) return recordHashed(attempt, []);
      const files = await Promise.all(
        attempt.attachments.map(async (ref): Promise<HashedAttachment> => {
          try {
            const stored = await deps.openAttachment(ref.token);
            return { ...ref, sha256: await sha256Of(await stored.open()), kept: true };
          } catch {
            // The copy vanished: the message is still recorded, its file listed as no longer available.
            return { ...ref, sha256: null, kept: false };
          }
        }),
      );
      return recordHashed(attempt, files);
    },
  };
}
