import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from './stats.js';
import type { BenchSuite, Metric } from './types.js';

/**
 * Runs every bench/*.bench.ts suite, or only those named (`--only history`, repeatable, or bare
 * names), printing each suite's figures as it finishes, and merges them into bench/results.json
 * as { "<metric>": { median, p95, unit, runs, spread, noisy?, machine } } after every suite:
 * metrics not measured this time keep their last values, and a run cut short keeps what it got.
 */
const here = import.meta.dirname;
const resultsFile = path.join(here, 'results.json');
const { values, positionals } = parseArgs({ options: { only: { type: 'string', multiple: true } }, allowPositionals: true });
const only = new Set([...(values.only ?? []), ...positionals]);

const files = (await readdir(here)).filter((file) => file.endsWith('.bench.ts')).sort();
const suites: BenchSuite[] = [];
for (const file of files) {
  // Only this folder's own *.bench.ts files are imported.
  // eslint-disable-next-line no-unsanitized/method
  const suite = ((await import(pathToFileURL(path.join(here, file)).href)) as { default: BenchSuite }).default;
  if (only.size === 0 || only.has(suite.name)) suites.push(suite);
}
const unknown = [...only].filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) throw new Error(`no bench suite named ${unknown.join(', ')}`);

function table(results: Record<string, Metric>): string {
  const rows = Object.entries(results).map(([metric, m]) => [
    metric,
    String(m.median),
    m.runs === 1 ? '(1 run)' : String(m.p95),
    m.unit,
    m.runs === undefined ? '' : String(m.runs),
    m.spread === undefined ? '' : `${Math.round(m.spread * 100)} %${m.noisy ? ' noisy' : ''}`,
  ]);
  const header = ['metric', 'median', 'p95', 'unit', 'runs', 'spread'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const readResults = async () => JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}')) as Record<string, Metric>;
const runStarted = performance.now();
for (const [index, suite] of suites.entries()) {
  const started = performance.now();
  const before = machine();
  process.stdout.write(`[${index + 1}/${suites.length}] ${suite.name}: running (${before.cores} cores, load ${before.load.join(' ')})…\n`);
  const measured = await suite.run();
  const after = machine();
  const results = Object.fromEntries(Object.entries(measured).map(([name, metric]) => [name, { ...metric, machine: after }]));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`[${index + 1}/${suites.length}] ${suite.name}: done in ${seconds} s (load ${after.load.join(' ')})\n${table(results)}\n\n`);
  // Read again just before writing: another run (of other suites) may have written meanwhile.
  await writeFile(resultsFile, `${JSON.stringify({ ...(await readResults()), ...results }, null, 2)}\n`);
}
const total = ((performance.now() - runStarted) / 1000).toFixed(1);
console.log(`${suites.length} suite(s) in ${total} s; wrote ${path.relative(process.cwd(), resultsFile)}`);
