import { attachmentsMigrations } from '../electron/services/attachments/migrations.js';
import { createHistoryService, type HistoryService } from '../electron/services/history/history-service.js';
import { historyMigrations } from '../electron/services/history/migrations.js';
import { openStorage, type Storage } from '../electron/services/storage/database.js';

/**
 * The history as main opens it (the same storage, migrations and service), for the benches
 * that write or read a large one: no events, no files, Rebilly the one vendor without threads.
 */
export function openBenchHistory(dataDir: string, clock: () => number): { storage: Storage; history: HistoryService } {
  const storage = openStorage({ dataDir, clock, notices: { post: () => undefined }, migrations: [attachmentsMigrations, historyMigrations] });
  const history = createHistoryService({
    db: storage.db,
    clock,
    bus: { emit: () => undefined },
    providerFacts: (id) => ({ displayName: id, threading: id !== 'rebilly' }),
    openAttachment: () => Promise.reject(new Error('no files in this bench')),
    // As main: the index step after a record, not inside it.
    schedule: (work) => void setTimeout(work, 0),
  });
  return { storage, history };
}
