/**
 * Spawned by crash-safety.test.ts: saves one draft in a tight loop, as fast autosave would,
 * and prints "saved <revision>" only after each save returned (committed). The test kills
 * this process with SIGKILL at an arbitrary moment.
 */
import { systemClock } from '../clock.js';
import { openStorage } from '../storage/database.js';
import { createDraftsService } from './drafts-service.js';
import { draftsMigrations } from './migrations.js';
import { crashStateAt as stateAt } from './test-support.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-safety.child.ts <dataDir>');
const storage = openStorage({ dataDir, clock: systemClock, notices: { post: () => undefined }, migrations: [draftsMigrations] });
const drafts = createDraftsService({ db: storage.db, clock: systemClock, bus: { emit: () => undefined }, notices: { post: () => undefined } });

const first = drafts.save({ content: stateAt(1) });
const id = first.id;
let revision = first.revision;
process.stdout.write(`draft ${id}\nsaved ${revision}\n`);
for (;;) {
  ({ revision } = drafts.save({ id, baseRevision: revision, content: stateAt(revision + 1) }));
  process.stdout.write(`saved ${revision}\n`);
  // Yield so stdout reaches the parent while saves keep going.
  await new Promise((resolve) => setImmediate(resolve));
}
