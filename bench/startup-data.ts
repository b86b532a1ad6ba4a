import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core.js';
import { createFileKeyCipher } from '../electron/services/vault/file-key-cipher.js';
import type { DraftContent } from '../shared/drafts.js';
import { preparedHistory } from './history-cache.js';

const DRAFTS = 500;
const ORIGIN = 'http://127.0.0.1:1';

/** A short letter's document, a few KB: what most drafts are. */
function letter(i: number): DraftContent['doc'] {
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return {
    type: 'doc',
    content: Array.from({ length: 12 }, (_, p) => paragraph(`Draft ${i}, paragraph ${p}: the quarterly numbers are in and the full report is attached for your review.`)),
  };
}

/**
 * A data folder as a long-time user's: a sandbox account, 500 drafts and a 50,000-message
 * history, built once per bench run (the history from bench/history-cache.ts) and copied
 * fresh for every start measured.
 */
export async function longTimeUserFolder(): Promise<{ copy(): Promise<string>; close(): Promise<void> }> {
  const template = await mkdtemp(path.join(tmpdir(), 'composer-bench-startup-'));
  await preparedHistory(template, { messages: 50_000, threads: 10_000, stepMs: 12 * 60 * 1000 });
  const core = createCore({
    info: { name: 'Composer', version: 'bench', dataDir: template, platform: process.platform, runtime: 'harness' },
    trustedOrigins: [ORIGIN],
    cipher: createFileKeyCipher(template),
  });
  const call = async (channel: string, input?: unknown) => {
    const result = await core.dispatch(channel, input, { url: `${ORIGIN}/`, isTopFrame: true });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as { id: string };
  };
  const { id } = await call('accounts:save', { label: 'Sandbox', from: { email: 'me@home.example' }, settings: { provider: 'sandbox' }, signatureHtml: '' });
  for (let i = 0; i < DRAFTS; i++) {
    const content: DraftContent = { accountId: id, to: [{ email: `person${i}@client.example` }], cc: [], bcc: [], subject: `Draft ${i}`, doc: letter(i), showCc: false, showBcc: false, attachments: [] };
    await call('drafts:save', { content });
  }
  core.close();
  const copies: string[] = [];
  return {
    async copy() {
      const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-start-'));
      await cp(template, dir, { recursive: true });
      copies.push(dir);
      return dir;
    },
    async close() {
      for (const dir of [template, ...copies]) await rm(dir, { recursive: true, force: true });
    },
  };
}
