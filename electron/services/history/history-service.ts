import type { DatabaseSync } from 'node:sqlite';
import type { ProviderId } from '../../../shared/accounts.js';
import type {
  HistoryChanged,
  HistoryDeleteInput,
  HistoryThread,
  RecipientSuggestion,
  ReplyMode,
  SearchHit,
  ThreadsPage,
} from '../../../shared/history.js';
import type { HistoryStatus } from '../../../shared/history.js';
import type { HistoryCopy } from '../../../shared/editable-message.js';
import type { AttachmentRef } from '../../../shared/message.js';
import type { OutgoingAttachment } from '../../../shared/outgoing.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../event-bus.js';
import { ServiceError } from '../../../shared/service-error.js';
import { inflateHtml } from './body-codec.js';
import { createSearchIndexer } from './deferred-index.js';
import { createDeletion } from './deletion.js';
import { createDeliveryReports, type DeliveredMessage } from './delivery-report.js';
import { createReads, replyThreadingOf, sentContentOf, type MessageRow, type ProviderFacts } from './reads.js';
import { createRecipientIndex } from './recipients.js';
import { createRecorder, type HistoryRecorder } from './recorder.js';
import { buildReplyDraft } from './reply-target.js';
import { createSearch } from './search.js';

export interface HistoryDeps {
  db: DatabaseSync;
  clock: Clock;
  bus: Pick<EventBus, 'emit'>;
  providerFacts(id: ProviderId): ProviderFacts;
  /** The attachment store's `open`: the stored copy, or a rejection when it is gone. */
  openAttachment(token: string): Promise<OutgoingAttachment>;
  /** Called with the tokens of purged messages; the store deletes copies nothing else needs. */
  releaseAttachments?: (tokens: string[]) => void;
  /**
   * Runs work soon, after what is running now (main: a timer). The search index is written
   * this way after each record, off the recording's path. Without it, at once.
   */
  schedule?: (work: () => void) => void;
  logError?: (error: unknown) => void;
}

/** The sent history: recording (for the outbox), the Sent view's reads, search, autocomplete, delete/undo. */
export interface HistoryService extends HistoryRecorder {
  threads(query: { cursor?: string | undefined; limit: number; accountId?: string | undefined; status?: HistoryStatus | undefined }): ThreadsPage;
  thread(id: string): HistoryThread;
  search(query: { query: string; accountId?: string | undefined; status?: HistoryStatus | undefined; limit: number }): SearchHit[];
  suggestRecipients(prefix: string, limit: number): RecipientSuggestion[];
  /** Hides a message or a whole thread; `restore(deletionId)` undoes it until the next start. */
  delete(input: HistoryDeleteInput): { deletionId: string; messages: number };
  restore(deletionId: string): void;
  /** Reply, Reply all, Forward, or `copy` (Retry / Open in composer) of a recorded message. */
  replyTarget(messageId: string, mode: ReplyMode): Promise<HistoryCopy>;
  /** The HTML a recorded message was sent with, for its frame in the Sent view; null when it is gone. */
  messageHtml(messageId: string): string | null;
  /** The idempotency key the message was sent under, so a retry can reuse it; null when unknown. */
  idempotencyKeyOf(messageId: string): string | null;
  /** At start: what an earlier session deleted goes for good, with its attachment copies. */
  purgeDeleted(): void;
  /** A message its vendor only accepted is now known sent or failed; false when none waited. */
  reportDelivery(delivered: DeliveredMessage): boolean;
  /** Writes the search index for the messages recorded or changed since it last ran (scheduled after each record); returns how many. */
  indexPending(): number;
}

