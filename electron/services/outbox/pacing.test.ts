import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, paceTimes } from './pacing.js';

/** The most sends any window of `length` holds (windows are half-open, as a vendor counts them). */
function busiest(times: number[], length: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] as number) - (sorted[from] as number) >= length) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

describe('pacing', () => {
  it('spreads a batch evenly at the per-minute pace, starting no earlier than asked', () => {
    const times = paceTimes([], 4, 1_000, { perMinute: 6, perDay: 100 });
    expect(times).toEqual([1_000, 11_000, 21_000, 31_000]);
  });

  it('waits for the next day rather than breach the daily cap, counting sends already made', () => {
    const earlier = [0, 1, 2];
    const times = paceTimes(earlier, 2, 10, { perMinute: 60, perDay: 4 });
    expect(times[0]).toBe(10);
    expect(times[1]).toBeGreaterThanOrEqual(DAY_MS);
  });

  it('never puts more in a minute or a day than the pace allows, whatever was already due (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 * DAY_MS }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 2 * DAY_MS }),
        (taken, count, perMinute, perDay, earliest) => {
          const pace = { perMinute, perDay };
          const times = paceTimes(taken, count, earliest, pace);
          expect(times).toHaveLength(count);
          for (const t of times) expect(t).toBeGreaterThanOrEqual(earliest);
          const all = [...taken, ...times];
          // A window holding any added send holds at most the pace; others hold only what was there.
          expect(busiest(all, MINUTE_MS)).toBeLessThanOrEqual(Math.max(perMinute, busiest(taken, MINUTE_MS)));
          expect(busiest(all, DAY_MS)).toBeLessThanOrEqual(Math.max(perDay, busiest(taken, DAY_MS)));
          expect(busiest(times, MINUTE_MS)).toBeLessThanOrEqual(perMinute);
          expect(busiest(times, DAY_MS)).toBeLessThanOrEqual(perDay);
        },
      ),
      { numRuns: 200 },
    );
  });
});
