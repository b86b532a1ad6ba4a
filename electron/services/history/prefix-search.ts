import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { HistoryStatus, SearchHit, TextSegment } from '../../../shared/history.js';
import { foldKey as fold } from './recipients.js';
import { parseAddresses } from './thread-rows.js';

/** One searched word: a whole word, or the start of one (the last part of what was typed). */
export interface Term {
  text: string;
  prefix: boolean;
}

/** The longest prefix the index keeps its own list for (`prefix = '2 3'`). */
export const INDEXED_PREFIX = 3;
/** Candidates looked at before giving the query back to FTS5 as typed. */
const BUDGET = 300;
/** Candidates after which a walk finding too few matches to fill the page within the budget gives up early. */
const PROBE = 40;
const WORD = /[\p{L}\p{N}]+/gu;

const quoted = (text: string, prefix: boolean) => `"${text}"${prefix ? '*' : ''}`;

const ASCII = /^\p{ASCII}*$/u;

/** As the index folds a text (lower case, accents off), with the common all-ASCII case done cheaply. */
function foldText(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : fold(text);
}

function wordMatches(word: string, terms: readonly Term[]): boolean {
  const folded = foldText(word);
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

/** What every search reads of a message to name it in a hit: the columns `HIT_KEY_COLUMNS` reads. */
export interface HitKeyRow {
  seq: number;
  id: string;
  thread_id: string;
  account_id: string;
  status: HistoryStatus;
  attempted_at: number;
}

export const HIT_KEY_COLUMNS = 'm.seq, m.id, m.thread_id, m.account_id, m.status, m.attempted_at';

/** The message a hit names, from its row. */
export function hitKeys(row: HitKeyRow): Pick<SearchHit, 'messageId' | 'threadId' | 'accountId' | 'status' | 'attemptedAt'> {
  return { messageId: row.id, threadId: row.thread_id, accountId: row.account_id, status: row.status, attemptedAt: row.attempted_at };
}

/** A message a search looks at: the columns `CANDIDATE_COLUMNS` reads. */
export interface Candidate extends HitKeyRow {
  subject: string;
  body_text: string;
  to_json: string;
  cc_json: string;
  bcc_json: string;
}

/** The message's own columns: the file names are read only for a candidate that needs them. */
export const CANDIDATE_COLUMNS = `${HIT_KEY_COLUMNS}, m.subject, m.body_text, m.to_json, m.cc_json, m.bcc_json`;

/** What a search is narrowed to, and how many hits it wants. */
export interface SearchFilters {
  accountId?: string | undefined;
  status?: HistoryStatus | undefined;
}
export interface SearchLimits extends SearchFilters {
  limit: number;
}

/** A hit and where it stands in record order (newest first is highest seq). */
export interface Found {
  seq: number;
  hit: SearchHit;
}

/** The recipients as the search view writes them: `Ann Lee ann@acme.io, bob@beta.org`. */
function recipientsOf(row: Candidate): string {
  return [row.to_json, row.cc_json, row.bcc_json]
    .flatMap(parseAddresses)
    .map((a) => (a.name ? `${a.name} ${a.email}` : a.email))
    .join(', ');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `folded` has a word equal to the term (or, for a prefix, starting with it). */
function hasWord(folded: string, term: Term): boolean {
  for (let at = folded.indexOf(term.text); at !== -1; at = folded.indexOf(term.text, at + 1)) {
    if (at > 0 && WORD_CHAR.test(folded[at - 1]!)) continue;
    const after = folded[at + term.text.length];
    if (term.prefix || after === undefined || !WORD_CHAR.test(after)) return true;
  }
  return false;
}

/** Folded as the index folds them. */
export const foldTerms = (terms: readonly Term[]): Term[] => terms.map((term) => ({ text: fold(term.text), prefix: term.prefix }));

/**
 * Whether a message has every (folded) term among its words, file names included, checked
 * here rather than by the index: as the index would answer, with the matches marked.
 */
export function createCandidateCheck(db: DatabaseSync) {
  const fileNames = db.prepare("SELECT group_concat(filename, ', ') AS names FROM (SELECT filename FROM history_attachments WHERE message_seq = ? ORDER BY position)");
  const filesOf = (seq: number) => (fileNames.get(seq) as { names: string | null }).names;

  return function check(row: Candidate, folded: readonly Term[]): Found | null {
    // Most candidates are settled by their subject, text and recipients; the file names are read only for those left.
    const recipients = recipientsOf(row);
    const own = foldText(`${row.subject} ${row.body_text} ${recipients}`);
    const missing = folded.filter((term) => !hasWord(own, term));
    let attachments: string | null | undefined;
    if (missing.length > 0) {
      attachments = filesOf(row.seq);
      if (!attachments || !missing.every((term) => hasWord(foldText(attachments ?? ''), term))) return null;
    }
    const body = marked(row.body_text, folded, 24);
    if (attachments === undefined && !body.some((segment) => segment.match)) attachments = filesOf(row.seq);
    const files = attachments ? marked(attachments, folded) : [];
    const hit: SearchHit = {
      ...hitKeys(row),
      subject: marked(row.subject, folded),
      snippet: !body.some((s) => s.match) && files.some((s) => s.match) ? [{ text: 'Attached: ', match: false }, ...files] : body,
      recipients: marked(recipients, folded, 16),
    };
    return { seq: row.seq, hit };
  };
}

/** The filters a search takes, as SQL on the messages (`m`). */
export const filterSql = (input: SearchFilters) =>
  [input.accountId !== undefined ? 'AND m.account_id = :account' : '', input.status !== undefined ? 'AND m.status = :status' : ''].join(' ');

/** One prepared statement per combination of filters, prepared on first use. */
export function statementsByFilters(db: DatabaseSync, sql: (filters: string) => string): (input: SearchFilters) => StatementSync {
  const statements = new Map<string, StatementSync>();
  return (input) => {
    const filters = filterSql(input);
    let prepared = statements.get(filters);
    if (!prepared) {
      prepared = db.prepare(sql(filters));
      statements.set(filters, prepared);
    }
    return prepared;
  };
}

/** Their values, beside the other parameters. */
export function filterParams(input: SearchFilters, params: Record<string, string | number>): Record<string, string | number> {
  if (input.accountId !== undefined) params.account = input.accountId;
  if (input.status !== undefined) params.status = input.status;
  return params;
}

/**
 * Search for words typed in part beyond the index's own prefixes when they start more words
 * than a query can name one by one (search-words.ts): FTS5 answers such a prefix by merging the
 * lists of every word it starts, whole, before it can return the newest match. Instead the
 * index's 3-letter list is walked newest first (lazily, stopping at the limit) and each
 * candidate's words are checked here. A prefix that few messages have would make this walk
 * long: past a budget of candidates, or when the first ones show too few matches to fill the
 * page within it, it answers null and the caller asks FTS5.
 */
export function createPrefixSearch(db: DatabaseSync) {
  const statement = statementsByFilters(
    db,
    (filters) => `SELECT ${CANDIDATE_COLUMNS}
       FROM history_search JOIN history_messages m ON m.seq = history_search.rowid
      WHERE history_search MATCH :match AND m.deleted_at IS NULL ${filters}
      ORDER BY history_search.rowid DESC`,
  );
  const check = createCandidateCheck(db);

  return function prefixSearch(terms: readonly Term[], input: SearchLimits): Found[] | null {
    const folded = foldTerms(terms);
    const match = folded.map((term) => (term.prefix && [...term.text].length > INDEXED_PREFIX ? quoted([...term.text].slice(0, INDEXED_PREFIX).join(''), true) : quoted(term.text, term.prefix))).join(' ');
    const found: Found[] = [];
    let looked = 0;
    for (const row of statement(input).iterate(filterParams(input, { match })) as Iterable<Candidate>) {
      if (++looked > BUDGET) return null;
      // Few matches among the first candidates: a rare word, which FTS5 finds faster (its lists are short).
      if (looked === PROBE && found.length * BUDGET < input.limit * PROBE) return null;
      const hit = check(row, folded);
      if (hit) found.push(hit);
      if (found.length === input.limit) break;
    }
    return found;
  };
}