export function createHistoryService(deps: HistoryDeps): HistoryService {
  const { db, clock } = deps;
  const recipients = createRecipientIndex(db);
  const recorder = createRecorder({ db, clock, recipients, openAttachment: deps.openAttachment });
  const reads = createReads(db, deps.providerFacts);
  const indexer = createSearchIndexer(db);
  const search = createSearch(db, indexer);
  const deletion = createDeletion(db, recipients);
  const settleAccepted = createDeliveryReports(db);
  const messageRow = db.prepare('SELECT * FROM history_messages WHERE id = ? AND deleted_at IS NULL');
  const attachmentRows = db.prepare('SELECT token, filename, mime_type, size FROM history_attachments WHERE message_seq = ? ORDER BY position');

  const announce = (change: HistoryChanged) => deps.bus.emit('history:changed', change);

  let indexing = false;
  /** One index step per burst of records: what they queued is indexed together. */
  function scheduleIndexing(): void {
    if (indexing) return;
    indexing = true;
    const run = () => {
      indexing = false;
      if (!db.isOpen) return;
      try {
        indexer.indexPending();
      } catch (error) {
        // The messages stay queued, and search finds them there; the next record tries again.
        deps.logError?.(error);
      }
    };
    if (deps.schedule) deps.schedule(run);
    else run();
  }
  // What an earlier session queued and did not index (it quit or crashed first).
  if (indexer.pending() > 0) scheduleIndexing();

  async function forwardFiles(seq: number): Promise<{ kept: AttachmentRef[]; missing: string[] }> {
    const rows = attachmentRows.all(seq) as { token: string | null; filename: string; mime_type: string; size: number }[];
    const kept: AttachmentRef[] = [];
    const missing: string[] = [];
    for (const row of rows) {
      const stored = row.token ? await deps.openAttachment(row.token).then(() => true, () => false) : false;
      if (stored && row.token) kept.push({ token: row.token, filename: row.filename, mimeType: row.mime_type, size: row.size });
      else missing.push(row.filename);
    }
    return { kept, missing };
  }

  return {
    async record(attempt) {
      const recorded = await recorder.record(attempt);
      scheduleIndexing();
      announce({ kind: 'recorded', threadIds: [recorded.threadId] });
      return recorded;
    },
    reportDelivery(delivered) {
      const threadId = settleAccepted(delivered);
      if (threadId) announce({ kind: 'recorded', threadIds: [threadId] });
      return threadId !== null;
    },
    indexPending: () => indexer.indexPending(),
    threads: (query) => reads.threads(query),
    thread: (id) => reads.thread(id),
    search: (query) => search(query),
    suggestRecipients: (prefix, limit) => recipients.suggest(prefix, limit),
    delete(input) {
      const { deletionId, messages, threadIds } = deletion.delete(input, clock());
      announce({ kind: 'deleted', threadIds });
      return { deletionId, messages };
    },
    restore(deletionId) {
      const { threadIds } = deletion.restore(deletionId);
      announce({ kind: 'restored', threadIds });
    },
    messageHtml(messageId) {
      const row = messageRow.get(messageId) as { html_deflated: Uint8Array } | undefined;
      return row ? inflateHtml(row.html_deflated) : null;
    },
    idempotencyKeyOf(messageId) {
      const row = messageRow.get(messageId) as { idempotency_key: string | null } | undefined;
      return row?.idempotency_key ?? null;
    },
    async replyTarget(messageId, mode) {
      const row = messageRow.get(messageId) as MessageRow | undefined;
      if (!row) throw new ServiceError({ kind: 'not_found', message: 'This message is no longer in the history. It may have been deleted; reload the Sent view.' });
      const files = mode === 'forward' || mode === 'copy' ? await forwardFiles(row.seq) : { kept: [], missing: [] };
      return buildReplyDraft(
        {
          id: row.id,
          accountId: row.account_id,
          ...sentContentOf(row),
          attemptedAt: row.attempted_at,
          remoteId: row.remote_id,
          remoteThreadId: row.remote_thread_id,
          threading: replyThreadingOf(row, deps.providerFacts(row.provider)),
          answered: {
            historyId: row.in_reply_to_id,
            inReplyTo: row.in_reply_to_remote_id
              ? { remoteId: row.in_reply_to_remote_id, ...(row.in_reply_to_remote_thread_id ? { remoteThreadId: row.in_reply_to_remote_thread_id } : {}) }
              : null,
          },
        },
        mode,
        files,
      );
    },
    purgeDeleted() {
      const tokens = deletion.purge();
      // Hands the purged messages' pages back to the disk (a file made since auto_vacuum=INCREMENTAL; an older one reuses them).
      db.exec('PRAGMA incremental_vacuum');
      if (tokens.length > 0) deps.releaseAttachments?.(tokens);
    },
  };
}

/** Every attachment token a kept (or not yet purged) history message needs, for the attachments sweep. */
export function historyAttachmentTokens(db: DatabaseSync): () => string[] {
  const query = db.prepare('SELECT DISTINCT token FROM history_attachments WHERE token IS NOT NULL');
  return () => (query.all() as { token: string }[]).map((row) => row.token);
}
