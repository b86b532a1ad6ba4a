import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarnessProcess } from '../e2e/harness-process.js';
import { longTimeUserFolder } from './startup-data.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const RUNS = 7;
/** Long enough for a new browser window's own start (none of its work was seen after 500 ms). */
const WINDOW_SETTLES_MS = 1_000;

/**
 * A function's source to run in the page. Under tsx (esbuild's keepNames) a named inner function
 * is wrapped in `__name(...)`, which the page does not have: it is given one that does nothing.
 */
function inPage(script: () => void): string {
  return `var __name = (fn) => fn;\n(${script.toString()})();`;
}

/** A value the page reports once, through a function exposed to it. */
function reported<T>(): { promise: Promise<T>; report(value: T): void } {
  let report: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    report = resolve;
  });
  return { promise, report: (value) => report(value) };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Waited ${ms} ms for ${what}.`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

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

/** Where the composer's body is, in the page's own words, once the reopened draft shows in it. */
interface Shown {
  x: number;
  y: number;
}

/**
 * Runs in the page from its first moment (an init script, not a Playwright query): when the
 * reopened draft shows in the composer's body it reports where the body is, then the moment a
 * typed "Q" shows there. Playwright's own selector engine is never loaded into the page during a
 * start, so its script's compile (~70 ms on this machine) does not take the app's main thread.
 */
function watchTheComposer(): void {
  if (window !== window.top) return;
  const page = window as unknown as { startupShown(at: Shown): void; startupTyped(at: number): void };
  // On the whole document: the body's element may be replaced while the app renders.
  const typed = () => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[aria-label="Message body"]')?.textContent?.includes('Q')) return;
      seen.disconnect();
      page.startupTyped(performance.timeOrigin + performance.now());
    });
    seen.observe(document.body, { subtree: true, childList: true, characterData: true });
  };
  const look = () => {
    const editor = document.querySelector('[aria-label="Message body"]');
    const box = editor?.getBoundingClientRect();
    // Shown: the draft is in the body, and the body is on screen (the composer stays hidden until the accounts are in).
    if (!editor || !box || box.width === 0 || (editor.textContent ?? '').length === 0) {
      requestAnimationFrame(look);
      return;
    }
    typed();
    page.startupShown({ x: box.left + Math.min(box.width / 2, 200), y: box.top + Math.min(box.height / 2, 12) });
  };
  requestAnimationFrame(look);
}

/**
 * A start as a long-time user's (a sandbox account, 500 drafts, 50,000 sent messages), from
 * the harness process starting (epoch ms on both sides):
 * - startup.harness_first_paint_ms: to the window's first contentful paint;
 * - startup.first_interactive_ms: to a key typed into the composer's body showing there. As a
 *   person would, the bench clicks into the body as soon as the newest draft (opened at start)
 *   shows there, and types; the moments are the page's own (watchTheComposer), and the click and
 *   the key are the browser's input events, so the figure includes their round trips.
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
        const shown = reported<Shown>();
        const typed = reported<number>();
        await page.exposeFunction('startupShown', shown.report);
        await page.exposeFunction('startupTyped', typed.report);
        await page.addInitScript({ content: inPage(watchTheComposer) });
        // A new window loads Chromium's own interface pages (its address bar's popup, a WebUI renderer of some
        // 400 ms CPU) in the second after it opens; on two cores that ran in some starts and not others.
        await page.waitForTimeout(WINDOW_SETTLES_MS);
        const started = performance.timeOrigin + performance.now();
        const harness = await startHarnessProcess(dataDir, { testHooks: false });
        const readyAt = performance.timeOrigin + performance.now();
        try {
          await page.goto(harness.url, { waitUntil: 'commit' });
          const body = await withTimeout(shown.promise, 30_000, 'the reopened draft to show in the composer');
          await page.mouse.click(body.x, body.y);
          await page.keyboard.press('Q');
          const typedAt = await withTimeout(typed.promise, 30_000, 'the typed key to show in the composer');
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
