import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarness } from '../e2e/harness/server.js';
import { docToEmailHtml, type EmailDocNode } from '../shared/email-html.js';
import { buildBigDoc, buildDocOfHtml, countParagraphs } from './fixtures/big-doc.js';
import { percentile, summarize, summarizeRatios } from './stats.js';
import type { BenchSuite } from './types.js';

const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = 10;
const KEYS_PER_ROUND = 40;
const KEY_DELAY_MS = 40;

/**
 * Records, for each key pressed in `editable`, the time from the keydown to just after the
 * next frame was painted (a task queued from requestAnimationFrame runs after the paint).
 */
async function installProbe(page: Page, editable: string): Promise<void> {
  await page.evaluate((selector) => {
    const target = document.querySelector(selector);
    if (!target) throw new Error(`no ${selector}`);
    const samples: number[] = [];
    (window as unknown as { __typing: number[] }).__typing = samples;
    target.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  }, editable);
}

async function typeRound(page: Page, paragraph: string): Promise<number[]> {
  await page.locator(paragraph).click();
  await page.keyboard.press('End');
  const before = await page.evaluate(() => (window as unknown as { __typing: number[] }).__typing.length);
  await page.keyboard.type('the quick brown fox jumps over the lazy dog'.slice(0, KEYS_PER_ROUND), { delay: KEY_DELAY_MS });
  await page.waitForFunction((n) => (window as unknown as { __typing: number[] }).__typing.length >= n, before + KEYS_PER_ROUND);
  return page.evaluate((from) => (window as unknown as { __typing: number[] }).__typing.slice(from), before);
}

interface TypingFigures {
  rounds: [number, number][];
  composer: number[];
  plain: number[];
}

/**
 * A new message in `app` holding `doc` (pasted, as a long thread is), then ROUNDS rounds of
 * typing into it and into a bare contenteditable holding the same HTML, interleaved.
 */
async function typingIn(app: Page, browser: Browser, doc: EmailDocNode): Promise<TypingFigures> {
  await app.getByRole('button', { name: 'New message' }).click();
  const body = app.getByRole('textbox', { name: 'Message body' });
  const html = docToEmailHtml(doc);
  await body.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await app.locator('.ProseMirror p:nth-of-type(1000)').waitFor({ timeout: 120_000 });
  // The whole document must have landed, or the ratio would time a smaller one.
  const landed = await body.evaluate((element) => ({ paragraphs: element.querySelectorAll('p').length, text: element.textContent?.length ?? 0 }));
  const expected = countParagraphs(doc);
  if (landed.paragraphs < expected) throw new Error(`only ${landed.paragraphs} of ${expected} paragraphs reached the editor`);
  process.stdout.write(`  typing into ${landed.paragraphs} paragraphs, ${landed.text} characters of text (${(html.length / 1e6).toFixed(2)} MB of HTML)\n`);
  const editorHtml = await body.evaluate((element) => element.innerHTML);
  // The bare editor gets the composer's stylesheet, class and width, so both lay out the same text alike.
  const layout = await body.evaluate((element) => ({
    css: Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText))
      .join('\n'),
    width: element.getBoundingClientRect().width,
  }));

  const bare = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await bare.setContent(
      `<!doctype html><style>${layout.css}</style><div id="bare" class="editor-surface" contenteditable="true" spellcheck="true" style="width:${layout.width}px">${editorHtml}</div>`,
    );
    await installProbe(app, '.ProseMirror');
    await installProbe(bare, '#bare');
    const figures: TypingFigures = { rounds: [], composer: [], plain: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const inComposer = await typeRound(app, '.ProseMirror > p:nth-of-type(1000)');
      const inBare = await typeRound(bare, '#bare > p:nth-of-type(1000)');
      figures.composer.push(...inComposer);
      figures.plain.push(...inBare);
      figures.rounds.push([percentile(inComposer, 50), percentile(inBare, 50)]);
    }
    return figures;
  } finally {
    await bare.close();
  }
}

/**
 * composer.typing_ratio_200kb and composer.typing_ratio_1mb: key press -> next painted frame in
 * the composer holding a 200 KB document (a 1 MB one), over the same for a bare contenteditable holding the same HTML, both in
 * one Chromium run, rounds interleaved so machine noise hits both alike. Each round's ratio
 * (median key of the composer round over median key of the bare round after it) is one trial.
 */
const suite: BenchSuite = {
  name: 'composer-typing',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-typing-'));
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const harness = await startHarness({ dataDir, staticDir: path.join(root, 'dist/harness'), version });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const app = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await app.goto(harness.url);
      // As in e2e/composer-helpers.ts: the window's first account list must not land after the save.
      await app.getByTestId('app-version').waitFor();
      await app.evaluate(() => window.mailer!.accounts.list());
      const saved = await app.evaluate(() =>
        window.mailer!.accounts.save({ label: 'Bench', from: { email: 'bench@example.com' }, settings: { provider: 'sandbox', timeoutMs: 30_000 }, signatureHtml: '' }),
      );
      if (!saved.ok) throw new Error(saved.error.message);
      const small = await typingIn(app, browser, buildBigDoc(200_000));
      const large = await typingIn(app, browser, buildDocOfHtml(1_000_000));
      return {
        'composer.typing_ratio_200kb': summarizeRatios(small.rounds),
        'composer.typing_ms_200kb': summarize(small.composer, 'ms'),
        'composer.typing_bare_ms_200kb': summarize(small.plain, 'ms'),
        'composer.typing_ratio_1mb': summarizeRatios(large.rounds),
        'composer.typing_ms_1mb': summarize(large.composer, 'ms'),
        'composer.typing_bare_ms_1mb': summarize(large.plain, 'ms'),
      };
    } finally {
      await browser.close();
      await harness.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
