import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHarness, type Harness } from './server.js';

let dir: string;
let harness: Harness;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'harness-test-'));
  const staticDir = path.join(dir, 'static');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>');
  await writeFile(path.join(staticDir, 'assets/app.js'), 'console.log("app")');
  harness = await startHarness({ dataDir: path.join(dir, 'data'), staticDir, version: '9.9.9' });
});
afterAll(async () => {
  await harness.close();
  await rm(dir, { recursive: true, force: true });
});

function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  return fetch(`${harness.origin}${pathAndQuery}`, { headers, redirect: 'manual' });
}

function rawGet(pathAndQuery: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(harness.origin);
    const req = httpRequest({ host: '127.0.0.1', port: url.port, path: pathAndQuery, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

type Opened = { ws: WebSocket; opened: true } | { opened: false; status: number };
function openSocket(query: string, origin: string): Promise<Opened> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${new URL(harness.origin).host}/bridge${query}`, { origin });
    ws.once('open', () => resolve({ ws, opened: true }));
    ws.once('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ opened: false, status: 0 }));
  });
}

function call(ws: WebSocket, channel: string, input?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const id = Math.floor(Math.random() * 1e9);
    ws.on('message', function listener(data) {
      const message = JSON.parse(String(data)) as { id: number; result: unknown };
      if (message.id !== id) return;
      ws.off('message', listener);
      resolve(message.result);
    });
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

describe('browser harness access', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('refuses the page without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=guess')).status).toBe(403);
    expect((await get(`/?token=${harness.token}x`)).status).toBe(403);
  });

  it('serves the page with the token, with the bridge injected and a strict CSP', async () => {
    const response = await get(`/?token=${harness.token}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.indexOf('harness-bridge.js')).toBeLessThan(html.indexOf('assets/app.js'));
    expect(response.headers.get('content-security-policy')).toContain(`connect-src ws://${new URL(harness.origin).host}`);
    expect(response.headers.get('set-cookie')).toContain('SameSite=Strict');
  });

  it('serves assets only to a caller holding the token cookie', async () => {
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/assets/app.js', { cookie: `harness_token=${harness.token}` })).status).toBe(200);
    expect((await get('/assets/app.js', { cookie: 'harness_token=nope' })).status).toBe(403);
  });

  it('refuses a request that names another Host, as a rebinding page would', async () => {
    expect(await rawGet(`/?token=${harness.token}`, 'attacker.example:80')).toBe(403);
  });

  it('refuses test hooks unless they were enabled', async () => {
    const response = await fetch(`${harness.origin}/__test/notice?token=${harness.token}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
  });

  it('refuses a socket without the token, with a wrong one, or from another origin', async () => {
    expect(await openSocket('', harness.origin)).toEqual({ opened: false, status: 403 });
    expect(await openSocket('?token=wrong', harness.origin)).toEqual({ opened: false, status: 403 });
    expect(await openSocket(`?token=${harness.token}`, 'https://evil.example')).toEqual({ opened: false, status: 403 });
  });

  it('answers the contract over an authorised socket, and rejects malformed input', async () => {
    const socket = await openSocket(`?token=${harness.token}`, harness.origin);
    if (!socket.opened) throw new Error(`socket refused: ${socket.status}`);
    expect(await call(socket.ws, 'app:info')).toEqual({
      ok: true,
      value: { name: 'Composer', version: '9.9.9', dataDir: path.join(dir, 'data'), platform: process.platform, runtime: 'harness' },
    });
    expect(await call(socket.ws, 'notices:dismiss', { id: 7 })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await call(socket.ws, 'fs:read', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    socket.ws.close();
  });

  it('pushes main’s events to the page', async () => {
    const socket = await openSocket(`?token=${harness.token}`, harness.origin);
    if (!socket.opened) throw new Error('socket refused');
    const event = new Promise((resolve) => socket.ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    harness.core.notices.post({ id: 'n', level: 'info', text: 'Hello' });
    expect(await event).toEqual({ event: 'notices:changed', payload: [{ id: 'n', level: 'info', text: 'Hello' }] });
    socket.ws.close();
  });
});
