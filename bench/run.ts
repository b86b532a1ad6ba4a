import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSuite, Metric } from './types.js';

/**
 * Runs every bench/*.bench.ts suite (or those named on the command line), prints a table
 * and merges them into bench/results.json as { "<metric>": { median, p95, unit } }: metrics of
 * suites not run this time keep their last values.
 */
const here = import.meta.dirname;
const only = new Set(process.argv.slice(2));
const files = (await readdir(here)).filter((file) => file.endsWith('.bench.ts')).sort();
const results: Record<string, Metric> = {};

for (const file of files) {
  // Only this folder's own *.bench.ts files are imported.
  // eslint-disable-next-line no-unsanitized/method
  const suite = ((await import(pathToFileURL(path.join(here, file)).href)) as { default: BenchSuite }).default;
  if (only.size > 0 && !only.has(suite.name)) continue;
  process.stdout.write(`running ${suite.name}…\n`);
  Object.assign(results, await suite.run());
}

const rows = Object.entries(results).map(([metric, m]) => [metric, String(m.median), String(m.p95), m.unit]);
const header = ['metric', 'median', 'p95', 'unit'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));

// Running some suites by name updates their metrics and keeps the others' last results.
const previous: Record<string, Metric> =
  only.size > 0 ? (JSON.parse(await readFile(path.join(here, 'results.json'), 'utf8').catch(() => '{}')) as Record<string, Metric>) : {};
await writeFile(path.join(here, 'results.json'), `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), path.join(here, 'results.json'))}`);
