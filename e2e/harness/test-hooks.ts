import type { IncomingMessage, ServerResponse } from 'node:http';
import { noticeSchema } from '../../shared/ipc.js';
import type { Core } from '../../electron/core.js';

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

/** Answers a /__test/ request; false when the path is not a test hook. */
export async function handleTestHook(core: Core, pathname: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
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
