/** What the autosave needs from the outside world; tests pass fake timers. */
export interface AutosaveTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export type AutosaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'failed'; message: string; retryInMs: number };

export interface AutosaveOptions {
  /** Persists the current state; throws to say it failed (the autosave retries). */
  save(): Promise<void>;
  /** Saves this long after the last change while typing pauses. */
  quietMs: number;
  /** ...and never later than this after the first unsaved change, even while typing goes on. */
  maxWaitMs: number;
  /** Waits between retries of a failed save, the last one repeated. */
  retryMs?: readonly number[];
  onStatus?(status: AutosaveStatus): void;
  timers?: AutosaveTimers;
}

export interface Autosave {
  /** Something changed: a save is due within `maxWaitMs`. */
  touch(): void;
  /** Saves now if anything is unsaved, after any save in flight; resolves when on disk or failed. */
  flush(): Promise<void>;
  readonly dirty: boolean;
  dispose(): void;
}

const defaultTimers: AutosaveTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

/**
 * A debounce with a maximum wait, so a draft is never more than `maxWaitMs` behind the
 * last keystroke even while typing never pauses. Saves never overlap: a change made while
 * a save is in flight is saved right after it. A failed save keeps the change unsaved and
 * is retried with growing waits, so nothing typed is dropped.
 */
export function createAutosave(options: AutosaveOptions): Autosave {
  const timers = options.timers ?? defaultTimers;
  const retryMs = options.retryMs ?? [1_000, 2_000, 5_000, 10_000, 30_000];
  let dirty = false;
  let firstDirtyAt = 0;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let failures = 0;
  let disposed = false;
  let said: AutosaveStatus['kind'] = 'idle';
  // "Saving…" once, from the first unsaved change until the save that ends it.
  const say = (status: AutosaveStatus) => {
    if (status.kind === 'saving' && said === 'saving') return;
    said = status.kind;
    options.onStatus?.(status);
  };

  const cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const schedule = (ms: number) => {
    cancel();
    timer = timers.setTimeout(() => {
      timer = null;
      void run();
    }, Math.max(0, ms));
  };

  const run = async (): Promise<void> => {
    if (running) return running;
    if (!dirty || disposed) return;
    dirty = false;
    say({ kind: 'saving' });
    running = options.save().then(
      () => {
        failures = 0;
        // Typed during the save: not all of it is on disk yet, so it is still "Saving…".
        if (!dirty) say({ kind: 'saved', at: timers.now() });
      },
      (error: unknown) => {
        if (!dirty) firstDirtyAt = timers.now();
        dirty = true;
        const wait = retryMs[Math.min(failures, retryMs.length - 1)] ?? 1_000;
        failures += 1;
        say({ kind: 'failed', message: error instanceof Error ? error.message : String(error), retryInMs: wait });
        if (!disposed) schedule(wait);
      },
    );
    try {
      await running;
    } finally {
      running = null;
    }
    // Changes made during the save: their own deadline still holds.
    if (dirty && failures === 0 && timer === null && !disposed) schedule(firstDirtyAt + options.maxWaitMs - timers.now());
  };

  return {
    touch() {
      if (disposed) return;
      const now = timers.now();
      // "Saved" would be untrue from the first unsaved change on: it says "Saving…" until it is.
      if (!dirty && failures === 0) say({ kind: 'saving' });
      if (!dirty) firstDirtyAt = now;
      dirty = true;
      if (failures > 0) return; // the retry timer is already set
      schedule(Math.min(options.quietMs, firstDirtyAt + options.maxWaitMs - now));
    },
    async flush() {
      cancel();
      if (running) await running;
      if (dirty) await run();
    },
    get dirty() {
      return dirty;
    },
    dispose() {
      disposed = true;
      cancel();
    },
  };
}
