import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preparedHistory } from './history-cache.js';
import { measureSentView } from './sent-view.js';
import { single, summarize } from './stats.js';
import type { BenchSuite } from './types.js';

/**
 * The Sent view at 50,000 messages in 10,000 threads, in the harness and Chromium:
 * - history.open_50k_ms: a fresh window's click on Sent to its first thread rows painted;
 * - history.scroll_frame_ms_50k: scroll event to the next painted frame while wheel-scrolling;
 * - history.main_rss_50k_mb: peak RSS of the harness process (the main side: services, SQLite,
 *   the bridge) after the view was opened and scrolled through 4,000 threads, 20 opened.
 */
const suite: BenchSuite = {
  name: 'history-view',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-sent-'));
    try {
      await preparedHistory(dataDir, { messages: 50_000, threads: 10_000, stepMs: 12 * 60 * 1000 });
      const figures = await measureSentView(dataDir, { openRuns: 7, scrollPages: 40, frameSteps: 120 });
      return {
        'history.open_50k_ms': summarize(figures.open, 'ms'),
        'history.scroll_frame_ms_50k': summarize(figures.frames, 'ms'),
        'history.main_rss_50k_mb': single(figures.peakRssMb, 'MB'),
      };
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
