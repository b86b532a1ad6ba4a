import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileKeyCipher } from '../electron/services/vault/file-key-cipher.js';
import { createCore } from '../electron/core.js';
import type { DraftContent, DraftSaved } from '../shared/drafts.js';
import { buildDocOfHtml } from './fixtures/big-doc.js';
import { summarize } from './stats.js';
import type { BenchSuite } from './types.js';

const ORIGIN = 'http://127.0.0.1:1';
const sender = { url: `${ORIGIN}/`, isTopFrame: true };
const OTHER_DRAFTS = 500;
const SAMPLES = 100;

/** A TipTap document of about `kb` KB serialized: paragraphs with bold, italic and links. */
function documentOf(kb: number, seed: string): DraftContent['doc'] {
  const content: unknown[] = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const paragraph = {
      type: 'paragraph',
      content: [
        { type: 'text', text: `${seed} paragraph ${i}: the quarterly numbers are in, ` },
        { type: 'text', marks: [{ type: 'bold' }], text: 'revenue is up' },
        { type: 'text', text: ' and the ' },
        { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://example.com/report' } }], text: 'full report' },
        { type: 'text', marks: [{ type: 'italic' }], text: ' is attached for review.' },
      ],
    };
    size += JSON.stringify(paragraph).length;
    content.push(paragraph);
  }
  return { type: 'doc', content };
}

function draftOf(doc: DraftContent['doc'], subject: string): DraftContent {
  return { accountId: 'acct-1', to: [{ name: 'Ann', email: 'ann@x.io' }], cc: [], bcc: [], subject, doc, showCc: false, showBcc: false, attachments: [] };
}

/**
 * Main-side drafts timings through the real dispatcher (input parsing, the service, SQLite
 * with WAL and synchronous=FULL, output parsing) on a database holding 500 other drafts of
 * about 200 KB each (~100 MB), in a temp folder on this machine's disk.
 */
const suite: BenchSuite = {
  name: 'drafts',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-bench-drafts-'));
    let now = Date.UTC(2025, 0, 6, 9, 0, 0);
    const core = createCore({
      info: { name: 'Composer', version: 'bench', dataDir, platform: process.platform, runtime: 'harness' },
      trustedOrigins: [ORIGIN],
      cipher: createFileKeyCipher(dataDir),
      // One second per save, as autosave while typing: a version is taken every 60 saves.
      clock: () => (now += 1_000),
    });
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const result = await core.dispatch(channel, input, sender);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    try {
      const body = documentOf(200, 'other');
      for (let i = 0; i < OTHER_DRAFTS; i++) await call('drafts:save', { content: draftOf(body, `Other draft ${i}`) });

      const saves = async (doc: DraftContent['doc'], subject: string): Promise<number[]> => {
        let saved = await call<DraftSaved>('drafts:save', { content: draftOf(doc, subject) });
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES + 10; i++) {
          // Typing changes the text between saves.
          const typed = draftOf({ ...doc, content: [...(doc.content as unknown[]), { type: 'paragraph', content: [{ type: 'text', text: `typed ${i}` }] }] }, subject);
          const started = performance.now();
          saved = await call<DraftSaved>('drafts:save', { id: saved.id, baseRevision: saved.revision, content: typed });
          const took = performance.now() - started;
          if (i >= 10) samples.push(took);
        }
        return samples;
      };
      const doc = documentOf(200, 'mine');
      const size = JSON.stringify(draftOf(doc, 'Mine')).length;
      if (size < 200 * 1024) throw new Error(`the document is ${size} characters, not 200 KB`);
      const saveSamples = await saves(doc, 'Mine');
      // A long quoted thread: 1 MB as the email's HTML.
      const saveSamples1mb = await saves(buildDocOfHtml(1_000_000) as DraftContent['doc'], 'Mine, 1 MB');

      const listSamples: number[] = [];
      for (let i = 0; i < 60; i++) {
        const started = performance.now();
        const list = await call<unknown[]>('drafts:list');
        const took = performance.now() - started;
        if (list.length !== OTHER_DRAFTS + 2) throw new Error(`listed ${list.length} drafts`);
        if (i >= 10) listSamples.push(took);
      }
      return {
        'drafts.save_ms_200kb': summarize(saveSamples, 'ms'),
        'drafts.save_ms_1mb': summarize(saveSamples1mb, 'ms'),
        'drafts.list_500_ms': summarize(listSamples, 'ms'),
      };
    } finally {
      await core.ready;
      core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
