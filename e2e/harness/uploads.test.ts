import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHarness, type Harness } from './server.js';

let dir: string;
let harness: Harness;
let ws: WebSocket;
const replies: Record<string, unknown>[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'harness-uploads-'));
  const staticDir = path.join(dir, 'static');
  await mkdir(staticDir, { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<html><head><script></script></head></html>');
  harness = await startHarness({ dataDir: path.join(dir, 'data'), staticDir, version: '9.9.9' });
  ws = new WebSocket(`ws://${new URL(harness.origin).host}/bridge?token=${harness.token}`, { origin: harness.origin });
  ws.on('message', (data) => replies.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise((resolve) => ws.once('open', resolve));
});
afterAll(async () => {
  ws.close();
  await harness.close();
  await rm(dir, { recursive: true, force: true });
});

/** The next reply matching `match`, as the page's bridge waits for it. */
async function reply(match: (r: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const at = replies.findIndex(match);
    if (at !== -1) return replies.splice(at, 1)[0] ?? {};
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no reply');
}

function chunk(upload: number, bytes: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(upload);
  return Buffer.concat([head, bytes]);
}

async function upload(id: number, name: string, bytes: Buffer, chunkBytes = 64 * 1024): Promise<Record<string, unknown>> {
  ws.send(JSON.stringify({ upload: id, name, size: bytes.length }));
  const first = await reply((r) => r.upload === id);
  if ('error' in first) return first;
  let last = first;
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    ws.send(chunk(id, bytes.subarray(at, at + chunkBytes)));
    last = await reply((r) => r.upload === id);
  }
  return last;
}

const staged = async () => (await readdir(path.join(dir, 'data', 'harness-uploads'), { recursive: true }).catch(() => [])).filter((entry) => entry.includes('.'));

describe('files from the page\'s own file picker', () => {
  it('arrive in chunks and are attached by the same pick as the dialog\'s, byte for byte, and the uploads go', async () => {
    const bytes = randomBytes(200_003);
    expect(await upload(1, 'scan.pdf', bytes)).toEqual({ upload: 1, received: 200_003 });
    expect(await upload(2, 'empty.txt', Buffer.alloc(0))).toEqual({ upload: 2, accepted: true });
    ws.send(JSON.stringify({ id: 7, channel: 'attachments:pick', uploads: [1, 2] }));
    const picked = (await reply((r) => r.id === 7)).result as { ok: true; value: { token: string; filename: string; mimeType: string; size: number }[] };
    expect(picked.value.map(({ filename, mimeType, size }) => ({ filename, mimeType, size }))).toEqual([
      { filename: 'scan.pdf', mimeType: 'application/pdf', size: 200_003 },
      { filename: 'empty.txt', mimeType: 'text/plain', size: 0 },
    ]);
    const stored = await harness.core.attachments.open(picked.value[0]?.token ?? '');
    const copy = Buffer.from(await (await stored.open()).arrayBuffer());
    expect(createHash('sha256').update(copy).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await staged()).toEqual([]);
  });

  it('a file over the limit is refused before any byte, in the app\'s words; a file that grows on the way is refused', async () => {
    ws.send(JSON.stringify({ upload: 3, name: 'backup.zip', size: 101 * 1024 * 1024 }));
    expect(await reply((r) => r.upload === 3)).toMatchObject({ error: { kind: 'validation', message: '"backup.zip" is 101 MB; files over 100 MB cannot be attached. Share it through a link instead.' } });
    ws.send(JSON.stringify({ upload: 4, name: 'notes.txt', size: 3 }));
    await reply((r) => r.upload === 4);
    ws.send(chunk(4, Buffer.from('four')));
    expect(await reply((r) => r.upload === 4)).toMatchObject({ error: { message: '"notes.txt" changed while it was being attached. Pick it again.' } });
    ws.send(JSON.stringify({ id: 8, channel: 'attachments:pick', uploads: [4] }));
    expect((await reply((r) => r.id === 8)).result).toMatchObject({ ok: false, error: { message: 'A file did not arrive whole. Pick it again.' } });
    expect(await staged()).toEqual([]);
  });

  it('a name with a path in it keeps only its last part', async () => {
    expect(await upload(5, '../../outside/evil.txt', Buffer.from('x'))).toEqual({ upload: 5, received: 1 });
    ws.send(JSON.stringify({ id: 9, channel: 'attachments:pick', uploads: [5] }));
    expect((await reply((r) => r.id === 9)).result).toMatchObject({ ok: true, value: [{ filename: 'evil.txt', size: 1 }] });
  });
});
