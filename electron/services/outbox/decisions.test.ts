import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { EditableMessage } from '../../../shared/editable-message.js';
import type { HistoryThread, ThreadsPage } from '../../../shared/history.js';
import type { SubmitOutcome } from '../../../shared/message.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, startCrmGateway } from '../../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, tempDataDir, type ManualTime } from './test-support.js';

const from = { name: 'Ann', email: 'ann@example.com' };
let data: Awaited<ReturnType<typeof tempDataDir>>;
let time: ManualTime;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator;
let accountId: string;

beforeEach(async () => {
  data = await tempDataDir();
  time = manualTime();
  app = outboxCore(data.dir, time);
  sim = await startCrmGateway();
});
afterEach(async () => {
  app.core.close();
  await sim.close();
  await data.remove();
});

async function connect(key = CRM_GATEWAY_TEST_KEY): Promise<void> {
  const saved = await app.ok<AccountView>('accounts:save', { label: 'Gateway', from, settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` }, secret: key });
  accountId = saved.id;
}
const rowOf = async (id: string) => (await app.ok<OutboxRow[]>('outbox:list')).find((r) => r.id === id);
const live = async () => (await app.ok<OutboxRow[]>('outbox:list')).filter((r) => !['sent', 'accepted', 'cancelled'].includes(r.state));
const inAnHour = () => new Date(time.clock() + 60 * 60_000).toISOString();

describe('decisions about a message in the outbox', () => {
  it('a scheduled message offers Send now, Change time, Edit and Cancel, and Send now sends it at once', async () => {
    await connect();
    const draft = await app.ok<{ id: string }>('drafts:save', { content: { accountId: null, to: [], cc: [], bcc: [], subject: 'Plan', doc: { type: 'doc' }, showCc: false, showBcc: false, attachments: [] } });
    const { id, state } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { sendAt: inAnHour(), draftId: draft.id }));
    expect(state).toBe('scheduled');
    expect((await rowOf(id))?.actions).toEqual(['send_now', 'reschedule', 'edit', 'cancel']);
    const later = new Date(time.clock() + 2 * 60 * 60_000).toISOString();
    expect(await app.ok('outbox:reschedule', { id, sendAt: later })).toMatchObject({ state: 'scheduled', sendAt: Date.parse(later) });
    expect(await app.call('outbox:reschedule', { id, sendAt: new Date(time.clock() - 1_000).toISOString() })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });

    // Sending the same draft again replaces the scheduled copy: one live row, never two.
    const again = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { sendAt: inAnHour(), draftId: draft.id }));
    expect((await live()).map((r) => r.id)).toEqual([again.id]);
    expect((await rowOf(id))?.state).toBe('cancelled');

    expect(await app.ok('outbox:sendNow', { id: again.id })).toMatchObject({ state: 'queued' });
    await app.core.outbox.idle();
    expect((await rowOf(again.id))?.state).toBe('sent');
    expect(sim.requests).toHaveLength(1);
  });

  it('Edit takes a scheduled message out of the outbox and says so; it sends nothing', async () => {
    await connect();
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { sendAt: inAnHour() }));
    const opened = await app.ok<EditableMessage>('outbox:edit', { id });
    expect(opened).toMatchObject({ subject: 'Quarterly numbers', doc: '<p>Hello Bea</p>', notice: expect.stringContaining('Taken out of the Outbox to edit') });
    expect(await live()).toEqual([]);
    time.advance(2 * 60 * 60_000);
    await app.core.outbox.idle();
    expect(sim.requests).toHaveLength(0);
    expect(await app.call('outbox:sendNow', { id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('Retry now sends a message waiting out a vendor’s Retry-After at once', async () => {
    await connect();
    sim.injectFault({ kind: 'status', status: 503, body: { error: 'down' }, headers: { 'retry-after': '600' } });
    await app.ok('outbox:setSettings', { undoDelayMs: 0 });
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId));
    await app.core.outbox.idle();
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, actions: ['retry_now', 'edit', 'cancel'] });
    expect(waiting!.nextAttemptAt! - time.clock()).toBeGreaterThanOrEqual(599_000);
    expect(await app.ok('outbox:retryNow', { id })).toMatchObject({ nextAttemptAt: time.clock() });
    await app.core.outbox.idle();
    expect((await rowOf(id))?.state).toBe('sent');
    expect(sim.requests).toHaveLength(2);
  });

  it('a rejected key stays `auth` from the outbox into the history, and the row offers Open Accounts', async () => {
    await connect('gw_wrong_key');
    await app.ok('outbox:setSettings', { undoDelayMs: 0 });
    const { id } = await app.ok<SubmitOutcome>('outbox:submit', message(accountId, { subject: 'Key test' }));
    await app.core.outbox.idle();
    expect(await rowOf(id)).toMatchObject({ state: 'failed', errorKind: 'auth', actions: ['open_accounts', 'retry', 'edit'] });
    await expect.poll(async () => (await app.ok<ThreadsPage>('history:threads', { limit: 5 })).threads.length).toBe(1);
    const [thread] = (await app.ok<ThreadsPage>('history:threads', { limit: 5 })).threads;
    const { messages } = await app.ok<HistoryThread>('history:thread', { id: thread!.id });
    expect(messages.map((m) => [m.status, m.error?.kind])).toEqual([['failed', 'auth']]);
  });
});
