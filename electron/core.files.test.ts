import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleMessage } from '../e2e/vendors/kit/send-fixtures.js';
import type { AttachmentRef } from '../shared/message.js';
import type { Core } from './core.js';
import { call, testCore } from './core-test-support.js';
import { createProviderRegistry } from './providers/registry.js';

let dir = '';
let data = '';
let picks: string[][] = [];
const started: Core[] = [];
const previousUmask = process.umask(0o022);

function start(): Core {
  const core = testCore(data, { filePicker: { pickFiles: async () => picks.shift() ?? [] } });
  started.push(core);
  return core;
}

/** Every entry under the folder with its permission bits, e.g. `attachments/Ab3 600`. */
async function modes(folder: string): Promise<string[]> {
  const out = [`. ${((await stat(folder)).mode & 0o777).toString(8)}`];
  for (const entry of await readdir(folder, { recursive: true })) out.push(`${entry} ${((await stat(path.join(folder, entry))).mode & 0o777).toString(8)}`);
  return out.sort();
}
const loose = (list: string[]) => list.filter((line) => !/ (600|700)$/.test(line));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-files-'));
  data = path.join(dir, 'data');
  picks = [];
  // The usual umask, under which a file made without a mode is 0644 and a folder 0755.
  process.umask(0o022);
});
afterEach(async () => {
  for (const core of started.splice(0)) core.close();
  process.umask(previousUmask);
  await rm(dir, { recursive: true, force: true });
});

describe('the data folder on disk', () => {
  it('is 0700, and every file Composer writes in it is 0600: database and its log, settings, key file, attachment copies, sandbox record', async () => {
    const picked = path.join(dir, 'report.pdf');
    await writeFile(picked, 'pdf bytes');
    await chmod(picked, 0o755);
    picks.push([picked]);
    const core = start();
    const attached = await call<AttachmentRef[]>(core, 'attachments:pick');
    await call(core, 'attachments:import', { filename: 'pasted.png', mimeType: 'image/png', dataBase64: Buffer.from('png').toString('base64') });
    await call(core, 'drafts:save', {
      content: { accountId: null, to: [], cc: [], bcc: [], subject: 'Plans', doc: { type: 'doc', content: [] }, showCc: false, showBcc: false, attachments: attached },
    });
    await call(core, 'accounts:save', { label: 'Billing', from: { email: 'ann@example.com' }, settings: { provider: 'stuut', emailSender: 'sndr_a' }, secret: 'stuut-key-0123456789' });
    const sandbox = createProviderRegistry({ sandboxRecordFile: path.join(data, 'sandbox-outbox.jsonl') }).sandbox;
    await sandbox.send(sampleMessage(), { id: 'a', settings: { provider: 'sandbox', timeoutMs: 30_000 }, secret: '' });

    const listed = await modes(data);
    for (const name of ['composer.sqlite', 'composer.sqlite-wal', 'composer.sqlite-shm', 'settings.json', 'vault.key', 'sandbox-outbox.jsonl', 'attachments']) {
      expect(listed.some((line) => line.startsWith(`${name} `)), `${name} is there`).toBe(true);
    }
    expect(listed.filter((line) => line.startsWith('attachments/'))).toHaveLength(2);
    expect(loose(listed)).toEqual([]);
    expect(listed).toContain('. 700');
  });

  it('closes a folder an older version left open (0755 with 0644 files) at the next start', async () => {
    await mkdir(path.join(data, 'attachments'), { recursive: true, mode: 0o755 });
    await chmod(data, 0o755);
    for (const file of ['composer.sqlite', 'composer.sqlite-wal', 'settings.json', 'attachments/old-copy']) await writeFile(path.join(data, file), '', { mode: 0o644 });
    // The start-up sweep removes the unreferenced copy; what it leaves must be closed too.
    await start().ready;
    const listed = await modes(data);
    expect(listed).toEqual(expect.arrayContaining(['. 700', 'attachments 700', 'composer.sqlite 600', 'settings.json 600']));
    expect(loose(listed)).toEqual([]);
  });
});
