import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, crmGatewaySent, startCrmGateway } from '../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../e2e/vendors/kit/types.js';
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

interface Target {
  sim: VendorSimulator;
  /** The child's argv before the file: provider id, settings JSON, key. */
  account: string[];
  /** The size of the file the vendor received in the last request. */
  received(): number | undefined;
}

/** Peak RSS growth of the sending process while one 25 MiB attachment goes through `target`, over RUNS sends. */
async function rssDelta(start: () => Promise<Target>): Promise<Metric> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-rss-'));
  const target = await start();
  try {
    const file = path.join(dir, 'big.bin');
    await writeBigFile(file);
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      samples.push(await runChild([...target.account, file, String(SIZE)]));
      // A figure for a send that did not arrive whole would measure nothing.
      if (target.received() !== SIZE) throw new Error(`the 25 MiB attachment did not reach the ${target.sim.name} simulator whole`);
      target.sim.reset();
    }
    return summarize(samples, 'MB');
  } finally {
    await target.sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Unipile: multipart form, the file streamed from disk. */
export function unipileRssDelta(): Promise<Metric> {
  return rssDelta(async () => {
    const sim = await startUnipile();
    const settings = { provider: 'unipile', baseUrl: sim.url, accountId: sim.info.accountId ?? '', timeoutMs: 60_000 };
    return { sim, account: ['unipile', JSON.stringify(settings), sim.info.apiKey ?? ''], received: () => sim.requests.at(-1)?.files[0]?.size };
  });
}

/** The CRM gateway: the file as base64 inside the JSON body, encoded as it is sent. */
export function crmGatewayRssDelta(): Promise<Metric> {
  return rssDelta(async () => {
    const sim = await startCrmGateway({ dailyLimit: 1_000_000 });
    const settings = { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}`, timeoutMs: 60_000 };
    const received = () => {
      const files = crmGatewaySent(sim).at(-1)?.body.attachments as { content_base64?: string }[] | undefined;
      const base64 = files?.[0]?.content_base64;
      return typeof base64 === 'string' ? Buffer.from(base64, 'base64').byteLength : undefined;
    };
    return { sim, account: ['crm-gateway', JSON.stringify(settings), CRM_GATEWAY_TEST_KEY], received };
  });
}
