import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core.js';
import { createFileKeyCipher } from '../electron/services/vault/file-key-cipher.js';
import { RETRY_AFTER_S, startChaosVendors } from './outbox-chaos.js';
import { lifecycleSequences } from './outbox-lifecycle.js';
import { single, summarize } from './stats.js';
import type { BenchSuite, Metric } from './types.js';

const sender = { url: 'http://127.0.0.1:1', isTopFrame: true };
const from = { name: 'Ann', email: 'ann@example.com' };
const CHAOS_MESSAGES = 1_000;
const CHAOS_TIMEOUT_MS = 180_000;

function startCore(dataDir: string): Core {
  return createCore({
    info: { name: 'Composer', version: '0.0.0', dataDir, platform: 'linux', runtime: 'harness' },
    trustedOrigins: [sender.url],
    cipher: createFileKeyCipher(dataDir),
  });
}

async function ok<T>(core: Core, channel: Parameters<Core['dispatch']>[0], input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input, sender);
  if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
  return result.value as T;
}

function message(accountId: string, subject: string, html: string, text: string) {
  return { to: [{ name: 'Bea Lee', email: 'bea@example.org' }], cc: [], bcc: [], subject, html, text, accountId, attachments: [] };
}

/** `outbox.submit_ms`: a 200 KB message from the dispatcher's entry to committed on disk (WAL, synchronous=FULL). */
async function submitMs(): Promise<Metric> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-outbox-'));
  const core = startCore(dir);
  try {
    // The longest undo delay keeps the worker out of the measurement.
    await ok(core, 'outbox:setSettings', { undoDelayMs: 30_000 });
    const { id } = await ok<{ id: string }>(core, 'accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } });
    const paragraph = '<p>The quarterly numbers are in and they look good; details follow below. </p>';
    const html = paragraph.repeat(Math.ceil(140_000 / paragraph.length));
    const text = 'The quarterly numbers are in and they look good; details follow below.\n\n'.repeat(Math.ceil(60_000 / 75));
    const samples: number[] = [];
    for (let run = 0; run < 45; run++) {
      const input = message(id, `Numbers ${run}`, html, text);
      const started = performance.now();
      await ok(core, 'outbox:submit', input);
      const elapsed = performance.now() - started;
      if (run >= 5) samples.push(elapsed);
    }
    return summarize(samples, 'ms');
  } finally {
    core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `outbox.chaos_1000`: 1,000 messages over the five vendors' simulators, one request in five failing. */
async function chaos(): Promise<Record<string, Metric>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-chaos-'));
  const vendors = await startChaosVendors(20_260_105);
  const core = startCore(dir);
  try {
    await ok(core, 'outbox:setSettings', { undoDelayMs: 0 });
    const accounts: string[] = [];
    for (const vendor of vendors) accounts.push((await ok<{ id: string }>(core, 'accounts:save', { ...vendor.account, from })).id);
    const started = performance.now();
    for (let i = 0; i < CHAOS_MESSAGES; i++) {
      await ok(core, 'outbox:submit', message(accounts[i % accounts.length] ?? '', `chaos #${i}`, `<p>Message ${i}</p>`, `Message ${i}`));
    }
    const counts = core.storage.db.prepare('SELECT state, count(*) AS n FROM outbox_messages GROUP BY state');
    const open = core.storage.db.prepare(`SELECT count(*) AS n FROM outbox_messages WHERE state IN ('queued', 'sending')`);
    while ((open.get() as { n: number }).n > 0) {
      if (performance.now() - started > CHAOS_TIMEOUT_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const wallS = (performance.now() - started) / 1000;
    const rows = core.storage.db
      .prepare('SELECT subject, state, last_error FROM outbox_messages')
      .all() as { subject: string; state: string; last_error: string | null }[];
    const byState = Object.fromEntries((counts.all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));
    const ended = (r: (typeof rows)[number]) => r.state === 'sent' || r.state === 'accepted' || ((r.state === 'failed' || r.state === 'unknown_outcome') && !!r.last_error);
    const lost = CHAOS_MESSAGES - rows.filter(ended).length;
    const accepted = new Map<string, number>();
    for (const vendor of vendors) for (const [subject, n] of vendor.acceptances()) accepted.set(subject, (accepted.get(subject) ?? 0) + n);
    const duplicates = [...accepted.values()].filter((n) => n > 1).length;
    // A row marked sent that no vendor accepted would be a lie in the other direction.
    const phantom = rows.filter((r) => (r.state === 'sent' || r.state === 'accepted') && !accepted.has(r.subject)).length;
    const floorS = Math.max(...vendors.map((v) => v.tally.retryAfterWaitsS));
    const unknownBy = vendors.map((v, index) => `${v.name} ${rows.filter((r) => r.state === 'unknown_outcome' && Number(/#(\d+)/.exec(r.subject)?.[1]) % vendors.length === index).length}`);
    process.stdout.write(
      `  chaos: ${JSON.stringify(byState)}; unknown by vendor ${unknownBy.join(', ')}; requests ${vendors.map((v) => `${v.name} ${v.sim.requests.length}`).join(', ')}; ` +
        `Retry-After (${RETRY_AFTER_S} s each) per account ${vendors.map((v) => `${v.name} ${v.tally.retryAfterWaitsS} s`).join(', ')}; phantom sent ${phantom}\n`,
    );
    return {
      'outbox.chaos_1000_lost': single(lost + phantom, 'messages'),
      'outbox.chaos_1000_duplicates': single(duplicates, 'messages'),
      'outbox.chaos_1000_unknown': single(byState.unknown_outcome ?? 0, 'messages'),
      'outbox.chaos_1000_failed': single(byState.failed ?? 0, 'messages'),
      'outbox.chaos_1000_wall_s': single(Math.round(wallS * 10) / 10, 's'),
      'outbox.chaos_1000_rate_limit_floor_s': single(floorS, 's'),
    };
  } finally {
    core.close();
    await Promise.all(vendors.map((v) => v.sim.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = {
  name: 'outbox',
  async run() {
    return {
      'outbox.submit_ms': await submitMs(),
      ...(await chaos()),
      'outbox.lifecycle_sequences': single(await lifecycleSequences(), 'sequences'),
    };
  },
};

export default suite;
