import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { electronBinary } from './electron-binary.js';
import { startHarness, type Harness, type HarnessOptions } from './harness/server.js';

const root = path.resolve(import.meta.dirname, '..');

export interface AppUnderTest {
  page: Page;
  runtime: 'electron' | 'harness';
  dataDir: string;
  /** Only in the harness: the running harness, for specs that talk to it from outside the page. */
  harness: Harness | null;
}

/** How a spec's app starts (`test.use({ launch: { mailto } })`): the link is on its command line. */
export type LaunchOptions = Pick<HarnessOptions, 'mailto'>;

/**
 * Opens the app the way a person would: real Electron when its binary is installed,
 * otherwise the browser harness in Debian's Chromium. Every test gets a fresh data folder.
 */
export const test = base.extend<{ app: AppUnderTest; launch: LaunchOptions }>({
  launch: [{}, { option: true }],
  app: async ({ launch }, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-e2e-'));
    const executable = electronBinary(root);
    if (executable) {
      const electronApp = await _electron.launch({
        executablePath: executable,
        args: launch.mailto === undefined ? [root] : [root, launch.mailto],
        env: { ...process.env, COMPOSER_DATA_DIR: dataDir },
      });
      await use({ page: await electronApp.firstWindow(), runtime: 'electron', dataDir, harness: null });
      await electronApp.close();
    } else {
      const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
      const harness = await startHarness({ dataDir, staticDir: path.join(root, 'dist/harness'), version, testHooks: true, ...launch });
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      // A page of its own context: AxeBuilder opens a helper page beside it, which newPage()'s page refuses.
      const page = await (await browser.newContext()).newPage();
      await page.goto(harness.url);
      await use({ page, runtime: 'harness', dataDir, harness });
      await browser.close();
      await harness.close();
    }
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
