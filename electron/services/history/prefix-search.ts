import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { HistoryStatus, SearchHit, TextSegment } from '../../../shared/history.js';
import { foldKey as fold } from './recipients.js';

/** One searched word: a whole word, or the start of one (the last part of what was typed). */
export interface Term {
  text: string;
  prefix: boolean;
}

/** The longest prefix the index keeps its own list for (`prefix = '2 3'`). */
export const INDEXED_PREFIX = 3;
/** Candidates looked at before giving the query back to FTS5 as typed. */
const BUDGET = 300;
const WORD = /[\p{L}\p{N}]+/gu;

const quoted = (text: string, prefix: boolean) => `"${text}"${prefix ? '*' : ''}`;

function wordMatches(word: string, terms: readonly Term[]): boolean {
  const folded = fold(word);
  return terms.some((term) => (term.prefix ? folded.startsWith(term.text) : folded === term.text));
}

/** A column's text as segments with the matching words marked; with `window`, only that many words around the first match. */
export function marked(text: string, terms: readonly Term[], window?: number): TextSegment[] {
  const parts: { text: string; match: boolean; word: boolean }[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD)) {
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false, word: false });
    parts.push({ text: found[0], match: wordMatches(found[0], terms), word: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false, word: false });
  let shown = parts;
  if (window !== undefined) {
    const words = parts.filter((part) => part.word);
    const first = Math.max(0, words.findIndex((part) => part.match));
    const from = parts.indexOf(words[Math.max(0, first - 3)] ?? parts[0]!);
    const to = parts.indexOf(words[Math.min(words.length - 1, Math.max(0, first - 3) + window - 1)] ?? parts.at(-1)!);
    shown = parts.slice(from, to + 1);
    if (from > 0) shown.unshift({ text: '…', match: false, word: false });
    if (to < parts.length - 1) shown.push({ text: '…', match: false, word: false });
  }
  const segments: TextSegment[] = [];
  for (const part of shown) {
    const previous = segments.at(-1);
    if (previous && previous.match === part.match) previous.text += part.text;
    else segments.push({ text: part.text, match: part.match });
  }
  return segments;
}

interface Candidate {
  id: string;
  thread_id: string;
  account_id: string;
  status: HistoryStatus;
  attempted_at: number;
  subject: string;
  body_text: string;
  recipients: string | null;
  attachments: string | null;
}

/**
 * Search for words typed in part beyond the index's own prefixes ("invoi", "customer"): FTS5
 * answers such a prefix by merging the lists of every word it starts, whole, before it can
 * return the newest match, which at hundreds of thousands of messages is most of a search's
 * time. Instead the index's 3-letter list is walked newest first (lazily, stopping at the
 * limit) and each candidate's words are checked here. A prefix that few messages have would
 * make this walk long: past a budget of candidates it answers null and the caller asks FTS5.
 */
export function createPrefixSearch(db: DatabaseSync) {
  const statements = new Map<string, StatementSync>();
  function statement(account: boolean, status: boolean): StatementSync {
    const key = `${account}:${status}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const filters = [account ? 'AND m.account_id = :account' : '', status ? 'AND m.status = :status' : ''].join(' ');
      prepared = db.prepare(
        `SELECT m.id, m.thread_id, m.account_id, m.status, m.attempted_at, c.subject, c.body_text, c.recipients, c.attachments
           FROM history_search
           JOIN history_messages m ON m.seq = history_search.rowid
           JOIN history_search_content c ON c.seq = history_search.rowid
          WHERE history_search MATCH :match AND m.deleted_at IS NULL ${filters}
          ORDER BY history_search.rowid DESC`,
      );
      statements.set(key, prepared);
    }
    return prepared;
  }

  return function prefixSearch(terms: readonly Term[], input: { accountId?: string | undefined; status?: HistoryStatus | undefined; limit: number }): SearchHit[] | null {
    const folded = terms.map((term) => ({ text: fold(term.text), prefix: term.prefix }));
    const match = folded.map((term) => (term.prefix && [...term.text].length > INDEXED_PREFIX ? quoted([...term.text].slice(0, INDEXED_PREFIX).join(''), true) : quoted(term.text, term.prefix))).join(' ');
    const params: Record<string, string | number> = { match };
    if (input.accountId !== undefined) params.account = input.accountId;
    if (input.status !== undefined) params.status = input.status;
    const hits: SearchHit[] = [];
    let looked = 0;
    for (const row of statement(input.accountId !== undefined, input.status !== undefined).iterate(params) as Iterable<Candidate>) {
      if (++looked > BUDGET) return null;
      const words = new Set(Array.from([row.subject, row.body_text, row.recipients ?? '', row.attachments ?? ''].join(' ').matchAll(WORD), (w) => fold(w[0])));
      const all = folded.every((term) => (term.prefix ? [...words].some((word) => word.startsWith(term.text)) : words.has(term.text)));
      if (!all) continue;
      const body = marked(row.body_text, folded, 24);
      const files = row.attachments ? marked(row.attachments, folded) : [];
      hits.push({
        messageId: row.id,
        threadId: row.thread_id,
        accountId: row.account_id,
        status: row.status,
        attemptedAt: row.attempted_at,
        subject: marked(row.subject, folded),
        snippet: !body.some((s) => s.match) && files.some((s) => s.match) ? [{ text: 'Attached: ', match: false }, ...files] : body,
        recipients: marked(row.recipients ?? '', folded, 16),
      });
      if (hits.length === input.limit) break;
    }
    return hits;
  };
}
