import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarnessProcess } from '../e2e/harness-process.js';
import { longTimeUserFolder } from './startup-data.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const RUNS = 7;

/** Epoch ms of the page's first contentful paint. */
function firstPaintAt(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const entry = await new Promise<PerformanceEntry>((resolve) => {
      const existing = performance.getEntriesByName('first-contentful-paint')[0];
      if (existing) return resolve(existing);
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        resolve(list.getEntries()[0] as PerformanceEntry);
      }).observe({ type: 'paint', buffered: true });
    });
    return performance.timeOrigin + entry.startTime;
  });
}

/**
 * A start as a long-time user's (a sandbox account, 500 drafts, 50,000 sent messages), from
 * the harness process starting (epoch ms on both sides):
 * - startup.harness_first_paint_ms: to the window's first contentful paint;
 * - startup.first_interactive_ms: to a key typed into the composer's body showing there (the
 *   key is pressed as soon as the newest draft is in the editor; includes Playwright's round trips).
 */
const suite: BenchSuite = {
  name: 'startup',
  async run() {
    const folder = await longTimeUserFolder();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const paint: number[] = [];
    const interactive: number[] = [];
    try {
      for (let run = 0; run < RUNS + 1; run++) {
        const dataDir = await folder.copy();
        // The browser's tab is there before the app starts, as a person's browser is; opening one is Playwright's cost, not the app's.
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const started = performance.timeOrigin + performance.now();
        const harness = await startHarnessProcess(dataDir, { testHooks: false });
        const readyAt = performance.timeOrigin + performance.now();
        try {
          await page.goto(harness.url, { waitUntil: 'commit' });
          const body = page.getByRole('textbox', { name: 'Message body' });
          // The newest draft opens at start; a key typed before it is in the editor is lost (the draft replaces it).
          await page.waitForFunction(() => (document.querySelector('[aria-label="Message body"]')?.textContent ?? '').length > 0, undefined, { timeout: 30_000 });
          await body.pressSequentially('Q', { timeout: 30_000 });
          await page.waitForFunction(() => document.querySelector('[aria-label="Message body"]')?.textContent?.includes('Q'));
          const typedAt = performance.timeOrigin + performance.now();
          const paintedAt = await firstPaintAt(page);
          await page.close();
          // Where the time goes: the harness process (services opened, the port listening), then the page.
          process.stdout.write(`  run ${run}: harness ready ${(readyAt - started).toFixed(0)} ms, first paint +${(paintedAt - readyAt).toFixed(0)} ms, a key typed +${(typedAt - paintedAt).toFixed(0)} ms\n`);
          // The first run warms the disk cache.
          if (run > 0) {
            paint.push(paintedAt - started);
            interactive.push(typedAt - started);
          }
        } finally {
          await harness.stop();
        }
      }
    } finally {
      await browser.close();
      await folder.close();
    }
    return { 'startup.harness_first_paint_ms': summarize(paint, 'ms'), 'startup.first_interactive_ms': summarize(interactive, 'ms') };
  },
};

export default suite;
