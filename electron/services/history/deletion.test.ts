import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ann, bob, contentOf, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
beforeEach(() => {
  f = historyFixture();
});
afterEach(() => f.cleanup());

const file = () => f.attachments.import({ filename: 'plan.pdf', mimeType: 'application/pdf', dataBase64: Buffer.from('plan').toString('base64') });

describe('delete with undo', () => {
  it('hides one message from the thread, its counts, search and suggestions, and restore brings all of it back', async () => {
    const first = await f.record({ content: contentOf({ to: [ann], text: 'alpha words' }), outcome: sent('a') });
    const second = await f.record({ replyToHistoryId: first.id, content: contentOf({ to: [bob], subject: 'Re: Quarterly numbers', text: 'bravo words' }), outcome: sent('b') });
    expect(second.threadId).toBe(first.threadId);
    const { deletionId, messages } = f.history.delete({ messageId: second.id });
    expect(messages).toBe(1);
    expect(f.history.thread(first.threadId).thread).toMatchObject({ count: 1, snippet: 'alpha words' });
    expect(f.history.search({ query: 'bravo', limit: 5 })).toEqual([]);
    expect(f.history.suggestRecipients('bob', 5)).toEqual([]);
    expect(f.events).toContainEqual(['history:changed', { kind: 'deleted', threadIds: [first.threadId] }]);

    f.history.restore(deletionId);
    expect(f.history.thread(first.threadId).thread).toMatchObject({ count: 2, snippet: 'bravo words' });
    expect(f.history.search({ query: 'bravo', limit: 5 })).toHaveLength(1);
    expect(f.history.suggestRecipients('bob', 5).map((s) => s.count)).toEqual([1]);
    expect(() => f.history.restore(deletionId)).toThrow(/can no longer be restored/);
  });

  it('deletes a whole thread out of the list, and says so when asked again', async () => {
    const kept = await f.record({ content: contentOf({ subject: 'Keep' }), outcome: sent('k') });
    const gone = await f.record({ content: contentOf({ subject: 'Drop' }), outcome: sent('d') });
    expect(f.history.delete({ threadId: gone.threadId }).messages).toBe(1);
    expect(f.history.threads({ limit: 10 }).threads.map((t) => t.id)).toEqual([kept.threadId]);
    expect(() => f.history.thread(gone.threadId)).toThrow(/no longer in the history/);
    expect(() => f.history.delete({ threadId: gone.threadId })).toThrow(/no longer in the history/);
  });

  it('purges at the next start, with the attachment copies no kept message or draft needs', async () => {
    const shared = await file();
    const own = await file();
    await f.record({ content: contentOf({ subject: 'Keeps shared' }), attachments: [shared], outcome: sent('1') });
    const doomed = await f.record({ content: contentOf({ subject: 'Doomed' }), attachments: [shared, own], outcome: sent('2') });
    const { deletionId } = f.history.delete({ threadId: doomed.threadId });
    await f.restart();
    expect(() => f.history.restore(deletionId)).toThrow(/until Composer restarts/);
    expect(f.history.search({ query: 'doomed', limit: 5 })).toEqual([]);
    expect(f.db.prepare('SELECT count(*) AS n FROM history_threads').get()).toEqual({ n: 1 });
    // The external-content index must still agree with the messages left (throws SQLITE_CORRUPT_VTAB if not).
    f.db.exec("INSERT INTO history_search (history_search, rank) VALUES ('integrity-check', 1)");
    expect(f.history.search({ query: 'shared', limit: 5 })).toHaveLength(1);
    expect(existsSync(path.join(f.dataDir, 'attachments', own.token))).toBe(false);
    expect(existsSync(path.join(f.dataDir, 'attachments', shared.token))).toBe(true);
  });
});
