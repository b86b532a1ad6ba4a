import { corpus, corpusWords, seeded } from './fixtures/history-corpus.js';
import { openBenchHistory } from './history-store.js';

function time<T>(work: () => T): [number, T] {
  const started = performance.now();
  const value = work();
  return [performance.now() - started, value];
}

export interface ServiceSamples {
  open: number[];
  search: number[];
  suggest: number[];
  record: number[];
  /** The index step after each record (scheduled off the record's path in the app). */
  index: number[];
}

/**
 * The main-side history calls a Sent-view session makes, timed on a generated history:
 * a fresh start's first page (50 threads), full-text queries (common and rare words,
 * prefixes, two words, filters), two-letter autocomplete, and recording more messages
 * (no attachments), each followed by the search index step the app schedules after it, timed
 * apart. `now` is the time after the corpus's last message.
 */
export async function measureService(dataDir: string, now: number, runs: number): Promise<ServiceSamples> {
  let at = now;
  const clock = () => at;
  const open: number[] = [];
  let opened = openBenchHistory(dataDir, clock);
  for (let run = 0; run < runs; run++) {
    if (run > 0) opened = openBenchHistory(dataDir, clock);
    const [ms, page] = time(() => opened.history.threads({ limit: 50 }));
    if (page.threads.length !== 50) throw new Error('first page is not full');
    open.push(ms);
    if (run < runs - 1) opened.storage.close();
  }
  const { storage, history } = opened;

  const words = corpusWords();
  const random = seeded(7);
  const rare = () => words[Math.floor(20 + random() * (words.length - 20))]!;
  const queries = [
    () => ({ query: 'invoice' }),
    () => ({ query: 'the' }),
    () => ({ query: 'pay' }),
    () => ({ query: 'payment sched' }),
    () => ({ query: rare() }),
    () => ({ query: `${rare()} ${rare()}` }),
    () => ({ query: rare().slice(0, 3) }),
    () => ({ query: 'invoice', accountId: 'acct-1' }),
    () => ({ query: 'customer', status: 'failed' as const }),
    () => ({ query: 'example' }),
  ];
  const search: number[] = [];
  for (let run = 0; run < runs * 2; run++) {
    const query = queries[run % queries.length]!();
    const [ms, hits] = time(() => history.search({ ...query, limit: 50 }));
    // A query that finds nothing would measure nothing: the common words must fill the page.
    if (run % queries.length < 4 && hits.length < 50) throw new Error(`"${query.query}" found only ${hits.length}`);
    search.push(ms);
  }

  const prefixes = ['an', 'be', 'ca', 'do', 'el', 'fi', 'ga', 'he', 'io', 'ja', 'ke', 'lo', 'ma', 'no', 'ol', 'pe', 'qu', 'ro', 'se', 'to'];
  const suggest: number[] = [];
  for (let run = 0; run < runs * 2; run++) {
    const [ms, found] = time(() => history.suggestRecipients(prefixes[run % prefixes.length]!, 8));
    if (found.length === 0) throw new Error(`no suggestions for ${prefixes[run % prefixes.length]}`);
    suggest.push(ms);
  }

  const record: number[] = [];
  const index: number[] = [];
  for (const attempt of corpus({ messages: runs, threads: runs / 2, start: at, stepMs: 60_000 }, seeded(99))) {
    at += 60_000;
    const started = performance.now();
    await history.record({ ...attempt, attemptedAt: at });
    record.push(performance.now() - started);
    const [indexMs, indexed] = time(() => history.indexPending());
    if (indexed !== 1) throw new Error(`the index step indexed ${indexed} messages, not the one recorded`);
    index.push(indexMs);
  }
  storage.close();
  return { open, search, suggest, record, index };
}
