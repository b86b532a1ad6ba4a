import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runChildJson } from './child-json.js';
import { preparedHistory } from './history-cache.js';
import { measureService } from './history-measure.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const RUNS = 40;
const RSS_RUNS = 3;
const RSS_CHILD = path.join(import.meta.dirname, 'history-rss-child.ts');

async function rssOfSession(dataDir: string): Promise<number> {
  return (await runChildJson<{ rssMb: number }>(RSS_CHILD, [dataDir], { timeoutMs: 120_000, name: 'history rss child' })).rssMb;
}

/**
 * The sent history at 50,000 messages in 10,000 threads (over about 14 months), generated
 * through the same `record` the app uses (bench/history-cache.ts):
 * - history.open_main_50k_ms: a fresh start's first `history:threads` page (50 rows), main side
 *   only; the Sent view's painting is measured with the renderer.
 * - history.search_50k_ms: full-text queries (common and rare words, prefixes, two words, filters).
 * - history.autocomplete_50k_ms: suggestions for two-letter prefixes.
 * - history.record_ms_50k: recording one more sent message (no attachments); its commit waits
 *   for no fsync (the outbox holds the outcome synced).
 * - history.index_ms_50k: the search index step the app runs just after each record.
 * - history.service_rss_50k_mb: peak RSS of a Node process running only the history service
 *   through a Sent-view session (pages, threads, searches); the app's main-process figure
 *   (history.main_rss_50k_mb) adds Electron or the harness around it.
 */
const suite: BenchSuite = {
  name: 'history',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-history-'));
    try {
      const corpus = await preparedHistory(dataDir, { messages: 50_000, threads: 10_000, stepMs: 12 * 60 * 1000 });
      const samples = await measureService(dataDir, corpus.lastAt, RUNS);
      const rssSamples: number[] = [];
      for (let run = 0; run < RSS_RUNS; run++) rssSamples.push(await rssOfSession(dataDir));
      return {
        'history.open_main_50k_ms': summarize(samples.open, 'ms'),
        'history.search_50k_ms': summarize(samples.search, 'ms'),
        'history.autocomplete_50k_ms': summarize(samples.suggest, 'ms'),
        'history.record_ms_50k': summarize(samples.record, 'ms'),
        'history.index_ms_50k': summarize(samples.index, 'ms'),
        'history.service_rss_50k_mb': summarize(rssSamples, 'MB'),
      };
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
