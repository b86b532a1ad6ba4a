import type { DatabaseSync } from 'node:sqlite';
import type { HistoryAddress } from '../../../shared/history.js';

/** Messages with the same subject join a thread only if its latest message is this recent. */
export const SUBJECT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** What decides which thread a new message belongs to. */
export interface PlacementInput {
  accountId: string;
  /** The history message this one answers (a reply written from the history). */
  replyToHistoryId?: string;
  /** The vendor ids the reply named (`inReplyTo`). */
  replyTo?: { remoteId: string; remoteThreadId?: string };
  /** The vendor's thread id for this message, when it gave one. */
  remoteThreadId?: string;
  subjectKey: string;
  participants: readonly HistoryAddress[];
  at: number;
}

export function participantKeys(addresses: readonly HistoryAddress[]): Set<string> {
  return new Set(addresses.map((a) => a.email.trim().toLowerCase()));
}

function parseParticipants(json: string): HistoryAddress[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as HistoryAddress[]) : [];
}

/**
 * Finds the thread a message joins, or null for a new one. In order:
 * 1. the thread of the message it answers (the person's own intent, stronger than any guess);
 * 2. the thread the vendor put it in (Rollout threadId, Stuut thread_id, gateway thread_id);
 * 3. a thread of the same account with the same normalized subject, a participant in common,
 *    and a message in the last 30 days. When the vendor gave a thread id of its own, only
 *    threads the vendor never named are candidates: two vendor threads are never merged by
 *    subject, but a failed first attempt and its successful retry still end up together.
 */
export function createThreadPlacement(db: DatabaseSync) {
  const threadOfMessage = db.prepare('SELECT thread_id FROM history_messages WHERE id = ?');
  const threadOfRemoteId = db.prepare('SELECT thread_id FROM history_messages WHERE account_id = ? AND remote_id = ? ORDER BY seq DESC LIMIT 1');
  const threadOfRemoteThread = db.prepare('SELECT id FROM history_threads WHERE account_id = ? AND remote_thread_id = ? LIMIT 1');
  const bySubject = db.prepare(
    `SELECT id, participants, remote_thread_id FROM history_threads
      WHERE account_id = ? AND subject_key = ? AND latest_at >= ? AND message_count > 0
      ORDER BY latest_at DESC LIMIT 50`,
  );

  const first = <T>(row: unknown, key: string): T | null => (row ? ((row as Record<string, T>)[key] ?? null) : null);

  return function place(input: PlacementInput): string | null {
    const { accountId } = input;
    if (input.replyToHistoryId) {
      const id = first<string>(threadOfMessage.get(input.replyToHistoryId), 'thread_id');
      if (id) return id;
    }
    if (input.replyTo) {
      const id = first<string>(threadOfRemoteId.get(accountId, input.replyTo.remoteId), 'thread_id');
      if (id) return id;
      if (input.replyTo.remoteThreadId) {
        const byThread = first<string>(threadOfRemoteThread.get(accountId, input.replyTo.remoteThreadId), 'id');
        if (byThread) return byThread;
      }
    }
    if (input.remoteThreadId) {
      const id = first<string>(threadOfRemoteThread.get(accountId, input.remoteThreadId), 'id');
      if (id) return id;
    }
    if (input.subjectKey === '') return null;
    const mine = participantKeys(input.participants);
    const candidates = bySubject.all(accountId, input.subjectKey, input.at - SUBJECT_WINDOW_MS) as {
      id: string;
      participants: string;
      remote_thread_id: string | null;
    }[];
    for (const candidate of candidates) {
      if (input.remoteThreadId && candidate.remote_thread_id !== null) continue;
      if (parseParticipants(candidate.participants).some((p) => mine.has(p.email.trim().toLowerCase()))) return candidate.id;
    }
    return null;
  };
}
