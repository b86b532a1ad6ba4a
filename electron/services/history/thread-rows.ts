import type { DatabaseSync } from 'node:sqlite';
import type { HistoryAddress } from '../../../shared/history.js';
import { snippetFromText } from '../../../shared/snippet.js';

const SNIPPET_CHARS = 200;

/** The words of the body for the Sent list (no link targets, bullets or quote markers). */
function listSnippet(text: string): string {
  return snippetFromText(text, SNIPPET_CHARS);
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
 * incremental counts right through deletes and restores. The Sent view lists what was sent:
 * its count, time, snippet and people come from the sent messages, and from the others only
 * while none was sent (such a thread shows when unsent messages are asked for).
 */
export function createThreadRefresh(db: DatabaseSync) {
  const messages = db.prepare(
    `SELECT seq, status, accepted, to_json, cc_json, bcc_json, attempted_at FROM history_messages
      WHERE thread_id = ? AND deleted_at IS NULL ORDER BY attempted_at, seq`,
  );
  // Only the latest message's text: a long thread's bodies are not read to show one line.
  const textOf = db.prepare('SELECT body_text FROM history_messages WHERE seq = ?');
  const update = db.prepare(
    `UPDATE history_threads SET message_count = ?, latest_at = ?, snippet = ?, sent_count = ?, accepted_count = ?, failed_count = ?, unknown_count = ?, participants = ?
      WHERE id = ?`,
  );
  const empty = db.prepare('UPDATE history_threads SET message_count = 0, sent_count = 0, accepted_count = 0, failed_count = 0, unknown_count = 0 WHERE id = ?');

  return function refresh(threadId: string): void {
    const all = messages.all(threadId) as { seq: number; status: string; accepted: number; to_json: string; cc_json: string; bcc_json: string; attempted_at: number }[];
    const sent = all.filter((row) => row.status === 'sent');
    const rows = sent.length > 0 ? sent : all;
    const latest = rows.at(-1);
    if (!latest) {
      empty.run(threadId);
      return;
    }
    const count = (status: string) => all.filter((row) => row.status === status).length;
    const accepted = sent.filter((row) => row.accepted === 1).length;
    const participants = uniqueAddresses(rows.flatMap((r) => [parseAddresses(r.to_json), parseAddresses(r.cc_json), parseAddresses(r.bcc_json)]));
    const { body_text: text } = textOf.get(latest.seq) as { body_text: string };
    update.run(rows.length, latest.attempted_at, listSnippet(text), sent.length, accepted, count('failed'), count('unknown_outcome'), JSON.stringify(participants), threadId);
  };
}
