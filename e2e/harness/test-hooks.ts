import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { noticeSchema } from '../../shared/ipc.js';
import type { Core } from '../../electron/core.js';
import type { Notification } from '../../electron/services/notifier.js';

/**
 * The only test-only entry points, enabled by COMPOSER_TEST_HOOKS=1: they let a spec make
 * main do something it would otherwise do on its own (post a notice), so specs can wait
 * on what the app shows instead of sleeping.
 */
export function testHooksEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.COMPOSER_TEST_HOOKS === '1';
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/** What the hooks can reach besides the core. */
export interface TestHookContext {
  /** What the harness's recording notifier was asked to show. */
  notifications?: readonly Notification[];
}

const pickFilesSchema = z.object({ paths: z.array(z.string().min(1).refine((p) => path.isAbsolute(p), 'must be an absolute path')).max(100) });

/**
 * POST /__test/icon-files { paths }: plays files dropped on the dock or taskbar icon, through
 * the same core path Electron's main takes (copied, then sent to the page as compose:attach).
 */
async function dropOnIcon(core: Core, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = pickFilesSchema.safeParse(await readJson(request).catch(() => null));
  if (!body.success) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('Send { "paths": [absolute paths] }.');
    return;
  }
  const payload = await core.compose.attachFiles(body.data.paths);
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

const vaultCheckSchema = z.object({ label: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * Whether the key main would send with for the account labelled `label` has this SHA-256:
 * how a spec proves a key still works without any secret reaching the page or the spec.
 */
async function vaultCheck(core: Core, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const input = vaultCheckSchema.safeParse(await readJson(request).catch(() => null));
  if (!input.success) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('A vault check needs label and sha256 (hex).');
    return;
  }
  const account = (await core.accounts.list()).accounts.find((a) => a.label === input.data.label);
  if (!account) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('No account has that label.');
    return;
  }
  const answer = await core.accounts.resolveForSend(account.id).then(
    ({ secret }) => ({ matches: timingSafeEqual(createHash('sha256').update(secret).digest(), Buffer.from(input.data.sha256, 'hex')), error: null }),
    (error: unknown) => ({ matches: false, error: error instanceof Error ? error.message : 'unknown error' }),
  );
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
}

/** Answers a /__test/ request; false when the path is not a test hook. */
export async function handleTestHook(
  core: Core,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
  context: TestHookContext = {},
): Promise<boolean> {
  if (pathname === '/__test/vault-check' && request.method === 'POST') {
    await vaultCheck(core, request, response);
    return true;
  }
  if (pathname === '/__test/notifications' && request.method === 'GET') {
    // GET /__test/notifications: the desktop notifications shown so far, oldest first.
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(context.notifications ?? []));
    return true;
  }
  if (pathname === '/__test/icon-files' && request.method === 'POST') {
    await dropOnIcon(core, request, response);
    return true;
  }
  if (pathname !== '/__test/notice' || request.method !== 'POST') return false;
  const notice = noticeSchema.safeParse(await readJson(request).catch(() => null));
  if (!notice.success) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('A notice needs id, level and text.');
    return true;
  }
  core.notices.post(notice.data);
  response.writeHead(204).end();
  return true;
}
