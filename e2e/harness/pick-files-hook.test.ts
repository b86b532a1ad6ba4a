import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './server.js';

let dir: string;
let harness: Harness;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'harness-pick-'));
  const staticDir = path.join(dir, 'static');
  await mkdir(staticDir, { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<html><head><script></script></head></html>');
  harness = await startHarness({ dataDir: path.join(dir, 'data'), staticDir, version: '9.9.9', testHooks: true });
});
afterAll(async () => {
  await harness.close();
  await rm(dir, { recursive: true, force: true });
});

const queue = (body: unknown) =>
  fetch(`${harness.origin}/__test/pick-files?token=${harness.token}`, { method: 'POST', body: JSON.stringify(body) });
const pick = () => harness.core.dispatch('attachments:pick', undefined, { url: `${harness.origin}/`, isTopFrame: true });

describe('harness file picker', () => {
  it('answers the next pick with the paths a spec queued, then behaves as a cancel', async () => {
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'twelve bytes');
    expect((await queue({ paths: [file] })).status).toBe(204);
    expect(await pick()).toMatchObject({ ok: true, value: [{ filename: 'notes.txt', mimeType: 'text/plain', size: 12 }] });
    expect(await pick()).toEqual({ ok: true, value: [] });
  });

  it('refuses a queue that is not a list of absolute paths', async () => {
    const response = await queue({ paths: ['relative.txt'] });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/absolute paths/);
  });
});
