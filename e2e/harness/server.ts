import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createCore, type Core } from '../../electron/core.js';
import { buildCsp } from '../../electron/security/csp.js';
import { contentTypeFor, resolveAssetPath } from '../../electron/security/asset-path.js';
import { createRecordingNotifier, type Notification } from '../../electron/services/notifier.js';
import type { Cipher } from '../../electron/services/vault/cipher.js';
import { openConfSettingsFile } from '../../electron/services/settings/conf-file.js';
import { createFileKeyCipher } from '../../electron/services/vault/file-key-cipher.js';
import { hasAccess, socketHasAccess, TOKEN_COOKIE } from './access.js';
import { createQueuedFilePicker, type QueuedFilePicker } from './queued-file-picker.js';
import { handleTestHook } from './test-hooks.js';
import { createUploadArea } from './uploads.js';

// Not `import … from 'node:http'`: an ES import of node:http builds its module facade, which reads
// every export, and its WebSocket getter loads Node's bundled fetch library: some 20 ms of each start.
const { createServer } = process.getBuiltinModule('node:http');

export interface HarnessOptions {
  /** Where the services keep their data. */
  dataDir: string;
  /** The `vite build --mode harness` output. */
  staticDir: string;
  version: string;
  port?: number;
  testHooks?: boolean;
  /**
   * 'none' plays a Linux desktop without a keyring (safeStorage's basic_text), so the vault
   * asks for a passphrase or session-only keys. Defaults to the key-file cipher.
   */
  keychain?: 'file-key' | 'none';
  /** A `mailto:` link to open at start, as Electron does with one on its command line. */
  mailto?: string;
}

export interface Harness {
  /** Open this: it carries the per-run token. */
  url: string;
  origin: string;
  token: string;
  core: Core;
  /** The desktop notifications the app asked for, in order (the harness has no desktop). */
  notifications: readonly Notification[];
  close(): Promise<void>;
}

const BRIDGE_TAG = '<script type="module" src="./assets/harness-bridge.js"></script>';

/**
 * Serves the built renderer on 127.0.0.1 and runs the same core (services + handler
 * table) as Electron's main process, reachable from the page over a token-guarded
 * WebSocket that plays the preload's part.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('base64url');
  const indexHtml = (await readFile(path.join(options.staticDir, 'index.html'), 'utf8')).replace('<script', `${BRIDGE_TAG}\n    <script`);
  let host = '';
  let origin = '';
  let core: Core | null = null;
  let csp = '';
  const filePicker = createQueuedFilePicker();
  const notifier = createRecordingNotifier();

  const refuse = (response: ServerResponse) =>
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Refused: open the exact URL the harness printed; it carries the access token.');

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      if (!core || !hasAccess(request, token, host)) return refuse(response);
      const { pathname } = new URL(request.url ?? '/', origin);
      if (options.testHooks && (await handleTestHook(core, pathname, request, response, { notifications: notifier.shown }))) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return response.writeHead(405).end();
      const frame = core.frames.respond(pathname);
      if (frame) return response.writeHead(200, frame.headers).end(frame.body);
      const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
      if (pathname === '/' || pathname === '/index.html') {
        response.writeHead(200, {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
        return response.end(indexHtml);
      }
      const file = resolveAssetPath(options.staticDir, `${origin}${pathname}`);
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!file || !body) return response.writeHead(404, headers).end();
      response.writeHead(200, { ...headers, 'content-type': contentTypeFor(file) }).end(body);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  csp = buildCsp({ connectSrc: [`ws://${host}`] });
  const liveCore = createCore({
    info: { name: 'Composer', version: options.version, dataDir: options.dataDir, platform: process.platform, runtime: 'harness' },
    trustedOrigins: [origin],
    filePicker,
    notifier,
    // No OS keychain here: a key file in the data folder stands in for safeStorage.
    cipher: options.keychain === 'none' ? withoutKeychain(createFileKeyCipher(options.dataDir)) : createFileKeyCipher(options.dataDir),
    // No Electron here either: conf itself, where the app uses electron-store (conf with Electron's paths).
    openSettingsFile: openConfSettingsFile,
    logError: (channel, error) => console.error(`[harness] ${channel} failed:`, error instanceof Error ? error.message : 'unknown error'),
  });
  core = liveCore;
  // The same path Electron's main takes for a link it was launched with: held until the page asks.
  if (options.mailto !== undefined) liveCore.compose.openMailto(options.mailto);

  // What the page's file picker sends lands here until the pick copies it; a crash's leftovers go at the next start.
  const uploadRoot = path.join(options.dataDir, 'harness-uploads');
  await rm(uploadRoot, { recursive: true, force: true });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    if (!socketHasAccess(request, token, host, origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, liveCore, request.headers.origin ?? '', filePicker, uploadRoot));
  });
  const stopEvents = liveCore.bus.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of sockets.clients) client.send(frame);
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    core: liveCore,
    notifications: notifier.shown,
    async close() {
      stopEvents();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      liveCore.close();
    },
  };
}

/** Reports what safeStorage reports on Linux without a keyring; the vault must then never use it. */
function withoutKeychain(cipher: Cipher): Cipher {
  return { ...cipher, status: async () => ({ backend: 'basic_text', protects: false }) };
}

