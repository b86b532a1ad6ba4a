import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startHarness } from '../e2e/harness/server.js';
import { buildBigDoc, buildDocOfHtml, countParagraphs } from './fixtures/big-doc.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Page code (a string, so the bench's compiler adds no helpers to it): clicks the big draft
 * and resolves with the time until its last paragraph is in the editor and painted.
 */
function measureOpen(title: string, paragraphs: number): string {
  return `new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith(${JSON.stringify(title)}));
    const editor = document.querySelector('.ProseMirror');
    if (!button || !editor) return reject(new Error('no draft row or editor'));
    const start = performance.now();
    function check() {
      if (editor.querySelectorAll('p').length >= ${paragraphs}) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      } else {
        requestAnimationFrame(check);
      }
    }
    button.click();
    requestAnimationFrame(check);
  })`;
}
const RUNS = 12;

/**
 * drafts.open_200kb_ms and drafts.open_1mb_ms: a click on a 200 KB draft (a 1 MB one: a long
 * quoted thread, 1 MB as HTML) in the drafts list to the editor showing all of it, painted
 * (harness + Chromium, the same code path a person's click takes). drafts.open_1mb_quoted_ms:
 * the same 1 MB held in one quote under a first line, as a reply quotes a thread.
 */
const suite: BenchSuite = {
  name: 'drafts-open',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-open-'));
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const harness = await startHarness({ dataDir, staticDir: path.join(root, 'dist/harness'), version });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(harness.url);
      await page.getByTestId('app-version').waitFor();
      await page.evaluate(() => window.mailer!.accounts.list());
      const account = await page.evaluate(() =>
        window.mailer!.accounts.save({ label: 'Bench', from: { email: 'bench@example.com' }, settings: { provider: 'sandbox', timeoutMs: 30_000 }, signatureHtml: '' }),
      );
      if (!account.ok) throw new Error(account.error.message);
      const doc = buildBigDoc(200_000);
      const huge = buildDocOfHtml(1_000_000);
      const base = { accountId: account.value.id, to: [{ email: 'a@example.com' }], cc: [], bcc: [], showCc: false, showBcc: false, attachments: [] };
      const small = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'small' }] }] };
      for (const [subject, body] of [
        ['Big draft', { ...doc }],
        ['Huge draft', { ...huge }],
        // A reply's thread as mail clients quote it: one line, then one quote holding all of it.
        ['Quoted draft', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'On Monday Bea wrote:' }] }, { type: 'blockquote', content: huge.content }] }],
        ['Small draft', small],
      ] as [string, Record<string, unknown> & { type: string }][]) {
        const saved = await page.evaluate((content) => window.mailer!.drafts.save({ content }), { ...base, subject, doc: body });
        if (!saved.ok) throw new Error(saved.error.message);
      }
      const list = page.getByRole('list', { name: 'Drafts list' });
      await list.getByRole('button', { name: /^Big draft/ }).waitFor();
      const opens = async (title: string, paragraphs: number): Promise<number[]> => {
        const samples: number[] = [];
        for (let run = 0; run <= RUNS; run++) {
          await list.getByRole('button', { name: /^Small draft/ }).click();
          await page.getByLabel('Subject').and(page.locator('[value="Small draft"]')).waitFor();
          const ms = Number(await page.evaluate(measureOpen(title, paragraphs)));
          if (run > 0) samples.push(ms); // the first run warms the caches
        }
        return samples;
      };
      return {
        'drafts.open_200kb_ms': summarize(await opens('Big draft', countParagraphs(doc)), 'ms'),
        'drafts.open_1mb_ms': summarize(await opens('Huge draft', countParagraphs(huge)), 'ms'),
        'drafts.open_1mb_quoted_ms': summarize(await opens('Quoted draft', countParagraphs(huge) + 1), 'ms'),
      };
    } finally {
      await browser.close();
      await harness.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
