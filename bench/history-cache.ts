import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../electron/services/storage/database.js';
import { corpus } from './fixtures/history-corpus.js';
import { bulkRecord } from './history-bulk.js';
import { openBenchHistory } from './history-store.js';

const root = path.resolve(import.meta.dirname, '..');
export const CORPUS_START = Date.UTC(2024, 0, 1);

/** The corpus asked for (bench/fixtures/history-corpus.ts). */
export interface HistoryShape {
  messages: number;
  threads: number;
  /** Step between two messages of the corpus. */
  stepMs: number;
  /** Threads of 1–40 messages rather than all alike. */
  varied?: boolean;
}

export interface GeneratedHistory extends HistoryShape {
  /** UTF-8 bytes of the subjects, addresses (names and emails), HTML and text recorded. */
  contentBytes: number;
  /** The time of the last message. */
  lastAt: number;
}

/** What the stored file depends on: the corpus, the database's setup and the history's schema and recorder. */
async function sourceKey(shape: HistoryShape): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(shape));
  const files = [
    'bench/fixtures/history-corpus.ts',
    'bench/history-bulk.ts',
    'electron/services/storage/database.ts',
    'electron/services/storage/transaction.ts',
    'electron/services/history/migrations.ts',
    'electron/services/history/compact-storage.ts',
    'electron/services/history/body-codec.ts',
    'electron/services/history/search-index.ts',
    'electron/services/history/deferred-index.ts',
    'electron/services/history/earlier-tries.ts',
    'electron/services/history/attempt-merge.ts',
    'electron/services/history/recorder.ts',
    'electron/services/history/thread-rows.ts',
    'electron/services/history/thread-placement.ts',
    'electron/services/history/recipients.ts',
  ];
  for (const file of files) hash.update(await readFile(path.join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

function addressBytes(list: readonly { name?: string; email: string }[]): number {
  return list.reduce((sum, a) => sum + Buffer.byteLength(a.email) + (a.name ? Buffer.byteLength(a.name) : 0), 0);
}

/** Messages recorded per outer transaction while generating: the recorder's own transactions join it. */
const BATCH = 500;
/** From this size on the corpus is written in bulk (bench/history-bulk.ts): the recorder's path would take an hour. */
const BULK_FROM = 200_000;

/**
 * Records the corpus through the app's own recorder (synchronous=OFF while generating only),
 * in batches, so the search index is written once per batch rather than once per message.
 */
async function generate(dataDir: string, shape: HistoryShape): Promise<GeneratedHistory> {
  const { messages } = shape;
  let now = CORPUS_START;
  const { storage, history } = openBenchHistory(dataDir, () => now);
  storage.db.exec('PRAGMA synchronous = OFF');
  let contentBytes = 0;
  const started = performance.now();
  let done = 0;
  function* counted() {
    for (const attempt of corpus({ ...shape, start: CORPUS_START })) {
      now = attempt.attemptedAt ?? now;
      const { content } = attempt;
      contentBytes += Buffer.byteLength(content.subject) + Buffer.byteLength(content.html) + Buffer.byteLength(content.text);
      contentBytes += addressBytes(content.to) + addressBytes(content.cc) + addressBytes(content.bcc) + (attempt.from ? addressBytes([attempt.from]) : 0);
      yield attempt;
      if (++done % 50_000 === 0) process.stdout.write(`  generating: ${done} of ${messages} messages, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
  }
  if (messages >= BULK_FROM) bulkRecord(storage.db, counted(), () => now);
  else {
    for (const attempt of counted()) {
      if (done % BATCH === 0) storage.db.exec('BEGIN');
      await history.record(attempt);
      if ((done + 1) % BATCH === 0) {
        // The index step the app runs after recording, here once per batch, inside it.
        history.indexPending();
        storage.db.exec('COMMIT');
      }
    }
    if (storage.db.isTransaction) {
      history.indexPending();
      storage.db.exec('COMMIT');
    }
  }
  storage.db.exec('PRAGMA optimize');
  storage.close();
  return { ...shape, contentBytes, lastAt: now };
}

/**
 * A generated history in `dataDir`: copied from ~/.cache/composer-bench when a file for the
 * same corpus and history code is there, else generated and stored there for the next run
 * (500,000 messages take minutes to record).
 */
export async function preparedHistory(dataDir: string, shape: HistoryShape): Promise<GeneratedHistory> {
  const { messages } = shape;
  const cacheDir = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'composer-bench', `history-${messages}-${await sourceKey(shape)}`);
  const meta = path.join(cacheDir, 'corpus.json');
  const cached = await readFile(meta, 'utf8').then((text) => JSON.parse(text) as GeneratedHistory, () => null);
  await mkdir(dataDir, { recursive: true });
  if (cached) {
    process.stdout.write(`  using the cached ${messages}-message history in ${cacheDir}\n`);
    await copyFile(path.join(cacheDir, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
    return cached;
  }
  const started = performance.now();
  const generated = await generate(dataDir, shape);
  process.stdout.write(`  generated ${messages} messages in ${((performance.now() - started) / 1000).toFixed(0)} s; caching in ${cacheDir}\n`);
  // Files of earlier code are of no more use; each is a gigabyte at 500k.
  const parent = path.dirname(cacheDir);
  await mkdir(parent, { recursive: true });
  for (const old of await readdir(parent)) {
    if (old.startsWith(`history-${messages}-`)) await rm(path.join(parent, old), { recursive: true, force: true });
  }
  const partial = `${cacheDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await copyFile(path.join(dataDir, DATABASE_FILE), path.join(partial, DATABASE_FILE));
  await writeFile(path.join(partial, 'corpus.json'), JSON.stringify(generated));
  await rename(partial, cacheDir);
  return generated;
}