/** The bridge protocol over one socket: channel calls, and the files the page's own picker chose. */
function serveSocket(ws: WebSocket, core: Core, socketOrigin: string, picker: QueuedFilePicker, uploadRoot: string): void {
  const uploads = createUploadArea(uploadRoot);
  // One at a time: a chunk is written before the next message is read, so no file is written out of order.
  let turn = Promise.resolve();
  const inTurn = (work: () => Promise<void>) => {
    turn = turn.then(work).catch(() => undefined);
  };
  ws.on('close', () => inTurn(() => uploads.close()));
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      const frame = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      if (frame.length < 4) return;
      const upload = frame.readUInt32BE(0);
      inTurn(async () => ws.send(JSON.stringify({ upload, ...(await uploads.append(upload, frame.subarray(4))) })));
      return;
    }
    let request: { id?: unknown; channel?: unknown; input?: unknown; uploads?: unknown; upload?: unknown; name?: unknown; size?: unknown; discard?: unknown };
    try {
      request = JSON.parse(String(data)) as typeof request;
    } catch {
      return;
    }
    if (typeof request.upload === 'number' && typeof request.name === 'string' && typeof request.size === 'number') {
      const { upload, name, size } = request;
      inTurn(async () => {
        const refused = await uploads.begin(upload, name, size);
        ws.send(JSON.stringify(refused ? { upload, error: refused } : { upload, accepted: true }));
      });
      return;
    }
    if (isUploadList(request.discard)) {
      const ids = request.discard;
      inTurn(() => uploads.discard(ids));
      return;
    }
    if (typeof request.id !== 'number') return;
    const id = request.id;
    const answer = (result: unknown) => ws.send(JSON.stringify({ id, result }));
    if (request.channel === 'attachments:pick' && isUploadList(request.uploads)) {
      const ids = request.uploads;
      inTurn(async () => {
        const paths = uploads.finished(ids);
        if (!Array.isArray(paths)) return answer({ ok: false, error: paths });
        // The dispatcher calls the handler, and so the picker, in this same turn: the queued paths answer exactly this pick.
        picker.queue(paths);
        const result = await core.dispatch('attachments:pick', undefined, { url: socketOrigin, isTopFrame: true });
        await uploads.discard(ids);
        answer(result);
      });
      return;
    }
    // The socket plays the part of the window's top frame; its Origin was checked at upgrade.
    void core.dispatch(request.channel, request.input, { url: socketOrigin, isTopFrame: true }).then(answer);
  });
}

function isUploadList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length <= 100 && value.every((id) => Number.isInteger(id));
}
