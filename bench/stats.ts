import type { Metric } from './types.js';

/** Nearest-rank percentile of already-collected samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[], unit: string): Metric {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { median: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), unit };
}
