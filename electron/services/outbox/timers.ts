/** One-shot timers, injected so tests move time by hand instead of waiting. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * setTimeout fires at once for anything past 2^31-1 ms (about 24.8 days), which a send-later
 * message can be; a capped timer just wakes the worker early, and it schedules again.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    // The outbox must never keep a process (a test, a tool) alive just by waiting.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
