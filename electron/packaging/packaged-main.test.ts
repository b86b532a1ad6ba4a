import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mergeConfig } from 'vite';
import { build, compatRollupOptions } from 'vite-plugin-electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronMainOptions } from '../../vite.electron.js';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let work = '';
let bundle = '';

/**
 * Builds main exactly as `vite build` does (vite-plugin-electron's simple mode, the same
 * options as vite.config.ts) into a folder of its own, with a fake `electron` beside it.
 */
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'composer-built-main-'));
  const outDir = path.join(work, 'dist-electron');
  const options = mergeConfig({ vite: { build: compatRollupOptions({ rolldownOptions: { platform: 'node' } }) } }, electronMainOptions(root, outDir));
  await build(mergeConfig(options, { vite: { mode: 'production', root: path.join(root, 'renderer'), logLevel: 'silent' } }));
  bundle = path.join(outDir, 'main.js');
  await cp(path.join(import.meta.dirname, 'fake-electron'), path.join(work, 'node_modules/electron'), { recursive: true });
}, 180_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Call = [string, ...unknown[]];

/** Starts the built main with this environment and returns what it asked of Electron. */
async function startBuiltMain(packaged: boolean, env: Record<string, string>): Promise<{ calls: Call[]; userData: string }> {
  const userData = await mkdtemp(path.join(work, 'user-data-'));
  const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'run-built-main.mjs'), bundle], {
    env: { PATH: process.env.PATH ?? '', FAKE_ELECTRON_PACKAGED: packaged ? '1' : '0', FAKE_ELECTRON_USER_DATA: userData, ...env },
    timeout: 120_000,
  });
  return { calls: JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as Call[], userData };
}

describe('the built main bundle', () => {
  const devServer = 'http://127.0.0.1:5999/';

  it('when packaged, ignores VITE_DEV_SERVER_URL and COMPOSER_DATA_DIR: loads its own bundle and keeps data in userData', async () => {
    const elsewhere = path.join(work, 'elsewhere');
    const { calls, userData } = await startBuiltMain(true, { VITE_DEV_SERVER_URL: devServer, COMPOSER_DATA_DIR: elsewhere });
    expect(calls.filter(([what]) => what === 'app.setPath')).toEqual([]);
    expect(calls.filter(([what]) => what === 'loadURL')).toEqual([['loadURL', 'app://bundle/index.html']]);
    expect(await readdir(userData)).toContain('composer.sqlite');
    await expect(readdir(elsewhere)).rejects.toThrow();
  }, 150_000);

  it('from the source tree, honours both (how npm run dev and the e2e specs start it)', async () => {
    const elsewhere = path.join(work, 'dev-data');
    const { calls } = await startBuiltMain(false, { VITE_DEV_SERVER_URL: devServer, COMPOSER_DATA_DIR: elsewhere });
    expect(calls.filter(([what]) => what === 'app.setPath')).toEqual([['app.setPath', 'userData', elsewhere]]);
    expect(calls.filter(([what]) => what === 'loadURL')).toEqual([['loadURL', devServer]]);
    expect(await readdir(elsewhere)).toContain('composer.sqlite');
  }, 150_000);

  it('never trusts a dev server on another machine, even from the source tree', async () => {
    const { calls } = await startBuiltMain(false, { VITE_DEV_SERVER_URL: 'https://attacker.example/' });
    expect(calls.filter(([what]) => what === 'loadURL')).toEqual([['loadURL', 'app://bundle/index.html']]);
  }, 150_000);
});
