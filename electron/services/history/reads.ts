import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ProviderId } from '../../../shared/accounts.js';
import type { HistoryMessage, HistoryStatus, ReplyThreading, ThreadSummary, ThreadsPage } from '../../../shared/history.js';
import { ServiceError } from '../../../shared/service-error.js';
import { inflateHtml } from './body-codec.js';
import { parseAddresses } from './thread-rows.js';

/** What the history needs to know of a provider to say whether a reply can thread there. */
export interface ProviderFacts {
  displayName: string;
  threading: boolean;
}

export interface ThreadRow {
  id: string;
  account_id: string;
  subject: string;
  participants: string;
  message_count: number;
  latest_at: number;
  snippet: string;
  sent_count: number;
  accepted_count: number;
  failed_count: number;
  unknown_count: number;
}

export interface MessageRow {
  seq: number;
  id: string;
  thread_id: string;
  account_id: string;
  provider: ProviderId;
  status: HistoryStatus;
  accepted: number;
  error_kind: string | null;
  error_message: string | null;
  remote_id: string | null;
  remote_thread_id: string | null;
  request_id: string | null;
  tracking_id: string | null;
  vendor_provider: string | null;
  vendor_sent_at: string | null;
  threadable: number;
  from_json: string | null;
  to_json: string;
  cc_json: string;
  bcc_json: string;
  subject: string;
  html_deflated: Uint8Array;
  body_text: string;
  in_reply_to_id: string | null;
  in_reply_to_remote_id: string | null;
  in_reply_to_remote_thread_id: string | null;
  attempted_at: number;
}

/** The message as written, from its stored row: addresses parsed, the HTML inflated. */
export function sentContentOf(row: MessageRow): Pick<HistoryMessage, 'from' | 'to' | 'cc' | 'bcc' | 'subject' | 'html' | 'text'> {
  return {
    from: parseAddresses(row.from_json ? `[${row.from_json}]` : null)[0] ?? null,
    to: parseAddresses(row.to_json),
    cc: parseAddresses(row.cc_json),
    bcc: parseAddresses(row.bcc_json),
    subject: row.subject,
    html: inflateHtml(row.html_deflated),
    text: row.body_text,
  };
}

interface AttemptRow {
  status: HistoryStatus;
  accepted: number;
  error_kind: string | null;
  error_message: string | null;
  remote_id: string | null;
  attempted_at: number;
}

const THREAD_COLUMNS = 'id, account_id, subject, participants, message_count, latest_at, snippet, sent_count, accepted_count, failed_count, unknown_count';
const STATUS_COLUMN: Record<HistoryStatus, string> = { sent: 'sent_count', failed: 'failed_count', unknown_outcome: 'unknown_count' };
/** Enough names for a list row; the thread view shows every message's own recipients. */
const MAX_LISTED_PARTICIPANTS = 20;

export function toSummary(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    subject: row.subject,
    participants: parseAddresses(row.participants).slice(0, MAX_LISTED_PARTICIPANTS),
    count: row.message_count,
    latestAt: row.latest_at,
    snippet: row.snippet,
    accountId: row.account_id,
    statuses: { sent: row.sent_count, accepted: row.accepted_count, failed: row.failed_count, unknown_outcome: row.unknown_count },
  };
}

