import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarnessProcess } from '../e2e/harness-process.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const RUNS = 7;

/** Harness process start -> first contentful paint of the main window in Chromium (epoch ms on both sides). */
const suite: BenchSuite = {
  name: 'startup',
  async run() {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const samples: number[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-'));
        const started = performance.timeOrigin + performance.now();
        const harness = await startHarnessProcess(dataDir, { testHooks: false });
        try {
          const { url } = harness;
          const page = await browser.newPage();
          await page.goto(url);
          await page.getByTestId('app-version').waitFor();
          const paintedAt = await page.evaluate(async () => {
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
          await page.close();
          if (run > 0) samples.push(paintedAt - started); // the first run warms the disk cache
        } finally {
          await harness.stop();
          await rm(dataDir, { recursive: true, force: true });
        }
      }
    } finally {
      await browser.close();
    }
    return { 'startup.harness_first_paint_ms': summarize(samples, 'ms') };
  },
};

export default suite;
