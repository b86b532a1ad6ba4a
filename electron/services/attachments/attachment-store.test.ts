import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../storage/database.js';
import { ServiceError } from '../../../shared/service-error.js';
import { createAttachmentStore, type AttachmentStore } from './attachment-store.js';
import { attachmentsMigrations } from './migrations.js';

let dir: string;
let storage: Storage;
let queued: string[][];
let referenced: Set<string>;

function newStore(): AttachmentStore {
  return createAttachmentStore({
    db: storage.db,
    dataDir: path.join(dir, 'data'),
    clock: () => 1,
    picker: { pickFiles: async () => queued.shift() ?? [] },
    referencers: [() => referenced],
  });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-attachments-'));
  storage = openStorage({ dataDir: path.join(dir, 'data'), clock: () => 1, notices: { post: () => undefined }, migrations: [attachmentsMigrations] });
  queued = [];
  referenced = new Set();
});
afterEach(async () => {
  storage.close();
  await rm(dir, { recursive: true, force: true });
});

async function userFile(name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, 'home', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return file;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const copies = () => readdir(path.join(dir, 'data', 'attachments')).catch(() => [] as string[]);

async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ServiceError) return error.failure;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('attachment store', () => {
  it('copies a picked file, so deleting the original changes nothing', async () => {
    const bytes = randomBytes(300_000);
    const original = await userFile('report.pdf', bytes);
    queued.push([original]);
    const store = newStore();
    const [ref] = await store.pick();
    expect(ref).toMatchObject({ filename: 'report.pdf', mimeType: 'application/pdf', size: bytes.length });
    expect(ref!.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await rm(original);
    const stored = await store.open(ref!.token);
    expect(stored).toMatchObject({ filename: 'report.pdf', mimeType: 'application/pdf', size: bytes.length });
    expect(await copies()).toEqual([ref!.token]);
    expect(sha(await readFile(path.join(dir, 'data', 'attachments', ref!.token)))).toBe(sha(bytes));
    const blob = await stored.open();
    expect(blob.type).toBe('application/pdf');
    expect(sha(Buffer.from(await blob.arrayBuffer()))).toBe(sha(bytes));
  });

  it('answers an empty list when the person cancels the dialog', async () => {
    expect(await newStore().pick()).toEqual([]);
    expect(await copies()).toEqual([]);
  });

  it('names a picked file that vanished and attaches none of the batch', async () => {
    const fine = await userFile('fine.txt', 'ok');
    queued.push([fine, path.join(dir, 'home', 'gone.txt')]);
    const failure = await failureOf(() => newStore().pick());
    expect(failure.message).toMatch(/^"gone.txt" could not be read: it may have been moved or deleted.*Nothing was attached/);
    expect(await copies()).toEqual([]);
  });

  it('stores pasted bytes under a clean name, never a path from the renderer', async () => {
    const bytes = randomBytes(1_000);
    const store = newStore();
    const ref = await store.import({ filename: '../../etc/pass\u0007wd', mimeType: '', dataBase64: bytes.toString('base64') });
    expect(ref).toMatchObject({ filename: 'passwd', mimeType: 'application/octet-stream', size: 1_000 });
    expect(await copies()).toEqual([ref.token]);
    expect(sha(Buffer.from(await (await (await store.open(ref.token)).open()).arrayBuffer()))).toBe(sha(bytes));
  });

  it('refuses a pasted file over 25 MB with a sentence', async () => {
    const failure = await failureOf(() => newStore().import({ filename: 'big.mov', mimeType: 'video/quicktime', dataBase64: Buffer.alloc(26 * 1024 * 1024).toString('base64') }));
    expect(failure.message).toMatch(/"big.mov" is 26 MB; pasted or dropped files can be at most 25 MB\. Attach it with the file picker instead\./);
    expect(await copies()).toEqual([]);
  });

  it('says which attachment is gone when its copy was removed from the data folder', async () => {
    const store = newStore();
    const ref = await store.import({ filename: 'note.txt', mimeType: 'text/plain', dataBase64: Buffer.from('hi').toString('base64') });
    await rm(path.join(dir, 'data', 'attachments', ref.token));
    const failure = await failureOf(() => store.open(ref.token));
    expect(failure.message).toBe('The attachment "note.txt" is no longer stored by Composer. Remove it and attach the file again.');
  });

  it('releases only copies nothing references', async () => {
    const store = newStore();
    const kept = await store.import({ filename: 'kept.txt', mimeType: 'text/plain', dataBase64: 'a2VwdA==' });
    const dropped = await store.import({ filename: 'dropped.txt', mimeType: 'text/plain', dataBase64: 'ZHJvcA==' });
    referenced.add(kept.token);
    await store.release([kept.token, dropped.token]);
    expect(await copies()).toEqual([kept.token]);
    await expect(store.open(dropped.token)).rejects.toThrow(/no longer stored/);
  });

  it('sweeps at start what an earlier run left behind, and nothing this run added', async () => {
    const earlier = newStore();
    const needed = await earlier.import({ filename: 'needed.txt', mimeType: 'text/plain', dataBase64: 'bmVlZA==' });
    const orphan = await earlier.import({ filename: 'orphan.txt', mimeType: 'text/plain', dataBase64: 'b3JwaA==' });
    const folder = path.join(dir, 'data', 'attachments');
    await writeFile(path.join(folder, 'crashedmidcopy00000000.partial'), 'half');
    await writeFile(path.join(folder, 'strayfilewithnorow000000'), 'stray');
    referenced.add(needed.token);

    const next = newStore(); // a new run over the same folder
    const fresh = await next.import({ filename: 'fresh.txt', mimeType: 'text/plain', dataBase64: 'ZnJlc2g=' });
    expect(await next.sweep()).toEqual({ removed: 3 });
    expect((await copies()).sort()).toEqual([fresh.token, needed.token].sort());
    expect(existsSync(path.join(folder, orphan.token))).toBe(false);
    await expect(next.open(orphan.token)).rejects.toThrow(/no longer stored/);
  });

  it('asks every registered referencer before removing a copy', async () => {
    const store = newStore();
    const ref = await store.import({ filename: 'queued.txt', mimeType: 'text/plain', dataBase64: 'cQ==' });
    store.addReferencer(() => [ref.token]); // e.g. the outbox holding a frozen message
    await store.release([ref.token]);
    expect(await copies()).toEqual([ref.token]);
  });
});

describe('files dropped on the app icon (addFromPaths)', () => {
  it('copies each file, so the originals can go, and keeps their names and sizes', async () => {
    const bytes = randomBytes(40_000);
    const paths = [await userFile('report.pdf', bytes), await userFile('notes.txt', 'hello\n')];
    const { added, failed } = await newStore().addFromPaths(paths);
    expect(failed).toEqual([]);
    expect(added.map(({ filename, mimeType, size }) => ({ filename, mimeType, size }))).toEqual([
      { filename: 'report.pdf', mimeType: 'application/pdf', size: 40_000 },
      { filename: 'notes.txt', mimeType: 'text/plain', size: 6 },
    ]);
    await rm(path.join(dir, 'home'), { recursive: true });
    const opened = await newStore().open(added[0]?.token ?? '');
    expect(sha(Buffer.from(await (await opened.open()).arrayBuffer()))).toBe(sha(bytes));
  });

  it('attaches the files it can read and says which it could not, and why', async () => {
    const good = await userFile('a.csv', 'x,y\n');
    const folder = path.join(dir, 'home', 'Photos');
    await mkdir(folder, { recursive: true });
    const { added, failed } = await newStore().addFromPaths([path.join(dir, 'home', 'gone.txt'), good, folder]);
    expect(added.map((a) => a.filename)).toEqual(['a.csv']);
    expect(failed).toEqual([
      { filename: 'gone.txt', message: '"gone.txt" could not be read: it may have been moved or deleted, or you may not have permission to open it. It was not attached; drop it again once it is there.' },
      { filename: 'Photos', message: '"Photos" is a folder; only files can be attached. Drop the files inside it instead.' },
    ]);
    expect(await copies()).toHaveLength(1);
  });
});