function encodeCursor(row: ThreadRow): string {
  return Buffer.from(JSON.stringify([row.latest_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through to the sentence below
  }
  throw new ServiceError({ kind: 'invalid_input', message: 'The list position sent with this request is not valid. Reload the Sent view.' });
}

/** Whether a reply to this message can name it at the vendor; when not, the sentence to show beside Reply. */
export function replyThreadingOf(row: Pick<MessageRow, 'status' | 'remote_id' | 'threadable' | 'provider'>, provider: ProviderFacts): ReplyThreading {
  const kept = 'Composer still keeps the reply in this thread.';
  if (!provider.threading) return { atVendor: false, note: `${provider.displayName} cannot thread replies, so a reply goes out as a new email. ${kept}` };
  if (row.status !== 'sent' || row.remote_id === null) {
    return { atVendor: false, note: `This message has no confirmed id at ${provider.displayName}, so a reply goes out as a new email. ${kept}` };
  }
  if (row.threadable === 0) {
    return { atVendor: false, note: `${provider.displayName} gave no id a reply could point at for this email, so a reply goes out as a new email. ${kept}` };
  }
  return { atVendor: true };
}

export function createReads(db: DatabaseSync, providerFacts: (id: ProviderId) => ProviderFacts) {
  const pageQueries = new Map<string, StatementSync>();
  function pageQuery(account: boolean, status: HistoryStatus | undefined, after: boolean): StatementSync {
    const key = `${account}:${status ?? ''}:${after}`;
    let statement = pageQueries.get(key);
    if (!statement) {
      const where = ['message_count > 0'];
      if (account) where.push('account_id = :account');
      if (status) where.push(`${STATUS_COLUMN[status]} > 0`);
      if (after) where.push('latest_at <= :at AND (latest_at < :at OR id < :id)');
      statement = db.prepare(`SELECT ${THREAD_COLUMNS} FROM history_threads WHERE ${where.join(' AND ')} ORDER BY latest_at DESC, id DESC LIMIT :limit`);
      pageQueries.set(key, statement);
    }
    return statement;
  }
  const threadRow = db.prepare(`SELECT ${THREAD_COLUMNS} FROM history_threads WHERE id = ? AND message_count > 0`);
  const threadMessages = db.prepare('SELECT * FROM history_messages WHERE thread_id = ? AND deleted_at IS NULL ORDER BY attempted_at, seq');
  const attachmentsOf = db.prepare('SELECT token, filename, mime_type, size, sha256 FROM history_attachments WHERE message_seq = ? ORDER BY position');
  const attemptsOf = db.prepare('SELECT status, accepted, error_kind, error_message, remote_id, attempted_at FROM history_attempts WHERE message_seq = ? ORDER BY number');

  function toMessage(row: MessageRow): HistoryMessage {
    const files = attachmentsOf.all(row.seq) as { token: string | null; filename: string; mime_type: string; size: number; sha256: string | null }[];
    return {
      id: row.id,
      threadId: row.thread_id,
      accountId: row.account_id,
      provider: row.provider,
      status: row.status,
      accepted: row.accepted === 1,
      error: row.error_kind !== null ? { kind: row.error_kind, message: row.error_message ?? '' } : null,
      ...sentContentOf(row),
      attachments: files.map((f) => ({ filename: f.filename, mimeType: f.mime_type, size: f.size, sha256: f.sha256, available: f.token !== null })),
      remoteId: row.remote_id,
      remoteThreadId: row.remote_thread_id,
      requestId: row.request_id,
      trackingId: row.tracking_id,
      vendorProvider: row.vendor_provider,
      attemptedAt: row.attempted_at,
      vendorSentAt: row.vendor_sent_at,
      inReplyToId: row.in_reply_to_id,
      replyThreading: replyThreadingOf(row, providerFacts(row.provider)),
      attempts: (attemptsOf.all(row.seq) as unknown as AttemptRow[]).map((a) => ({
        status: a.status,
        accepted: a.accepted === 1,
        error: a.error_kind !== null ? { kind: a.error_kind, message: a.error_message ?? '' } : null,
        remoteId: a.remote_id,
        attemptedAt: a.attempted_at,
      })),
    };
  }

  return {
    threads(query: { cursor?: string | undefined; limit: number; accountId?: string | undefined; status?: HistoryStatus | undefined }): ThreadsPage {
      const after = query.cursor !== undefined ? decodeCursor(query.cursor) : null;
      const params: Record<string, string | number> = { limit: query.limit + 1 };
      if (query.accountId !== undefined) params.account = query.accountId;
      if (after) [params.at, params.id] = after;
      const rows = pageQuery(query.accountId !== undefined, query.status, after !== null).all(params) as unknown as ThreadRow[];
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { threads: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
    },

    thread(id: string) {
      const row = threadRow.get(id) as ThreadRow | undefined;
      if (!row) throw new ServiceError({ kind: 'not_found', message: 'This conversation is no longer in the history. It may have been deleted; reload the Sent view.' });
      const messages = (threadMessages.all(id) as unknown as MessageRow[]).map(toMessage);
      return { thread: toSummary(row), messages };
    },
  };
}
