import type { OutboxRow } from '../../shared/outbox.js';
import type { PendingWork, QuitCounts } from './quit-guard.js';

/**
 * What quitting would cut short, read from the outbox list: messages still inside their
 * undo-send delay, and messages being sent or due to go now (waiting only for the one
 * ahead of them on the same account). Send-later messages and retries waiting out a
 * back-off are not counted: the outbox takes them up again at the next start.
 *
 * Draft saves are not counted: the renderer writes a draft at most a second behind typing
 * and flushes it when the window closes; main cannot see a save the renderer has not sent.
 */
export function outboxPendingWork(outbox: { list(): OutboxRow[] }, now: () => number): PendingWork {
  return {
    counts(): QuitCounts {
      const at = now();
      let undoWindowCount = 0;
      let inFlightCount = 0;
      for (const row of outbox.list()) {
        if (row.state === 'sending') inFlightCount += 1;
        else if (row.state === 'queued' && !row.scheduled && row.attempts === 0) {
          if (row.sendAt > at) undoWindowCount += 1;
          else inFlightCount += 1;
        }
      }
      return { undoWindowCount, inFlightCount };
    },
  };
}
