import type { DatabaseSync } from 'node:sqlite';
import type { HistoryAddress } from '../../../shared/history.js';

const SNIPPET_CHARS = 200;

export function snippetOf(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().slice(0, SNIPPET_CHARS);
}

export function parseAddresses(json: string | null): HistoryAddress[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((a): a is HistoryAddress => typeof a === 'object' && a !== null && typeof (a as HistoryAddress).email === 'string');
  } catch {
    return [];
  }
}

/** Every address once (by lower-cased email), in order of first appearance, keeping the first name seen. */
export function uniqueAddresses(lists: readonly (readonly HistoryAddress[])[]): HistoryAddress[] {
  const seen = new Map<string, HistoryAddress>();
  for (const list of lists) {
    for (const address of list) {
      const key = address.email.trim().toLowerCase();
      const known = seen.get(key);
      if (!known) seen.set(key, address.name ? { name: address.name, email: address.email } : { email: address.email });
      else if (!known.name && address.name) known.name = address.name;
    }
  }
  return [...seen.values()];
}

/**
 * Recomputes a thread's list fields from its messages that are not deleted. Threads are
 * small, so reading them whole after each record or delete is cheaper than keeping
 * incremental counts right through deletes and restores.
 */
export function createThreadRefresh(db: DatabaseSync) {
  const messages = db.prepare(
    `SELECT seq, status, to_json, cc_json, bcc_json, attempted_at FROM history_messages
      WHERE thread_id = ? AND deleted_at IS NULL ORDER BY attempted_at, seq`,
  );
  const textOf = db.prepare('SELECT body_text FROM history_messages WHERE seq = ?');
  const update = db.prepare(
    `UPDATE history_threads SET message_count = ?, latest_at = ?, snippet = ?, sent_count = ?, failed_count = ?, unknown_count = ?, participants = ?
      WHERE id = ?`,
  );
  const empty = db.prepare('UPDATE history_threads SET message_count = 0, sent_count = 0, failed_count = 0, unknown_count = 0 WHERE id = ?');

  return function refresh(threadId: string): void {
    const rows = messages.all(threadId) as { seq: number; status: string; to_json: string; cc_json: string; bcc_json: string; attempted_at: number }[];
    const latest = rows.at(-1);
    if (!latest) {
      empty.run(threadId);
      return;
    }
    const counts = { sent: 0, failed: 0, unknown_outcome: 0 } as Record<string, number>;
    for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
    const participants = uniqueAddresses(rows.flatMap((r) => [parseAddresses(r.to_json), parseAddresses(r.cc_json), parseAddresses(r.bcc_json)]));
    const { body_text: text } = textOf.get(latest.seq) as { body_text: string };
    update.run(rows.length, latest.attempted_at, snippetOf(text), counts.sent ?? 0, counts.failed ?? 0, counts.unknown_outcome ?? 0, JSON.stringify(participants), threadId);
  };
}
