import type { DatabaseSync } from 'node:sqlite';
import type { HistoryStatus, SearchHit, TextSegment } from '../../../shared/history.js';
import type { SearchIndexer } from './deferred-index.js';
import { createPrefixSearch, filterParams, HIT_KEY_COLUMNS, hitKeys, INDEXED_PREFIX, statementsByFilters, type Found, type HitKeyRow, type SearchLimits, type Term } from './prefix-search.js';
import { foldKey as fold } from './recipients.js';
import { createTailSearch } from './search-tail.js';
import { createWordExpansion } from './search-words.js';

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
  return terms.length > 0 ? matchQuery(terms, new Map()) : null;
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

/** Words of context kept before the first match, as prefix-search.ts's marked() keeps. */
const LEAD_WORDS = 3;

/**
 * FTS5 centres its snippet on the match, which a result card's two lines then cut off: the
 * text before the first match is shortened to its last few words.
 */
function leadTrimmed(segments: TextSegment[]): TextSegment[] {
  const first = segments.findIndex((segment) => segment.match);
  if (first <= 0) return segments;
  const before = segments
    .slice(0, first)
    .map((segment) => segment.text)
    .join('');
  const words = [...before.matchAll(/[\p{L}\p{N}]+/gu)];
  if (words.length <= LEAD_WORDS) return segments;
  return [{ text: `…${before.slice(words[words.length - LEAD_WORDS]!.index)}`, match: false }, ...segments.slice(first)];
}

/** The body's snippet, or, when only a file name matched, the names with the match marked. */
function snippetSegments(body: string, attachments: string | null): TextSegment[] {
  if (attachments === null || body.includes(OPEN) || !attachments.includes(OPEN)) return leadTrimmed(toSegments(body));
  return [{ text: 'Attached: ', match: false }, ...toSegments(attachments)];
}

interface IndexRow extends HitKeyRow {
  subject_marked: string;
  body_marked: string;
  recipients_marked: string;
  attachments_marked: string | null;
}

/** The index's answer for a query: its terms, each long prefix given as the words it starts. */
function matchQuery(terms: readonly Term[], expanded: ReadonlyMap<Term, string[]>): string {
  return terms
    .map((term) => {
      const words = expanded.get(term);
      if (words) return `(${words.map((word) => `"${word}"`).join(' OR ')})`;
      return `"${term.text}"${term.prefix ? '*' : ''}`;
    })
    // Explicit: FTS5 does not join a parenthesized group to its neighbours by a space.
    .join(' AND ');
}

/** Two newest-first lists as one, newest first, up to `limit`. */
function merged(a: Found[], b: Found[], limit: number): Found[] {
  return [...a, ...b].sort((x, y) => y.seq - x.seq).slice(0, limit);
}

/** Past this many messages waiting for the index, a search has the index step catch up first. */
const TAIL_LIMIT = 200;

/**
 * Full-text search over subject, body text, recipients and attachment names, newest first.
 * FTS5 walks its index in descending rowid (record order) and stops at the limit, so a common
 * word costs no more than a rare one; a word typed in part past the index's own prefixes is
 * asked as the whole words it starts (search-words.ts). Messages the index step has not
 * reached yet are searched beside it (search-tail.ts).
 */
export function createSearch(db: DatabaseSync, indexer: SearchIndexer) {
  const statement = statementsByFilters(
    db,
    (filters) => `SELECT ${HIT_KEY_COLUMNS},
            highlight(history_search, 0, :open, :close) AS subject_marked,
            snippet(history_search, 1, :open, :close, '…', 24) AS body_marked,
            snippet(history_search, 2, :open, :close, '…', 16) AS recipients_marked,
            highlight(history_search, 3, :open, :close) AS attachments_marked
       FROM history_search JOIN history_messages m ON m.seq = history_search.rowid
      WHERE history_search MATCH :match AND m.deleted_at IS NULL ${filters}
      ORDER BY history_search.rowid DESC LIMIT :limit`,
  );

  const prefixSearch = createPrefixSearch(db);
  const tailSearch = createTailSearch(db);
  const wordsStarting = createWordExpansion(db);

  function viaIndex(match: string, input: SearchLimits): Found[] {
    const rows = statement(input).all(filterParams(input, { open: OPEN, close: CLOSE, match, limit: input.limit })) as unknown as IndexRow[];
    return rows.map((row) => ({
      seq: row.seq,
      hit: {
        ...hitKeys(row),
        subject: toSegments(row.subject_marked),
        snippet: snippetSegments(row.body_marked, row.attachments_marked),
        recipients: toSegments(row.recipients_marked),
      },
    }));
  }

  function indexed(terms: Term[], input: SearchLimits): Found[] {
    const expanded = new Map<Term, string[]>();
    let tooMany = false;
    for (const term of terms) {
      if (!term.prefix || [...term.text].length <= INDEXED_PREFIX) continue;
      const words = wordsStarting(fold(term.text));
      if (words === null) tooMany = true;
      // No indexed word starts so: nothing in the index has every term.
      else if (words.length === 0) return [];
      else expanded.set(term, words);
    }
    if (tooMany) {
      const walked = prefixSearch(terms, input);
      if (walked !== null) return walked;
      return viaIndex(matchQuery(terms, new Map()), input);
    }
    return viaIndex(matchQuery(terms, expanded), input);
  }

  return function search(input: { query: string; accountId?: string | undefined; status?: HistoryStatus | undefined; limit: number }): SearchHit[] {
    const terms = toTerms(input.query);
    if (terms.length === 0) return [];
    if (indexer.pending() > TAIL_LIMIT) indexer.indexPending();
    return merged(tailSearch(terms, input), indexed(terms, input), input.limit).map((found) => found.hit);
  };
}
