import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpus, corpusWords, seeded } from './fixtures/history-corpus.js';
import { runChildJson } from './child-json.js';
import { openBenchHistory } from './history-store.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const MESSAGES = 50_000;
const THREADS = 10_000;
const START = Date.UTC(2024, 0, 1);
// 50,000 messages over about 14 months.
const STEP_MS = 12 * 60 * 1000;
const RUNS = 40;
const RSS_RUNS = 3;
const RSS_CHILD = path.join(import.meta.dirname, 'history-rss-child.ts');

async function rssOfSession(dataDir: string): Promise<number> {
  return (await runChildJson<{ rssMb: number }>(RSS_CHILD, [dataDir], { timeoutMs: 120_000, name: 'history rss child' })).rssMb;
}

function time<T>(work: () => T): [number, T] {
  const started = performance.now();
  const value = work();
  return [performance.now() - started, value];
}

/**
 * The sent history at 50,000 messages in 10,000 threads, generated into a temp SQLite file
 * through the same `record` the app uses (synchronous=OFF while generating only; every
 * measurement runs with the app's FULL).
 * - history.open_main_50k_ms: a fresh start's first `history:threads` page (50 rows), main side
 *   only; the Sent view's painting is measured with the renderer.
 * - history.search_50k_ms: full-text queries (common and rare words, prefixes, two words, filters).
 * - history.autocomplete_50k_ms: suggestions for two-letter prefixes.
 * - history.record_ms_50k: recording one more sent message (no attachments), FULL sync.
 * - history.service_rss_50k_mb: peak RSS of a Node process running only the history service
 *   through a Sent-view session (pages, threads, searches); the app's main-process figure
 *   (history.main_rss_50k_mb) adds Electron or the harness around it.
 */
const suite: BenchSuite = {
  name: 'history',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-history-'));
    let now = START + MESSAGES * STEP_MS;
    const clock = () => now;
    try {
      let { storage, history } = openBenchHistory(dataDir, clock);
      const generated = performance.now();
      storage.db.exec('PRAGMA synchronous = OFF');
      for (const attempt of corpus({ messages: MESSAGES, threads: THREADS, start: START, stepMs: STEP_MS })) await history.record(attempt);
      storage.db.exec('PRAGMA synchronous = FULL');
      const threadCount = (storage.db.prepare('SELECT count(*) AS n FROM history_threads').get() as { n: number }).n;
      if (threadCount < THREADS) throw new Error(`expected ${THREADS} threads, got ${threadCount}`);
      storage.close();
      const size = (await stat(path.join(dataDir, 'composer.sqlite'))).size;
      process.stdout.write(`  generated ${MESSAGES} messages in ${threadCount} threads (${(size / 1e6).toFixed(0)} MB) in ${((performance.now() - generated) / 1000).toFixed(1)} s\n`);

      const openSamples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        ({ storage, history } = openBenchHistory(dataDir, clock));
        const [ms, page] = time(() => history.threads({ limit: 50 }));
        if (page.threads.length !== 50) throw new Error('first page is not full');
        openSamples.push(ms);
        if (run < RUNS - 1) storage.close();
      }

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
      const searchSamples: number[] = [];
      for (let run = 0; run < RUNS * 2; run++) {
        const query = queries[run % queries.length]!();
        const [ms, hits] = time(() => history.search({ ...query, limit: 50 }));
        // A query that finds nothing would measure nothing: the common words must fill the page.
        if (run % queries.length < 4 && hits.length < 50) throw new Error(`"${query.query}" found only ${hits.length}`);
        searchSamples.push(ms);
      }

      const prefixes = ['an', 'be', 'ca', 'do', 'el', 'fi', 'ga', 'he', 'io', 'ja', 'ke', 'lo', 'ma', 'no', 'ol', 'pe', 'qu', 'ro', 'se', 'to'];
      const suggestSamples: number[] = [];
      for (let run = 0; run < RUNS * 2; run++) {
        const [ms, found] = time(() => history.suggestRecipients(prefixes[run % prefixes.length]!, 8));
        if (found.length === 0) throw new Error(`no suggestions for ${prefixes[run % prefixes.length]}`);
        suggestSamples.push(ms);
      }

      const recordSamples: number[] = [];
      const more = corpus({ messages: RUNS, threads: RUNS / 2, start: now, stepMs: 60_000 }, seeded(99));
      for (const attempt of more) {
        now += 60_000;
        const started = performance.now();
        await history.record({ ...attempt, attemptedAt: now });
        recordSamples.push(performance.now() - started);
      }
      storage.close();

      const rssSamples: number[] = [];
      for (let run = 0; run < RSS_RUNS; run++) rssSamples.push(await rssOfSession(dataDir));

      return {
        'history.open_main_50k_ms': summarize(openSamples, 'ms'),
        'history.search_50k_ms': summarize(searchSamples, 'ms'),
        'history.autocomplete_50k_ms': summarize(suggestSamples, 'ms'),
        'history.record_ms_50k': summarize(recordSamples, 'ms'),
        'history.service_rss_50k_mb': summarize(rssSamples, 'MB'),
      };
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
