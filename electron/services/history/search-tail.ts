import type { DatabaseSync } from 'node:sqlite';
import { CANDIDATE_COLUMNS, createCandidateCheck, filterParams, foldTerms, statementsByFilters, type Candidate, type Found, type SearchLimits, type Term } from './prefix-search.js';

/**
 * The messages the index step has not reached yet (deferred-index.ts), searched here, newest
 * first: a message is found the moment it is recorded. The queue is a few rows at most (the
 * step follows each record), so each is simply checked word by word.
 */
export function createTailSearch(db: DatabaseSync) {
  // CROSS JOIN keeps the queue (a few rows) outermost: with a filter on the messages the
  // planner would otherwise scan them all and look each up in the queue.
  const statement = statementsByFilters(
    db,
    (filters) => `SELECT ${CANDIDATE_COLUMNS} FROM history_search_queue q CROSS JOIN history_messages m ON m.seq = q.seq
      WHERE m.deleted_at IS NULL ${filters} ORDER BY q.seq DESC`,
  );
  const check = createCandidateCheck(db);

  return function tailSearch(terms: readonly Term[], input: SearchLimits): Found[] {
    const folded = foldTerms(terms);
    const found: Found[] = [];
    for (const row of statement(input).iterate(filterParams(input, {})) as Iterable<Candidate>) {
      const hit = check(row, folded);
      if (hit) found.push(hit);
      if (found.length === input.limit) break;
    }
    return found;
  };
}
