import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { startUnipile } from '../e2e/vendors/unipile/simulator.js';
import { summarize } from './stats.js';
import { runChildJson } from './child-json.js';
import type { Metric } from './types.js';

const CHILD = path.join(import.meta.dirname, 'providers-rss-child.ts');
const RUNS = 5;
/** The adapter's limit exactly: the largest send a user can make. */
const SIZE = 25 * 1024 * 1024;

/** Written in 1 MiB chunks so the parent does not hold 25 MB either. */
async function writeBigFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let written = 0; written < SIZE; written += 1024 * 1024) {
    if (!out.write(randomBytes(Math.min(1024 * 1024, SIZE - written)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function runChild(args: string[]): Promise<number> {
  // --expose-gc: the child collects before its baseline, so earlier garbage is not "saved" memory.
  const { deltaMb } = await runChildJson<{ deltaMb: number }>(CHILD, args, { nodeFlags: ['--expose-gc'], timeoutMs: 60_000, name: 'rss child' });
  return deltaMb;
}

/** Peak RSS growth of the sending process while one 25 MiB attachment goes to Unipile. */
export async function unipileRssDelta(): Promise<Metric> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-unipile-'));
  const sim = await startUnipile();
  try {
    const file = path.join(dir, 'big.bin');
    await writeBigFile(file);
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      samples.push(await runChild([sim.url, sim.info.apiKey ?? '', sim.info.accountId ?? '', file, String(SIZE)]));
      const [sent] = sim.requests.slice(-1);
      // A figure for a send that did not arrive whole would measure nothing.
      if (sent?.files[0]?.size !== SIZE) throw new Error('the 25 MiB attachment did not reach the simulator whole');
      sim.reset();
    }
    return summarize(samples, 'MB');
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
