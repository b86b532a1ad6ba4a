import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHarness, type Harness } from './server.js';

let dir = '';
let staticDir = '';
const running: Harness[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'harness-mailto-'));
  staticDir = path.join(dir, 'static');
  await mkdir(staticDir, { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
  await rm(dir, { recursive: true, force: true });
});

async function start(mailto?: string): Promise<Harness> {
  const harness = await startHarness({ dataDir: path.join(dir, `data-${running.length}`), staticDir, version: '1.0.0', ...(mailto !== undefined ? { mailto } : {}) });
  running.push(harness);
  return harness;
}

/** A socket as the page's bridge opens it: token in the query, the harness's own origin. */
async function connect(harness: Harness): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${new URL(harness.origin).host}/bridge?token=${harness.token}`, { origin: harness.origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

let nextId = 1;
function call(ws: WebSocket, channel: string): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve) => {
    ws.on('message', function listener(data) {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== id) return;
      ws.off('message', listener);
      resolve(message.result);
    });
    ws.send(JSON.stringify({ id, channel }));
  });
}

describe('harness --mailto', () => {
  it('hands the page the link it was started with through compose:pending, once', async () => {
    const harness = await start('mailto:ann@x.io,bob@y.org?cc=c@z.com&bcc=d@w.net&subject=Caf%C3%A9&body=Hi%0D%0Athere&in-reply-to=%3Cx@y%3E');
    const ws = await connect(harness);
    expect(await call(ws, 'compose:pending')).toEqual({
      ok: true,
      value: [
        expect.objectContaining({
          to: [{ email: 'ann@x.io' }, { email: 'bob@y.org' }],
          cc: [{ email: 'c@z.com' }],
          bcc: [{ email: 'd@w.net' }],
          subject: 'Café',
          doc: '<p>Hi<br>there</p>',
          draft: null,
          sign: true,
          notice: null,
        }),
      ],
    });
    expect(await call(ws, 'compose:pending')).toEqual({ ok: true, value: [] });
    ws.close();
  });

  it('opens an empty composer with a notice for a malformed link', async () => {
    const harness = await start('mailto:ann@x.io?subject=%E2%82');
    const ws = await connect(harness);
    const result = (await call(ws, 'compose:pending')) as { ok: true; value: Array<Record<string, unknown>> };
    expect(result.value).toEqual([
      expect.objectContaining({ to: [], cc: [], bcc: [], subject: '', doc: '<p></p>', notice: expect.stringContaining('broken %-escape in its subject') }),
    ]);
    ws.close();
  });

  it('without a link has nothing pending, and a link arriving later comes as a compose:open event', async () => {
    const harness = await start();
    const ws = await connect(harness);
    expect(await call(ws, 'compose:pending')).toEqual({ ok: true, value: [] });
    const event = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    harness.core.compose.openMailto('mailto:later@x.io?subject=Second%20launch');
    expect(await event).toEqual({ event: 'compose:open', payload: expect.objectContaining({ to: [{ email: 'later@x.io' }], subject: 'Second launch' }) });
    ws.close();
  });

  it('offers no default-mail-client setting in the harness, and says why', async () => {
    const harness = await start();
    const ws = await connect(harness);
    const explanation = 'Only the installed Composer app can become your default mail app; this copy cannot.';
    expect(await call(ws, 'mailClient:status')).toEqual({ ok: true, value: { available: false, isDefault: false, actionLabel: '', explanation } });
    expect(await call(ws, 'mailClient:makeDefault')).toEqual({ ok: false, error: { kind: 'unsupported', message: explanation } });
    ws.close();
  });
});
