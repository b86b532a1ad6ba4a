import { readFile } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarnessProcess, type HarnessProcess } from '../e2e/harness-process.js';

/** Click on Sent -> the first thread row in the page and a frame painted after it. */
export async function openSentMs(page: Page): Promise<number> {
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
export async function rssMb(pid: number): Promise<{ current: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { current: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Scrolls the Sent list page by page (each page asked of main as the end nears), opening every other page's first thread. */
export async function scrollThrough(page: Page, pages: number): Promise<number> {
  const list = page.getByRole('list', { name: 'Sent threads' });
  for (let step = 0; step < pages; step++) {
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

// A string, not a function: tsx's helper for function names does not exist in the page.
const FRAME_PROBE = `(() => {
  const box = document.querySelector('.sent-scroll');
  const samples = [];
  window.__scrollFrames = samples;
  let pending = false;
  box.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    const start = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { samples.push(performance.now() - start); pending = false; };
      channel.port2.postMessage(null);
    });
  }, { passive: true });
})()`;

/**
 * Frame times while a person scrolls the list with the wheel: for each scroll event, the time
 * from the event to just after the next painted frame (the rows re-rendered, laid out and
 * painted), over `steps` wheel turns of three rows.
 */
export async function scrollFrameMs(page: Page, steps: number): Promise<number[]> {
  await page.evaluate(FRAME_PROBE);
  await page.locator('.sent-scroll').hover();
  for (let step = 0; step < steps; step++) {
    await page.mouse.wheel(0, step % 20 < 15 ? 240 : -240);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(100);
  return page.evaluate('window.__scrollFrames') as Promise<number[]>;
}

export interface SentViewFigures {
  /** Click on Sent -> first rows painted, per fresh window (the first, which warms SQLite's cache, left out). */
  open: number[];
  /** Scroll event -> next painted frame, while wheel-scrolling the loaded list. */
  frames: number[];
  /** Peak RSS of the harness process (services, SQLite, the bridge) after the session. */
  peakRssMb: number;
}

/**
 * A Sent-view session in the harness and Chromium over the history in `dataDir`: the view
 * opened in fresh windows, then scrolled page by page (`scrollPages` pages of 100 threads,
 * every other one's first thread opened), then wheel-scrolled for frame times.
 */
export async function measureSentView(dataDir: string, options: { openRuns: number; scrollPages: number; frameSteps: number }): Promise<SentViewFigures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let harness: HarnessProcess | null = null;
  try {
    harness = await startHarnessProcess(dataDir, { testHooks: false });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const open: number[] = [];
    for (let run = 0; run < options.openRuns + 1; run++) {
      await page.goto(harness.url);
      await page.getByTestId('app-version').waitFor();
      const ms = await openSentMs(page);
      if (run > 0) open.push(ms);
    }
    const rows = await scrollThrough(page, options.scrollPages);
    if (rows > 60) throw new Error(`the list kept ${rows} rows in the page: it is not virtualized`);
    await page.locator('.sent-scroll').evaluate((element) => element.scrollTo({ top: 0 }));
    const frames = await scrollFrameMs(page, options.frameSteps);
    if (frames.length < options.frameSteps / 2) throw new Error(`only ${frames.length} scroll frames were seen`);
    const memory = await rssMb(harness.child.pid!);
    process.stdout.write(`  ${rows} rows in the page after scrolling; harness RSS ${memory.current.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB\n`);
    return { open, frames, peakRssMb: memory.peak };
  } finally {
    await harness?.stop();
    await browser.close();
  }
}
