import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../electron/services/storage/database.js';
import { preparedHistory } from './history-cache.js';
import { measureService } from './history-measure.js';
import { measureSentView } from './sent-view.js';
import { single, summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const MESSAGES = 500_000;
const THREADS = 100_000;
/** Four minutes apart: about 360 a day over four years, a heavy sender's history. */
const STEP_MS = 4 * 60 * 1000;
const RUNS = 60;

/**
 * The sent history at 500,000 messages in 100,000 threads, generated like the 50k one and
 * cached under ~/.cache/composer-bench between runs (bench/history-cache.ts):
 * - history.db_mb_500k and history.db_overhead_500k: the database file, and its bytes over the
 *   bytes of the subjects, addresses, HTML and text recorded;
 * - history.search_500k_ms, history.record_ms_500k, history.index_ms_500k (the index step after
 *   each record), history.open_main_500k_ms: as at 50k;
 * - history.open_500k_ms, history.scroll_frame_ms_500k, history.main_rss_500k_mb: the Sent
 *   view in the harness and Chromium, as at 50k.
 */
const suite: BenchSuite = {
  name: 'history-500k',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-history-500k-'));
    try {
      const corpus = await preparedHistory(dataDir, { messages: MESSAGES, threads: THREADS, stepMs: STEP_MS, varied: true });
      const bytes = (await stat(path.join(dataDir, DATABASE_FILE))).size;
      process.stdout.write(`  ${(bytes / 1e6).toFixed(0)} MB of database for ${(corpus.contentBytes / 1e6).toFixed(0)} MB of mail\n`);
      const service = await measureService(dataDir, corpus.lastAt, RUNS);
      const view = await measureSentView(dataDir, { openRuns: 7, scrollPages: 40, frameSteps: 120 });
      return {
        'history.db_mb_500k': single(Math.round(bytes / 1e5) / 10, 'MB'),
        'history.db_overhead_500k': single(Math.round((bytes / corpus.contentBytes) * 1000) / 1000, 'ratio'),
        'history.open_main_500k_ms': summarize(service.open, 'ms'),
        'history.search_500k_ms': summarize(service.search, 'ms'),
        'history.autocomplete_500k_ms': summarize(service.suggest, 'ms'),
        'history.record_ms_500k': summarize(service.record, 'ms'),
        'history.index_ms_500k': summarize(service.index, 'ms'),
        'history.open_500k_ms': summarize(view.open, 'ms'),
        'history.scroll_frame_ms_500k': summarize(view.frames, 'ms'),
        'history.main_rss_500k_mb': single(view.peakRssMb, 'MB'),
      };
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
