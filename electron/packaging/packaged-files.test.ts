import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');

interface Lock {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
}

/** Every file and folder of the project outside node_modules and .git, as electron-builder walks it. */
async function tree(): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full);
    if (/^(node_modules|\.git|test-results|playwright-report)(\/|$)/.test(relative)) continue;
    out.push(full);
  }
  return out;
}

describe('what npm run dist puts in app.asar', () => {
  it('takes the built bundles and package.json by electron-builder’s own `files` matching, and no source', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    const filter = new FileMatcher(root, '/app', (text: string) => text, config.files).createFilter();
    const packaged: string[] = [];
    for (const file of await tree()) {
      const stat = await lstat(file);
      if (stat.isFile() && filter(file, stat)) packaged.push(path.relative(root, file));
    }
    expect(packaged).toContain('package.json');
    for (const file of packaged) expect(file, `${file} would be packaged`).toMatch(/^(dist\/renderer\/|dist-electron\/|package\.json$)/);
  });

  it('copies no node_modules: every runtime package is bundled by Vite, so none is a production dependency', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies: Record<string, string> };
    const bundled = createRequire(import.meta.url)(path.join(root, 'scripts/bundled-packages.cjs')) as string[];
    for (const name of bundled) expect(pkg.devDependencies, `${name} is bundled by Vite`).toHaveProperty([name]);
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as Lock;
    // electron-builder copies the production dependency tree (what `npm ls --omit=dev` lists) into app.asar.
    const production = Object.entries(lock.packages)
      .filter(([name, entry]) => name.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
      .map(([name]) => name.slice('node_modules/'.length));
    expect(production).toEqual([]);
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
