import { availableParallelism, loadavg } from 'node:os';
import type { Machine, Metric } from './types.js';

/** Above this interquartile spread a metric is marked noisy. */
const NOISY_SPREAD = 0.2;

/** Nearest-rank percentile of already-collected samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Median and p95 of the trials, how many there were, and their spread (IQR / median). A single
 * trial says `runs: 1` and carries no spread: its p95 is the one figure, not a distribution.
 */
export function summarize(samples: readonly number[], unit: string): Metric {
  const median = percentile(samples, 50);
  if (samples.length === 1) return { median: round(median), p95: round(median), unit, runs: 1 };
  const spread = median === 0 ? 0 : (percentile(samples, 75) - percentile(samples, 25)) / Math.abs(median);
  return {
    median: round(median),
    p95: round(percentile(samples, 95)),
    unit,
    runs: samples.length,
    spread: round(spread),
    ...(spread > NOISY_SPREAD ? { noisy: true as const } : {}),
  };
}

/** One figure measured once (a file size, a peak RSS read at the end). */
export const single = (value: number, unit: string): Metric => summarize([value], unit);

/**
 * A ratio metric from paired trials: each trial's own ratio, then the median and p95 of those
 * (the ratio of two p95s can sit below the ratio of the medians and means nothing).
 */
export function summarizeRatios(pairs: readonly (readonly [number, number])[]): Metric {
  return summarize(
    pairs.map(([measured, baseline]) => measured / baseline),
    'ratio',
  );
}

export function machine(): Machine {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return { cores: availableParallelism(), load: [round(one), round(five), round(fifteen)] };
}
