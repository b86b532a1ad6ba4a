import { open, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftContent } from '../shared/drafts.js';
import type { AttachmentRef } from '../shared/message.js';
import type { Core } from './core.js';
import { call, testCore } from './core-test-support.js';
import { TRASH_FOLDER } from './services/attachments/attachment-trash.js';
import { DATABASE_FILE } from './services/storage/database.js';

/**
 * Stores keep what they cannot read: a damaged database is set aside, and the attachment copies
 * it points at stay where it points, through that start and every later one.
 */

let dir: string;
let picks: string[][];
const started: Core[] = [];

function start(): Core {
  const data = path.join(dir, 'data');
  const core = testCore(data, { filePicker: { pickFiles: async () => picks.shift() ?? [] } });
  started.push(core);
  return core;
}

function stop(core: Core): void {
  core.close();
  started.splice(started.indexOf(core), 1);
}

const content = (attachments: AttachmentRef[]): DraftContent => ({
  accountId: null,
  to: [{ email: 'bea@example.org' }],
  cc: [],
  bcc: [],
  subject: 'Signed lease',
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Attached.' }] }] },
  showCc: false,
  showBcc: false,
  attachments,
});

const copies = () => readdir(path.join(dir, 'data', 'attachments')).catch(() => [] as string[]);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-core-storage-'));
  picks = [];
});
afterEach(async () => {
  for (const core of started.splice(0)) core.close();
  await rm(dir, { recursive: true, force: true });
});

/** A first run that saves a draft with two attached files, then quits. */
async function draftWithFiles(): Promise<AttachmentRef[]> {
  const files = ['lease.pdf', 'photo.jpg'].map((name) => path.join(dir, name));
  await writeFile(files[0] ?? '', 'lease bytes');
  await writeFile(files[1] ?? '', 'photo bytes');
  const first = start();
  await first.ready;
  picks.push(files);
  const refs = await call<AttachmentRef[]>(first, 'attachments:pick');
  await call(first, 'drafts:save', { content: content(refs) });
  stop(first);
  return refs;
}

async function damageFirst32Bytes(): Promise<void> {
  const handle = await open(path.join(dir, 'data', DATABASE_FILE), 'r+');
  await handle.write(Buffer.alloc(32, 0x41), 0, 32, 0);
  await handle.close();
}

describe('a damaged database keeps its attachments', () => {
  it('overwriting the first 32 bytes: the file is set aside and every stored copy stays, through this start and the next', async () => {
    const refs = await draftWithFiles();
    expect((await copies()).sort()).toEqual(refs.map((r) => r.token).sort());
    await damageFirst32Bytes();

    const second = start();
    await second.ready;
    const notices = await call<{ id: string; text: string }[]>(second, 'notices:list');
    expect(notices.map((n) => n.id)).toContain('storage-set-aside');
    expect(await call<unknown[]>(second, 'drafts:list')).toEqual([]);
    expect((await copies()).sort()).toEqual(refs.map((r) => r.token).sort());
    stop(second);

    // The next start is healthy (the fresh database), and still references none of them.
    const third = start();
    await third.ready;
    expect((await copies()).sort()).toEqual(refs.map((r) => r.token).sort());
    for (const ref of refs) expect(await readFile(path.join(dir, 'data', 'attachments', ref.token), 'utf8')).toMatch(/bytes$/);
    // The set-aside database is still beside it, pointing at them.
    expect((await readdir(path.join(dir, 'data'))).some((f) => f.startsWith(`${DATABASE_FILE}.unreadable-`))).toBe(true);
  });

  it('a healthy start moves a copy nothing references into the trash instead of deleting it', async () => {
    const refs = await draftWithFiles();
    const again = start();
    await again.ready;
    const [draft] = await call<{ id: string }[]>(again, 'drafts:list');
    await call(again, 'drafts:delete', { id: draft?.id });
    stop(again);
    // Deleted drafts last until the next start, which purges them and then sweeps their copies.
    const swept = start();
    await swept.ready;
    // The previous run's release of the deleted draft's copies may still be moving them when it stops.
    await expect.poll(copies).toEqual([]);
    const trash = path.join(dir, 'data', TRASH_FOLDER);
    const trashed = (await Promise.all((await readdir(trash)).map((d) => readdir(path.join(trash, d))))).flat();
    expect(trashed.sort()).toEqual(refs.map((r) => r.token).sort());
  });

  it('quitting checkpoints: the database file alone holds the last draft', async () => {
    await draftWithFiles();
    const names = await readdir(path.join(dir, 'data'));
    expect(names).toContain(DATABASE_FILE);
    expect(names).not.toContain(`${DATABASE_FILE}-wal`);
  });
});
