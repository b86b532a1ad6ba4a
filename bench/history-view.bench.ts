import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarnessProcess, type HarnessProcess } from '../e2e/harness-process.js';
import { corpus } from './fixtures/history-corpus.js';
import { openBenchHistory } from './history-store.js';
import { single, summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const MESSAGES = 50_000;
const THREADS = 10_000;
const START = Date.UTC(2024, 0, 1);
const STEP_MS = 12 * 60 * 1000;
const OPEN_RUNS = 8;
/** Pages of 100 threads scrolled through before RSS is read: 4,000 threads, 20 of them opened. */
const SCROLL_PAGES = 40;

/** The 50k history written into the folder the harness will open, through the app's own recorder. */
async function generate(dataDir: string): Promise<void> {
  let now = START;
  const { storage, history } = openBenchHistory(dataDir, () => now);

  storage.db.exec('PRAGMA synchronous = OFF');
  for (const attempt of corpus({ messages: MESSAGES, threads: THREADS, start: START, stepMs: STEP_MS })) {
    now = attempt.attemptedAt ?? now;
    await history.record(attempt);
  }
  storage.close();
}

/** Click on Sent -> the first thread row in the page and a frame painted after it. */
async function openSentMs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const nav = document.querySelector('nav[aria-label="Mailboxes"]');
        const button = Array.from(nav?.querySelectorAll('button') ?? []).find((b) => b.textContent?.trim() === 'Sent');
        if (!button) return reject(new Error('no Sent button'));
        const started = performance.now();
        // No named inner functions: the bench runs under tsx, whose helper for names the page lacks.
        const observer = new MutationObserver(() => {
          if (!document.querySelector('ul[aria-label="Sent threads"] li')) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
  );
}

/** Peak and current resident memory of a process, from /proc. */
async function rssMb(pid: number): Promise<{ current: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { current: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Scrolls the Sent list page by page (each page asked of main as the end nears), opening some threads. */
async function scrollThrough(page: Page): Promise<number> {
  const list = page.getByRole('list', { name: 'Sent threads' });
  for (let step = 0; step < SCROLL_PAGES; step++) {
    const height = await list.evaluate((element) => element.getBoundingClientRect().height);
    await page.locator('.sent-scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.waitForFunction((previous) => (document.querySelector('ul[aria-label="Sent threads"]')?.getBoundingClientRect().height ?? 0) > previous, height);
    if (step % 2 === 0) {
      await list.getByRole('button').first().click();
      await page.getByRole('region').filter({ has: page.getByRole('article') }).first().waitFor();
    }
  }
  // Virtualized: only the rows in view and a margin are in the page, however far it scrolled.
  return list.getByRole('listitem').count();
}

/**
 * The Sent view at 50,000 messages in 10,000 threads, in the harness and Chromium:
 * - history.open_50k_ms: a fresh window's click on Sent to its first thread rows painted;
 * - history.main_rss_50k_mb: peak RSS of the harness process (the main side: services, SQLite,
 *   the bridge) after the view was opened and scrolled through 4,000 threads, 20 opened.
 */
const suite: BenchSuite = {
  name: 'history-view',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-sent-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    let harness: HarnessProcess | null = null;
    try {
      const generated = performance.now();
      await generate(dataDir);
      process.stdout.write(`  generated ${MESSAGES} messages in ${((performance.now() - generated) / 1000).toFixed(1)} s\n`);
      harness = await startHarnessProcess(dataDir, { testHooks: false });
      const { url } = harness;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const samples: number[] = [];
      for (let run = 0; run < OPEN_RUNS; run++) {
        await page.goto(url);
        await page.getByTestId('app-version').waitFor();
        const ms = await openSentMs(page);
        if (run > 0) samples.push(ms); // the first run warms SQLite's page cache
      }
      const rows = await scrollThrough(page);
      if (rows > 60) throw new Error(`the list kept ${rows} rows in the page: it is not virtualized`);
      const memory = await rssMb(harness.child.pid!);
      process.stdout.write(`  ${rows} rows in the page after scrolling; harness RSS ${memory.current.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB\n`);
      return {
        'history.open_50k_ms': summarize(samples, 'ms'),
        'history.main_rss_50k_mb': single(memory.peak, 'MB'),
      };
    } finally {
      await harness?.stop();
      await browser.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
