import type { DatabaseSync } from 'node:sqlite';

/** More words than this and a prefix is searched as a prefix (prefix-search.ts). */
const MAX_WORDS = 40;
// The largest code point: every word that starts with the prefix sorts below prefix + this.
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * The indexed words a (folded) prefix starts, from the list the index step keeps
 * (deferred-index.ts): `invoi` -> `invoice`, `invoices`. FTS5 walks an OR of whole words newest
 * first and stops at the limit; a prefix query it would first merge whole. Null when the
 * prefix starts more than a query can name.
 */
export function createWordExpansion(db: DatabaseSync) {
  const words = db.prepare('SELECT word FROM history_search_words WHERE word >= ?1 AND word < ?2 ORDER BY word LIMIT ?3');
  return function wordsStarting(prefix: string): string[] | null {
    const found = (words.all(prefix, prefix + AFTER_PREFIX, MAX_WORDS + 1) as { word: string }[]).map((row) => row.word);
    return found.length > MAX_WORDS ? null : found;
  };
}
