import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = path.join(import.meta.dirname, 'electron-check.ts');
const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');
let root = '';
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'composer-electron-check-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function check(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [script], { env: { ...process.env, COMPOSER_ROOT: root } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm start / npm run dev without Electron’s binary', () => {
  it('says in one sentence what happened and what to do, with no stack trace, and stops', async () => {
    // What ELECTRON_SKIP_BINARY_DOWNLOAD=1 leaves: the package, without path.txt or dist/.
    await mkdir(path.join(root, 'node_modules/electron'), { recursive: true });
    await writeFile(path.join(root, 'node_modules/electron/package.json'), '{"name":"electron"}');
    const { code, stdout, stderr } = await check();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron’s program is not installed here .* run `npm run harness` to use the same app in your browser/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('lets Electron start when its binary is there', async () => {
    const dist = path.join(root, 'node_modules/electron/dist');
    await mkdir(dist, { recursive: true });
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    await writeFile(path.join(dist, 'electron'), '#!/bin/sh\n');
    await chmod(path.join(dist, 'electron'), 0o755);
    expect(await check()).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
