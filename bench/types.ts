/** One measured metric as `bench/results.json` records it. */
export interface Metric {
  median: number;
  /** For a single-shot metric (`runs: 1`) the same number as `median`: there is no distribution. */
  p95: number;
  unit: string;
  /** How many trials the figures summarize. */
  runs?: number;
  /** Interquartile range over the median, across trials (0.2 = 20 %). */
  spread?: number;
  /** Set when `spread` exceeds 20 %: the figure moved that much between trials on this run. */
  noisy?: true;
  /** The machine the figure was measured on, when it was measured. */
  machine?: Machine;
}

export interface Machine {
  cores: number;
  /** 1, 5 and 15 minute load averages when the suite finished. */
  load: [number, number, number];
}

/** A bench suite: `bench/*.bench.ts` default-exports one; the runner runs them all. */
export interface BenchSuite {
  name: string;
  run(): Promise<Record<string, Metric>>;
}
