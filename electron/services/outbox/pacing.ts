import { providerIdSchema, type ProviderId } from '../../../shared/accounts.js';
import { providerRules } from '../../../shared/providers/catalogue.js';
import type { Pace } from '../../../shared/batch.js';

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

const GENTLE_PACE = { pace: { perMinute: 60, perDay: 10_000 }, source: 'This vendor documents no sending limit; this pace keeps a batch gentle.' };

/** Each vendor's own guidance (from the provider catalogue), and where it comes from (shown beside the pace fields). */
export function defaultPace(provider: ProviderId | string): { pace: Pace; source: string } {
  const parsed = providerIdSchema.safeParse(provider);
  const guidance = parsed.success ? providerRules(parsed.data).pace : undefined;
  return guidance ? { pace: { perMinute: guidance.perMinute, perDay: guidance.perDay }, source: guidance.source } : { pace: { ...GENTLE_PACE.pace }, source: GENTLE_PACE.source };
}

/** How many of the sorted `times` fall in the open interval (from, to). */
function countBetween(times: readonly number[], from: number, to: number): number {
  return lowerBound(times, to) - upperBound(times, from);
}

function lowerBound(times: readonly number[], value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(times: readonly number[], value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Send times for `count` new messages through one account, none before `earliest`, spread
 * evenly at the per-minute pace, such that no window of a minute or of a day around any
 * of them holds more than the pace allows, counting `taken` (the account's other sends,
 * done or due). A window is checked on both sides of a time, so later sends already
 * scheduled are respected too.
 */
export function paceTimes(taken: readonly number[], count: number, earliest: number, pace: Pace): number[] {
  const times = [...taken].sort((a, b) => a - b);
  const spacing = Math.ceil(MINUTE_MS / pace.perMinute);
  const out: number[] = [];
  let t = earliest;
  for (let i = 0; i < count; i++) {
    for (;;) {
      const fullMinute = countBetween(times, t - MINUTE_MS, t + MINUTE_MS) >= pace.perMinute;
      const fullDay = countBetween(times, t - DAY_MS, t + DAY_MS) >= pace.perDay;
      if (!fullMinute && !fullDay) break;
      const window = fullDay ? DAY_MS : MINUTE_MS;
      // The earliest send inside the window around t: once it is a window behind, there is room.
      const oldest = times[upperBound(times, t - window)] as number;
      t = Math.max(t + 1, oldest + window);
    }
    out.push(t);
    times.splice(lowerBound(times, t), 0, t);
    t += spacing;
  }
  return out;
}
