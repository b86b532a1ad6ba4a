import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../storage/database.js';
import { createDraftsService } from './drafts-service.js';
import { draftsMigrations } from './migrations.js';
import { crashStateAt } from './test-support.js';

const child = path.join(import.meta.dirname, 'crash-safety.child.ts');

describe('crash safety', () => {
  it('keeps the last committed save intact when the process holding the drafts is SIGKILLed', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-crash-'));
    try {
      const writer = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let draftId = '';
      let lastSaved = 0;
      const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.once('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        writer.once('exit', (code) => reject(new Error(`the writer stopped by itself (exit ${String(code)})`)));
        createInterface({ input: writer.stdout }).on('line', (line) => {
          const [word, value] = line.split(' ');
          if (word === 'draft') draftId = value ?? '';
          if (word === 'saved') lastSaved = Number(value);
          // Kill in the middle of a burst of saves, not at a quiet moment.
          if (lastSaved === 60) {
            writer.kill('SIGKILL');
            resolve();
          }
        });
      });
      expect(await exited).toBe('SIGKILL');

      const storage = openStorage({ dataDir, clock: Date.now, notices: { post: () => undefined }, migrations: [draftsMigrations] });
      try {
        const drafts = createDraftsService({ db: storage.db, clock: Date.now, bus: { emit: () => undefined }, notices: { post: () => undefined } });
        const draft = drafts.get(draftId);
        // Saves after the last one reported may also have committed; none reported may be missing.
        expect(draft.revision).toBeGreaterThanOrEqual(lastSaved);
        expect(draft.content).toEqual(crashStateAt(draft.revision));
        expect(storage.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      } finally {
        storage.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
