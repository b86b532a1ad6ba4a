import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { startHarness } from './harness/server.js';

/** `npm run screenshot -- out.png`: the app in the harness, as a person first sees it. */
const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? 'docs/screenshot.png');
const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-shot-'));
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
const harness = await startHarness({ dataDir, staticDir: path.join(root, 'dist/harness'), version });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 780 } });
  await page.goto(harness.url);
  await page.getByTestId('app-version').waitFor();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await harness.close();
  await rm(dataDir, { recursive: true, force: true });
}
