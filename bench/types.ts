/** One measured metric as `bench/results.json` records it. */
export interface Metric {
  median: number;
  p95: number;
  unit: string;
}

/** A bench suite: `bench/*.bench.ts` default-exports one; the runner runs them all. */
export interface BenchSuite {
  name: string;
  run(): Promise<Record<string, Metric>>;
}
