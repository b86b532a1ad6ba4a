import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { EditableMessage } from '../../../shared/editable-message.js';
import type { SubmitOutcome } from '../../../shared/message.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, crmGatewaySent, startCrmGateway } from '../../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { startRollout } from '../../../e2e/vendors/rollout/simulator.js';
import { readSandboxRecords } from '../../providers/sandbox.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, tempDataDir, type ManualTime } from './test-support.js';

const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;
const sims: VendorSimulator[] = [];

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime();
  app = outboxCore(data.dir, time);
});
afterEach(async () => {
  app.core.close();
  await Promise.all(sims.splice(0).map((s) => s.close()));
  await data.remove();
});

const sandboxRecords = () => readSandboxRecords(path.join(data.dir, 'sandbox-outbox.jsonl'));
const rowOf = async (id: string) => (await app.ok<OutboxRow[]>('outbox:list')).find((r) => r.id === id);

async function saveDraft(accountId: string): Promise<{ id: string }> {
  const content = { accountId, to: [], cc: [], bcc: [], subject: 'Quarterly numbers', doc: { type: 'doc' }, showCc: false, showBcc: false, attachments: [] };
  return app.ok<{ id: string }>('drafts:save', { content });
}

async function sandboxAccount(): Promise<string> {
  return (await app.ok<AccountView>('accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } })).id;
}

async function gateway(key = CRM_GATEWAY_TEST_KEY): Promise<{ sim: VendorSimulator; accountId: string }> {
  const sim = await startCrmGateway();
  sims.push(sim);
  const saved = await app.ok<AccountView>('accounts:save', {
    label: 'Gateway',
    from,
    settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` },
    secret: key,
  });
  return { sim, accountId: saved.id };
}

describe('the outbox', () => {
  it('keeps a submitted message on disk, sends it once the undo delay is over, and removes its draft', async () => {
    const accountId = await sandboxAccount();
    const draft = await saveDraft(accountId);
    const submitted = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { draftId: draft.id }));
    expect(submitted.summary).toBe('Sending to Bea Lee through Sandbox, from Ann <ann@example.com>.');
    expect(submitted.sendAt).toBe(time.clock() + 5_000);
    expect((await rowOf(submitted.id))?.state).toBe('queued');

    time.advance(4_999);
    await app.core.outbox.idle();
    expect(await sandboxRecords()).toEqual([]);

    time.advance(1);
    await app.core.outbox.idle();
    const row = await rowOf(submitted.id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect((await sandboxRecords()).map((r) => r.subject)).toEqual(['Quarterly numbers']);
    expect(await app.call('drafts:get', { id: draft.id })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('reopens at start the newest draft whose message is not in the outbox, and nothing when there is no draft', async () => {
    expect(await app.ok('drafts:newest')).toBeNull();
    const accountId = await sandboxAccount();
    const older = await saveDraft(accountId);
    time.advance(1_000);
    const newer = await saveDraft(accountId);
    const newestId = async () => (await app.ok<EditableMessage | null>('drafts:newest'))?.draft?.id ?? null;
    expect(await newestId()).toBe(newer.id);

    // Waiting out its undo delay, the newer one is the outbox's: Edit opens it from there.
    const submitted = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { draftId: newer.id }));
    expect(await newestId()).toBe(older.id);
    // Undo puts it back among the drafts, the newest again.
    await app.ok('outbox:cancel', { id: submitted.id });
    expect(await newestId()).toBe(newer.id);

    const again = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { draftId: newer.id }));
    time.advance(5_000);
    await app.core.outbox.idle();
    expect((await rowOf(again.id))?.state).toBe('sent');
    expect(await newestId()).toBe(older.id);
  });

  it('announces each change of state on outbox:changed', async () => {
    const accountId = await sandboxAccount();
    const seen: string[] = [];
    app.core.bus.subscribe((event, payload) => {
      if (event === 'outbox:changed') seen.push((payload as OutboxRow[]).map((r) => r.state).join(','));
    });
    await app.ok('outbox:submit', message(accountId));
    await Promise.resolve();
    time.advance(5_000);
    await app.core.outbox.idle();
    await Promise.resolve();
    expect(seen).toEqual(['queued', 'sending', 'sent']);
  });

  it('undo takes the message back exactly as submitted, and it never leaves; later, undo says it is too late', async () => {
    const accountId = await sandboxAccount();
    const original = message(accountId, { cc: [{ email: 'cid@example.net' }], subject: 'First version', draftId: 'draft-1' });
    const first = await app.ok<SubmitOutcome>('outbox:submit', original);
    time.advance(3_000);
    // No draft 'draft-1' is kept here, so the composer gets what was submitted.
    expect(await app.ok('outbox:cancel', { id: first.id })).toMatchObject({
      accountId,
      to: original.to,
      cc: original.cc,
      subject: 'First version',
      doc: original.html,
      attachments: original.attachments,
      draft: null,
    });
    expect((await rowOf(first.id))?.state).toBe('cancelled');

    const edited = await app.ok<SubmitOutcome>('outbox:submit', { ...original, subject: 'Edited version' });
    time.advance(30_000);
    await app.core.outbox.idle();
    expect((await sandboxRecords()).map((r) => r.subject)).toEqual(['Edited version']);
    const late = await app.call('outbox:cancel', { id: edited.id });
    expect(late).toEqual({ ok: false, error: { kind: 'conflict', message: 'Too late to undo: the message has already been sent.' } });
  });

  it('keeps the undo delay as a setting between 0 and 30 s', async () => {
    expect(await app.ok('outbox:getSettings')).toEqual({ undoDelayMs: 5_000, notifyOnSent: false });
    expect(await app.ok('outbox:setSettings', { undoDelayMs: 0 })).toEqual({ undoDelayMs: 0, notifyOnSent: false });
    const refused = await app.call('outbox:setSettings', { undoDelayMs: 31_000 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('The undo delay can be at most 30 seconds.');
    const accountId = await sandboxAccount();
    const sent = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    expect(sent.summary).toBe('Sending to Bea Lee through Sandbox, from Ann <ann@example.com>.');
    await app.core.outbox.idle();
    expect((await rowOf(sent.id))?.state).toBe('sent');
  });

  it('refuses at submit what the account cannot carry, as the provider says it', async () => {
    const rollout = await startRollout();
    sims.push(rollout);
    const saved = await app.ok<AccountView>('accounts:save', {
      label: 'CRM',
      from,
      settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: rollout.info.credentialId },
      secret: rollout.info.jwt,
    });
    const refused = await app.call('outbox:submit', message(saved.id, { cc: [{ email: 'cid@example.net' }] }));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(await app.ok('outbox:list')).toEqual([]);
    const gone = await app.call('outbox:submit', message('no-such-account'));
    expect(gone).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('fails a message whose account was removed while it waited, saying so, and keeps it with its draft', async () => {
    const accountId = await sandboxAccount();
    const draft = await saveDraft(accountId);
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { draftId: draft.id }));
    await app.ok('accounts:remove', { id: accountId });
    time.advance(5_000);
    await app.core.outbox.idle();
    const expected = 'The account chosen for this message no longer exists. Choose another account and send again.';
    expect(await rowOf(id)).toMatchObject({ state: 'failed', errorKind: 'not_found', lastError: expected, attempts: 0 });
    expect((await app.ok<{ id: string; lastError: string | null }[]>('drafts:list')).find((d) => d.id === draft.id)?.lastError).toBe(expected);
    expect(await sandboxRecords()).toEqual([]);
  });

  it('waits out Retry-After, then sends once with the same idempotency key', async () => {
    const { sim, accountId } = await gateway();
    sim.injectFault({ kind: 'status', status: 503, headers: { 'retry-after': '20' }, body: { error: { code: 'unavailable', message: 'Down for a moment' } } });
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    time.advance(5_000);
    await app.core.outbox.idle();
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, errorKind: 'provider', nextAttemptAt: time.clock() + 20_000 });
    expect(waiting?.lastError).toMatch(/temporarily unavailable.*Composer will try again in 20 s\.$/);

    time.advance(19_999);
    await app.core.outbox.idle();
    expect(sim.requests).toHaveLength(1);
    time.advance(1);
    await app.core.outbox.idle();
    expect((await rowOf(id))?.state).toBe('sent');
    const keys = sim.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(crmGatewaySent(sim)).toHaveLength(1);
  });

  it('retries a lost answer through the gateway with the same key: the gateway replays it, nothing is sent twice', async () => {
    const { sim, accountId } = await gateway();
    // The gateway takes the message, then the answer is lost on the way back.
    sim.injectFault({ kind: 'reset' });
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    time.advance(5_000);
    await app.core.outbox.idle();
    time.advance(60_000);
    await app.core.outbox.idle();
    expect((await rowOf(id))?.state).toBe('sent');
    expect(new Set(sim.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('leaves an unknown outcome through a vendor without idempotency to the person: no Retry, Send again anyway sends it', async () => {
    const rollout = await startRollout();
    sims.push(rollout);
    const saved = await app.ok<AccountView>('accounts:save', {
      label: 'CRM',
      from,
      settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: rollout.info.credentialId },
      secret: rollout.info.jwt,
    });
    // A 504 with nothing created: Rollout's list, asked four times over seconds, holds no such email.
    rollout.injectFault({ kind: 'status', status: 504 });
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(saved.id));
    for (let i = 0; i < 100 && (await rowOf(id))?.state !== 'unknown_outcome'; i++) {
      time.advance(5_000);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const row = await rowOf(id);
    expect(row).toMatchObject({ state: 'unknown_outcome', errorKind: 'unknown_outcome', attempts: 1 });
    expect(row?.lastError).toMatch(/may have been sent — check before resending\.$/);
    expect(rollout.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);

    // Rollout does not promise to drop a repeat: Retry is not offered; checking again and Send again anyway are.
    expect(row?.actions).toEqual(['check', 'send_again']);
    expect(await app.call('outbox:retry', { id })).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('Send again anyway') } });
    expect(rollout.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await app.ok('outbox:sendAgain', { id })).toMatchObject({ id, state: 'queued' });
    await app.core.outbox.idle();
    expect((await rowOf(id))?.state).toBe('sent');
    expect(rollout.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('keeps a message whose key is rejected, says to update it in Accounts, and sends it once after the fix', async () => {
    const { sim, accountId } = await gateway('gw_wrong_key');
    const draft = await saveDraft(accountId);
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { draftId: draft.id }));
    time.advance(5_000);
    await app.core.outbox.idle();
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ state: 'failed', errorKind: 'auth', accountId, attempts: 1 });
    expect(failed?.lastError).toMatch(/^The key was rejected — update it in Accounts/);
    const kept = (await app.ok<{ id: string; lastError: string | null }[]>('drafts:list')).find((d) => d.id === draft.id);
    expect(kept?.lastError).toMatch(/^The key was rejected — update it in Accounts/);

    const account = (await app.ok<{ accounts: AccountView[] }>('accounts:list')).accounts[0]!;
    await app.ok('accounts:save', { id: account.id, label: account.label, from, settings: account.settings, secret: CRM_GATEWAY_TEST_KEY });
    await app.ok('outbox:retry', { id });
    await app.core.outbox.idle();
    expect((await rowOf(id))?.state).toBe('sent');
    expect(crmGatewaySent(sim)).toHaveLength(1);
    expect(new Set(sim.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('holds a message while the vendor cannot be reached, past the retry limit, and keeps saying why', async () => {
    const { sim, accountId } = await gateway();
    await sim.close();
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    time.advance(5_000);
    await app.core.outbox.idle();
    for (let i = 0; i < 8; i++) {
      time.advance(10 * 60_000);
      await app.core.outbox.idle();
    }
    const row = await rowOf(id);
    expect(row).toMatchObject({ state: 'queued', errorKind: 'network', attempts: 9 });
    expect(row?.lastError).toMatch(/kept in the outbox while the connection is down\. Composer will try again in/);
  });

  it('sends a send-later message after a restart once its time has passed, and says so', async () => {
    const accountId = await sandboxAccount();
    const at = time.clock() + 60 * 60_000;
    const { id, summary } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { sendAt: new Date(at).toISOString() }));
    expect(summary).toMatch(/^Scheduled for .*: to Bea Lee through Sandbox/);
    expect(await app.call('outbox:cancel', { id: 'nope' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    app.core.close();

    time.advance(2 * 60 * 60_000);
    app = outboxCore(data.dir, time);
    const notices = await app.ok<{ id: string; text: string }[]>('notices:list');
    expect(notices.find((n) => n.id === 'outbox-overdue')?.text).toMatch(/^Composer was closed when "Quarterly numbers", scheduled for .*, was due to go out, so it is being sent now\.$/);
    await app.core.ready;
    await app.core.outbox.idle();
    expect((await rowOf(id))?.state).toBe('sent');
    expect(await sandboxRecords()).toHaveLength(1);
  });
});
