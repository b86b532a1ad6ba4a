import type { Timers } from '../outbox/timers.js';

export interface IdleCheckpointDeps {
  checkpoint(): void;
  timers: Timers;
  /** How long after the last activity the app counts as idle. */
  idleMs?: number;
  logError?: (error: unknown) => void;
}

export interface IdleCheckpoint {
  /** Something happened (a request from the window, a change in main): idleness starts over. */
  activity(): void;
  stop(): void;
}

export const IDLE_CHECKPOINT_MS = 5_000;

/**
 * Checkpoints the database once the app has been quiet for a moment, so the database file
 * itself (what a backup or a copy takes) holds recent work rather than only the log beside it.
 * One checkpoint per quiet spell: activity re-arms it, silence does not repeat it.
 */
export function createIdleCheckpoint(deps: IdleCheckpointDeps): IdleCheckpoint {
  const idleMs = deps.idleMs ?? IDLE_CHECKPOINT_MS;
  let timer: unknown;
  let stopped = false;
  return {
    activity() {
      if (stopped) return;
      if (timer !== undefined) deps.timers.clear(timer);
      timer = deps.timers.set(() => {
        timer = undefined;
        try {
          deps.checkpoint();
        } catch (error) {
          // A busy or locked log is caught up by the next quiet spell or by the checkpoint at quit.
          deps.logError?.(error);
        }
      }, idleMs);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) deps.timers.clear(timer);
      timer = undefined;
    },
  };
}
