import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualTime } from '../outbox/test-support.js';
import { DATABASE_FILE, openStorage, type Storage } from './database.js';
import { createIdleCheckpoint, IDLE_CHECKPOINT_MS } from './idle-checkpoint.js';

let dir: string;
let storage: Storage;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-idle-'));
  storage = openStorage({
    dataDir: dir,
    clock: () => 0,
    notices: { post: () => undefined },
    migrations: [{ owner: 'items', migrations: [{ version: 1, description: 'items', up: (db) => db.exec('CREATE TABLE items (name TEXT)') }] }],
  });
});
afterEach(async () => {
  storage.close();
  await rm(dir, { recursive: true, force: true });
});

const walBytes = () => statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size;

describe('checkpoint when the app goes idle', () => {
  it('empties the log into the database file once activity has stopped for a moment, not while it goes on', () => {
    const time = manualTime();
    const idle = createIdleCheckpoint({ checkpoint: storage.checkpoint, timers: time.timers });
    for (let i = 0; i < 20; i++) {
      storage.db.prepare('INSERT INTO items VALUES (?)').run(`row ${i}`);
      idle.activity();
      time.advance(IDLE_CHECKPOINT_MS / 2);
    }
    expect(walBytes()).toBeGreaterThan(0);
    time.advance(IDLE_CHECKPOINT_MS);
    expect(walBytes()).toBe(0);
    idle.stop();
  });

  it('after stop, activity schedules nothing', () => {
    const time = manualTime();
    const idle = createIdleCheckpoint({ checkpoint: storage.checkpoint, timers: time.timers });
    idle.stop();
    storage.db.prepare('INSERT INTO items VALUES (?)').run('late');
    idle.activity();
    time.advance(IDLE_CHECKPOINT_MS * 2);
    expect(walBytes()).toBeGreaterThan(0);
  });
});
