import { describe, expect, it } from 'vitest';
import { createAutosave, type AutosaveStatus, type AutosaveTimers } from './autosave.js';

/** Timers that run only when the test advances the clock. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: AutosaveTimers = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    now: () => now,
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      await Promise.resolve();
      await Promise.resolve();
    }
    now = end;
  };
  return { timers, advance, get now() { return now; } };
}

describe('autosave', () => {
  it('stops saying Saved at the first unsaved change, and says it again only once that change is on disk', async () => {
    const clock = fakeTimers();
    const statuses: AutosaveStatus['kind'][] = [];
    const autosave = createAutosave({ save: async () => undefined, quietMs: 300, maxWaitMs: 1_000, timers: clock.timers, onStatus: (s) => statuses.push(s.kind) });
    autosave.touch();
    expect(statuses).toEqual(['saving']);
    await clock.advance(300);
    expect(statuses.at(-1)).toBe('saved');
    autosave.touch();
    expect(statuses.at(-1)).toBe('saving');
    await clock.advance(300);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves once typing pauses', async () => {
    const clock = fakeTimers();
    const saves: number[] = [];
    const autosave = createAutosave({ save: async () => void saves.push(clock.now), quietMs: 300, maxWaitMs: 1_000, timers: clock.timers });
    autosave.touch();
    await clock.advance(100);
    autosave.touch();
    await clock.advance(299);
    expect(saves).toEqual([]);
    await clock.advance(1);
    expect(saves).toEqual([400]);
  });

  it('is never more than the maximum wait behind while typing never pauses', async () => {
    const clock = fakeTimers();
    const saves: number[] = [];
    const autosave = createAutosave({ save: async () => void saves.push(clock.now), quietMs: 300, maxWaitMs: 1_000, timers: clock.timers });
    for (let t = 0; t < 3_000; t += 50) {
      autosave.touch();
      await clock.advance(50);
    }
    expect(saves.length).toBeGreaterThanOrEqual(2);
    const gaps = saves.map((at, i) => at - (saves[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1_000);
  });

  it('saves at once on flush and not again when nothing changed', async () => {
    const clock = fakeTimers();
    let saves = 0;
    const autosave = createAutosave({ save: async () => void (saves += 1), quietMs: 300, maxWaitMs: 1_000, timers: clock.timers });
    autosave.touch();
    await autosave.flush();
    expect(saves).toBe(1);
    await autosave.flush();
    await clock.advance(5_000);
    expect(saves).toBe(1);
  });

  it('keeps a change made during a save and saves it after', async () => {
    const clock = fakeTimers();
    let release: () => void = () => undefined;
    let saves = 0;
    const autosave = createAutosave({
      save: () => {
        saves += 1;
        return saves === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      quietMs: 300,
      maxWaitMs: 1_000,
      timers: clock.timers,
    });
    autosave.touch();
    await clock.advance(300);
    autosave.touch(); // typed while the first save is on its way
    release();
    await autosave.flush();
    expect(saves).toBe(2);
    expect(autosave.dirty).toBe(false);
  });

  it('says a save failed, keeps the change and retries until it is saved', async () => {
    const clock = fakeTimers();
    const statuses: AutosaveStatus['kind'][] = [];
    let attempts = 0;
    const autosave = createAutosave({
      save: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('disk full');
      },
      quietMs: 300,
      maxWaitMs: 1_000,
      retryMs: [1_000, 2_000],
      onStatus: (s) => statuses.push(s.kind),
      timers: clock.timers,
    });
    autosave.touch();
    await clock.advance(300);
    expect(autosave.dirty).toBe(true);
    await clock.advance(1_000);
    expect(attempts).toBe(2);
    await clock.advance(2_000);
    expect(attempts).toBe(3);
    expect(autosave.dirty).toBe(false);
    expect(statuses).toEqual(['saving', 'failed', 'saving', 'failed', 'saving', 'saved']);
  });
});
