import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { OutboxSettings } from '../../../shared/outbox.js';
import type { SubmitOutcome } from '../../../shared/message.js';
import { CRM_GATEWAY_PATH, startCrmGateway } from '../../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import type { Core } from '../../core.js';
import { testCore } from '../../core-test-support.js';
import { createRecordingNotifier } from '../notifier.js';
import { manualTime, message, tempDataDir } from './test-support.js';

const trusted = { url: 'http://127.0.0.1:1', isTopFrame: true };
const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let core: Core;
let notifier: ReturnType<typeof createRecordingNotifier>;
let sim: VendorSimulator;

async function ok<T>(channel: Parameters<Core['dispatch']>[0], input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input, trusted);
  if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  data = await tempDataDir();
  notifier = createRecordingNotifier();
  const time = manualTime();
  core = testCore(data.dir, { trustedOrigins: [trusted.url], clock: time.clock, timers: time.timers, random: () => 0.5, notifier });
  sim = await startCrmGateway();
  await ok('outbox:setSettings', { undoDelayMs: 0 });
});
afterEach(async () => {
  core.close();
  await sim.close();
  await data.remove();
});

async function gatewayAccount(key: string, label = 'Gateway'): Promise<string> {
  const saved = await ok<AccountView>('accounts:save', { label, from, settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` }, secret: key });
  return saved.id;
}

describe('outbox notifications', () => {
  it('always tells the desktop when a message fails, with what to do, and keeps quiet about sends unless asked', async () => {
    const good = await gatewayAccount(sim.info.apiKey ?? '');
    await ok<SubmitOutcome>('outbox:submit', message(good, { subject: 'First' }));
    await core.outbox.idle();
    expect(notifier.shown).toEqual([]);

    const revoked = await gatewayAccount('gw_revoked', 'Old gateway');
    await ok<SubmitOutcome>('outbox:submit', message(revoked, { subject: 'Second' }));
    await core.outbox.idle();
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]?.title).toBe('Message not sent');
    expect(notifier.shown[0]?.body).toMatch(/^“Second” to Bea Lee: The key was rejected — update it in Accounts, then retry\. .* It is kept in the Outbox\.$/);
  });

  it('tells the desktop a message was sent once the person turns that on, and the setting survives a restart', async () => {
    expect(await ok<OutboxSettings>('outbox:setSettings', { notifyOnSent: true })).toEqual({ undoDelayMs: 0, notifyOnSent: true });
    const account = await gatewayAccount(sim.info.apiKey ?? '');
    await ok<SubmitOutcome>('outbox:submit', message(account, { subject: 'Third' }));
    await core.outbox.idle();
    expect(notifier.shown).toEqual([{ title: 'Message sent', body: '“Third” to Bea Lee was sent.' }]);
    // Changing one setting leaves the other as it was.
    expect(await ok<OutboxSettings>('outbox:setSettings', { undoDelayMs: 10_000 })).toEqual({ undoDelayMs: 10_000, notifyOnSent: true });
  });
});
