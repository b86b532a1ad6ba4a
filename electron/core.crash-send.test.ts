import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxRow } from '../shared/outbox.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, crmGatewaySent, startCrmGateway } from '../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../e2e/vendors/kit/server.js';
import { startRollout } from '../e2e/vendors/rollout/simulator.js';
import type { Core } from './core.js';
import { testCore } from './core-test-support.js';
import { tempDataDir } from './services/outbox/test-support.js';

const child = path.join(import.meta.dirname, 'core.crash-send.child.ts');
const from = { name: 'Ann', email: 'ann@example.com' };
const sender = { url: 'http://127.0.0.1:1', isTopFrame: true };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let sim: VendorSimulator | undefined;
let core: Core | undefined;

beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  core?.close();
  core = undefined;
  await sim?.close();
  await data.remove();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs the child until the vendor has the request, then SIGKILLs it; answers the outbox id. */
async function killMidSend(vendor: VendorSimulator, account: unknown): Promise<string> {
  // The vendor holds its answer long enough for the kill to land first.
  vendor.injectFault({ kind: 'delay', ms: 400 });
  const proc = spawn(process.execPath, ['--import', 'tsx', child, data.dir, JSON.stringify(account)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
  const id = await new Promise<string>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`the child stopped by itself (exit ${String(code)})`)));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const [word, value] = line.split(' ');
      if (word === 'submitted') resolve(value ?? '');
    });
  });
  await until(() => vendor.requests.length === 1, 'the request to reach the vendor');
  proc.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return id;
}

async function restart(): Promise<{ row: (id: string) => Promise<OutboxRow | undefined> }> {
  core = testCore(data.dir, { trustedOrigins: [sender.url] });
  const started = core;
  await started.ready;
  await started.outbox.idle();
  return {
    row: async (id) => {
      const result = await started.dispatch('outbox:list', undefined, sender);
      return result.ok ? (result.value as OutboxRow[]).find((r) => r.id === id) : undefined;
    },
  };
}

describe('a kill while a message is being sent', () => {
  it('through the gateway (which deduplicates by key): sends it again with the same key at the next start, accepted once', async () => {
    sim = await startCrmGateway();
    const gateway = sim;
    const id = await killMidSend(gateway, {
      label: 'Gateway',
      from,
      settings: { provider: 'crm-gateway', endpointUrl: `${gateway.url}${CRM_GATEWAY_PATH}` },
      secret: CRM_GATEWAY_TEST_KEY,
    });
    // The vendor took it although nobody heard the answer.
    await until(() => crmGatewaySent(gateway).length === 1, 'the gateway to accept the first request');

    const app = await restart();
    expect(await app.row(id)).toMatchObject({ state: 'sent', lastError: null });
    expect(gateway.requests).toHaveLength(2);
    expect(new Set(gateway.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(crmGatewaySent(gateway)).toHaveLength(1);
  });

  it('through a vendor without idempotency: leaves it unknown_outcome for the person to check, never sent twice', async () => {
    sim = await startRollout();
    const rollout = sim;
    const id = await killMidSend(rollout, {
      label: 'CRM',
      from,
      settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: rollout.info.credentialId },
      secret: rollout.info.jwt,
    });
    const app = await restart();
    expect(await app.row(id)).toMatchObject({
      state: 'unknown_outcome',
      lastError: 'Composer stopped while this message was being sent. It may have been sent — check before resending.',
    });
    expect(rollout.requests).toHaveLength(1);
  });
});
