import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { HistoryStatus, SearchHit, TextSegment } from '../../../shared/history.js';
import { createPrefixSearch, INDEXED_PREFIX, type Term } from './prefix-search.js';

// Private-use characters: they never occur in what people type, so they mark matches unambiguously.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MAX_TERMS = 16;

/**
 * The person's words as searched terms: every run of letters and digits is a word, and the last
 * of each typed word a prefix, so `inv 42` finds "invoice 42" and `ann@x.io` finds the
 * address (all its parts). Operators typed by the person are plain words. The index keeps no
 * positions (detail=column), so parts are matched together rather than as an adjacent phrase.
 */
export function toTerms(query: string): Term[] {
  const terms: Term[] = [];
  for (const word of query.normalize('NFKC').split(/\s+/u)) {
    const tokens = word.match(/[\p{L}\p{N}]+/gu) ?? [];
    tokens.forEach((token, i) => terms.push({ text: token, prefix: i === tokens.length - 1 }));
  }
  return terms.slice(0, MAX_TERMS);
}

/** The terms as an FTS5 query that cannot be a syntax error (each quoted). Null when nothing searchable is left. */
export function toMatchQuery(query: string): string | null {
  const terms = toTerms(query);
  return terms.length > 0 ? terms.map((term) => `"${term.text}"${term.prefix ? '*' : ''}`).join(' ') : null;
}

/** Splits FTS5 highlight()/snippet() output at the markers into text the renderer shows as text. */
export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  let text = '';
  for (const char of marked) {
    if (char === OPEN || char === CLOSE) {
      if (text) segments.push({ text, match });
      text = '';
      match = char === OPEN;
    } else text += char;
  }
  if (text) segments.push({ text, match });
  return segments;
}

/** The body's snippet, or, when only a file name matched, the names with the match marked. */
function snippetSegments(body: string, attachments: string | null): TextSegment[] {
  if (attachments === null || body.includes(OPEN) || !attachments.includes(OPEN)) return toSegments(body);
  return [{ text: 'Attached: ', match: false }, ...toSegments(attachments)];
}

/**
 * Full-text search over subject, body text, recipients and attachment names, newest first.
 * FTS5 walks its index in descending rowid (record order) and stops at the limit, so a common
 * word costs no more than a rare one.
 */
export function createSearch(db: DatabaseSync) {
  const statements = new Map<string, StatementSync>();
  function statement(account: boolean, status: boolean): StatementSync {
    const key = `${account}:${status}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const filters = [account ? 'AND m.account_id = :account' : '', status ? 'AND m.status = :status' : ''].join(' ');
      prepared = db.prepare(
        `SELECT m.id, m.thread_id, m.account_id, m.status, m.attempted_at,
                highlight(history_search, 0, :open, :close) AS subject_marked,
                snippet(history_search, 1, :open, :close, '…', 24) AS body_marked,
                snippet(history_search, 2, :open, :close, '…', 16) AS recipients_marked,
                highlight(history_search, 3, :open, :close) AS attachments_marked
           FROM history_search JOIN history_messages m ON m.seq = history_search.rowid
          WHERE history_search MATCH :match AND m.deleted_at IS NULL ${filters}
          ORDER BY history_search.rowid DESC LIMIT :limit`,
      );
      statements.set(key, prepared);
    }
    return prepared;
  }

  const prefixSearch = createPrefixSearch(db);

  return function search(input: { query: string; accountId?: string | undefined; status?: HistoryStatus | undefined; limit: number }): SearchHit[] {
    const terms = toTerms(input.query);
    if (terms.some((term) => term.prefix && [...term.text].length > INDEXED_PREFIX)) {
      const found = prefixSearch(terms, input);
      if (found !== null) return found;
    }
    const match = toMatchQuery(input.query);
    if (match === null) return [];
    const params: Record<string, string | number> = { open: OPEN, close: CLOSE, match, limit: input.limit };
    if (input.accountId !== undefined) params.account = input.accountId;
    if (input.status !== undefined) params.status = input.status;
    const rows = statement(input.accountId !== undefined, input.status !== undefined).all(params) as {
      id: string;
      thread_id: string;
      account_id: string;
      status: HistoryStatus;
      attempted_at: number;
      subject_marked: string;
      body_marked: string;
      recipients_marked: string;
      attachments_marked: string | null;
    }[];
    return rows.map((row) => ({
      messageId: row.id,
      threadId: row.thread_id,
      accountId: row.account_id,
      status: row.status,
      attemptedAt: row.attempted_at,
      subject: toSegments(row.subject_marked),
      snippet: snippetSegments(row.body_marked, row.attachments_marked),
      recipients: toSegments(row.recipients_marked),
    }));
  };
}
