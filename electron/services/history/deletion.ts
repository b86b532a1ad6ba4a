import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { HistoryDeleteInput } from '../../../shared/history.js';
import { ServiceError } from '../../../shared/service-error.js';
import { inTransaction } from '../storage/transaction.js';
import type { RecipientIndex } from './recipients.js';
import { createThreadRefresh, parseAddresses } from './thread-rows.js';

interface Affected {
  seq: number;
  thread_id: string;
  status: string;
  to_json: string;
  cc_json: string;
  bcc_json: string;
  attempted_at: number;
}

const AFFECTED = 'SELECT seq, thread_id, status, to_json, cc_json, bcc_json, attempted_at FROM history_messages';

/**
 * Delete with undo: messages are hidden under one deletion id that `restore` takes back until
 * the next start, when `purge` removes them for good with their FTS entries and attachment rows
 * (the attachment store then deletes copies nothing else needs).
 */
export function createDeletion(db: DatabaseSync, recipients: RecipientIndex) {
  const refresh = createThreadRefresh(db);
  const ofMessage = db.prepare(`${AFFECTED} WHERE id = ? AND deleted_at IS NULL`);
  const ofThread = db.prepare(`${AFFECTED} WHERE thread_id = ? AND deleted_at IS NULL`);
  const ofDeletion = db.prepare(`${AFFECTED} WHERE deletion_id = ? AND deleted_at IS NOT NULL`);
  const hide = db.prepare('UPDATE history_messages SET deleted_at = ?, deletion_id = ? WHERE seq = ?');
  const show = db.prepare('UPDATE history_messages SET deleted_at = NULL, deletion_id = NULL WHERE seq = ?');

  const everyone = (row: Affected) => [...parseAddresses(row.to_json), ...parseAddresses(row.cc_json), ...parseAddresses(row.bcc_json)];

  function refreshAll(rows: readonly Affected[]): string[] {
    const threads = [...new Set(rows.map((r) => r.thread_id))];
    for (const id of threads) refresh(id);
    return threads;
  }

  return {
    delete(input: HistoryDeleteInput, now: number): { deletionId: string; messages: number; threadIds: string[] } {
      return inTransaction(db, () => {
        const rows = ('messageId' in input ? ofMessage.all(input.messageId) : ofThread.all(input.threadId)) as unknown as Affected[];
        if (rows.length === 0) {
          throw new ServiceError({ kind: 'not_found', message: 'This is no longer in the history (it may already have been deleted). Reload the Sent view.' });
        }
        const deletionId = randomUUID();
        for (const row of rows) {
          hide.run(now, deletionId, row.seq);
          // Each address is counted once per message; a failed message never counted.
          if (row.status !== 'failed') recipients.remove(everyone(row));
        }
        return { deletionId, messages: rows.length, threadIds: refreshAll(rows) };
      });
    },

    restore(deletionId: string): { threadIds: string[] } {
      return inTransaction(db, () => {
        const rows = ofDeletion.all(deletionId) as unknown as Affected[];
        if (rows.length === 0) {
          throw new ServiceError({ kind: 'not_found', message: 'This can no longer be restored: deleted history is kept only until Composer restarts.' });
        }
        for (const row of rows) {
          show.run(row.seq);
          if (row.status !== 'failed') recipients.add(everyone(row), row.attempted_at);
        }
        return { threadIds: refreshAll(rows) };
      });
    },

    /**
     * At start: removes what an earlier session deleted; answers the attachment tokens it
     * released. Found through the deletion index, so a start with nothing to purge reads
     * nothing else (a full scan of a large history would delay the first screen).
     */
    purge(): string[] {
      return inTransaction(db, () => {
        // Not DISTINCT: that would walk the thread index whole instead of the few deleted rows.
        const rows = db.prepare('SELECT thread_id FROM history_messages WHERE deletion_id IS NOT NULL').all() as { thread_id: string }[];
        if (rows.length === 0) return [];
        const threadIds = new Set(rows.map((row) => row.thread_id));
        const tokens = (
          db
            .prepare('SELECT DISTINCT a.token FROM history_messages m JOIN history_attachments a ON a.message_seq = m.seq WHERE m.deletion_id IS NOT NULL AND a.token IS NOT NULL')
            .all() as { token: string }[]
        ).map((r) => r.token);
        db.prepare('DELETE FROM history_messages WHERE deletion_id IS NOT NULL').run();
        const dropThread = db.prepare('DELETE FROM history_threads WHERE id = ? AND message_count = 0 AND NOT EXISTS (SELECT 1 FROM history_messages m WHERE m.thread_id = history_threads.id)');
        for (const threadId of threadIds) dropThread.run(threadId);
        recipients.prune();
        return tokens;
      });
    },
  };
}
