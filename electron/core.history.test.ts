import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VendorSimulator } from '../e2e/vendors/kit/types.js';
import { startRollout } from '../e2e/vendors/rollout/simulator.js';
import type { EditableMessage } from '../shared/editable-message.js';
import type { HistoryThread, SearchHit, ThreadsPage } from '../shared/history.js';
import type { AttachmentRef } from '../shared/message.js';
import type { OutboxRow } from '../shared/outbox.js';
import type { Core } from './core.js';
import { call, testCore, testWindow } from './core-test-support.js';

const sender = testWindow;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.history-test-9a1';
let dir: string;
let rollout: VendorSimulator;
const started: Core[] = [];

beforeAll(async () => {
  rollout = await startRollout({ jwt: JWT, credentialId: 'cred_h' });
});
afterAll(async () => {
  await rollout.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-core-history-'));
  rollout.reset();
});
afterEach(async () => {
  for (const core of started.splice(0)) core.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Submits through the outbox (its undo delay set to 0) and resolves with the outbox row once
 * the attempt has ended and the history has recorded it.
 */
async function sendAndSettle(core: Core, input: object): Promise<OutboxRow> {
  await call(core, 'outbox:setSettings', { undoDelayMs: 0 });
  const recorded = new Promise<void>((resolve) => {
    const stop = core.bus.subscribe((event) => {
      if (event !== 'history:changed') return;
      stop();
      resolve();
    });
  });
  const { id } = await call<{ id: string }>(core, 'outbox:submit', input);
  await recorded;
  const row = (await call<OutboxRow[]>(core, 'outbox:list')).find((r) => r.id === id);
  if (!row) throw new Error('the outbox lost the message');
  return row;
}

function start(): Core {
  const core = testCore(path.join(dir, 'data'));
  started.push(core);
  return core;
}

const from = { name: 'Me', email: 'me@home.io' };
const message = (accountId: string, extra: object = {}) => ({
  accountId,
  to: [{ name: 'Ann Lee', email: 'ann@acme.io' }],
  cc: [],
  bcc: [],
  subject: 'Invoice 42',
  html: '<p>The invoice for March is attached.</p>',
  text: 'The invoice for March is attached.',
  attachments: [] as AttachmentRef[],
  ...extra,
});

describe('core: the sent history over the contract', () => {
  it('records a sandbox send with its file, threads the reply from the history, finds it, suggests the address, and deletes with undo', async () => {
    const core = start();
    const account = await call<{ id: string }>(core, 'accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } });
    const file = await call<AttachmentRef>(core, 'attachments:import', { filename: 'invoice.pdf', mimeType: 'application/pdf', dataBase64: Buffer.from('pdf').toString('base64') });
    await sendAndSettle(core, message(account.id, { attachments: [file] }));

    const page = await call<ThreadsPage>(core, 'history:threads', { limit: 20 });
    expect(page.threads).toHaveLength(1);
    const [thread] = page.threads;
    const opened = await call<HistoryThread>(core, 'history:thread', { id: thread!.id });
    const original = opened.messages[0]!;
    expect(original).toMatchObject({ provider: 'sandbox', status: 'sent', remoteId: expect.stringMatching(/^sbx_msg_/), attachments: [{ filename: 'invoice.pdf', available: true }] });

    const reply = await call<EditableMessage>(core, 'history:replyTarget', { messageId: original.id, mode: 'reply' });
    expect(reply.reply?.inReplyTo).toEqual({ remoteId: original.remoteId, remoteThreadId: original.remoteThreadId });
    expect(reply).toMatchObject({ draft: null, sign: false, subject: 'Re: Invoice 42' });
    const html = reply.doc as string;
    await sendAndSettle(core, { ...message(account.id), to: reply.to, subject: reply.subject, html, text: 'Any news?', inReplyTo: reply.reply?.inReplyTo, replyToHistoryId: reply.reply?.replyToHistoryId });
    const sandboxRecords = (await readFile(path.join(dir, 'data', 'sandbox-outbox.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { inReplyTo?: unknown });
    expect(sandboxRecords[1]?.inReplyTo).toEqual(reply.reply?.inReplyTo);
    const threaded = await call<HistoryThread>(core, 'history:thread', { id: thread!.id });
    expect(threaded.messages.map((m) => m.subject)).toEqual(['Invoice 42', 'Re: Invoice 42']);
    expect(threaded.messages[1]?.inReplyToId).toBe(original.id);

    const hits = await call<SearchHit[]>(core, 'history:search', { query: 'marc', limit: 10 });
    expect(hits.map((h) => h.messageId)).toEqual([original.id]);
    expect(await call(core, 'history:suggestRecipients', { prefix: 'an', limit: 5 })).toEqual([{ email: 'ann@acme.io', name: 'Ann Lee', count: 2, lastAt: expect.any(Number) }]);

    const { deletionId } = await call<{ deletionId: string }>(core, 'history:delete', { threadId: thread!.id });
    expect((await call<ThreadsPage>(core, 'history:threads', { limit: 20 })).threads).toEqual([]);
    await call(core, 'history:restore', { deletionId });
    expect((await call<ThreadsPage>(core, 'history:threads', { limit: 20 })).threads[0]?.count).toBe(2);

    // Deleted again and the app restarted: the history entry and its stored copy are gone.
    await call(core, 'history:delete', { threadId: thread!.id });
    core.close();
    started.splice(0);
    const again = start();
    await again.ready;
    expect((await call<ThreadsPage>(again, 'history:threads', { limit: 20 })).threads).toEqual([]);
    expect(existsSync(path.join(dir, 'data', 'attachments', file.token))).toBe(false);
    const gone = await again.dispatch('history:restore', { deletionId }, sender);
    expect(gone).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('records a Rollout failure with its sentence, and a reply to a sent one carries threadId to the vendor', async () => {
    const core = start();
    const account = await call<{ id: string }>(core, 'accounts:save', { label: 'Rollout', from, settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: 'cred_h' }, secret: JWT });
    rollout.injectFault({ kind: 'status', status: 422, body: { message: 'Recipient rejected' } });
    const refused = await sendAndSettle(core, message(account.id));
    expect(refused.state).toBe('failed');
    await sendAndSettle(core, message(account.id));

    const [thread] = (await call<ThreadsPage>(core, 'history:threads', { limit: 20 })).threads;
    expect(thread?.statuses).toEqual({ sent: 1, accepted: 0, failed: 1, unknown_outcome: 0 });
    const { messages } = await call<HistoryThread>(core, 'history:thread', { id: thread!.id });
    expect(messages[0]?.error?.message).toBe(refused.lastError);
    const sentOne = messages[1]!;
    const reply = await call<EditableMessage>(core, 'history:replyTarget', { messageId: sentOne.id, mode: 'reply-all' });
    await sendAndSettle(core, { ...message(account.id), subject: reply.subject, inReplyTo: reply.reply?.inReplyTo, replyToHistoryId: reply.reply?.replyToHistoryId });
    expect(rollout.requests.at(-1)?.body).toMatchObject({ threadId: sentOne.remoteThreadId });
    expect((await call<HistoryThread>(core, 'history:thread', { id: thread!.id })).messages).toHaveLength(3);
    expect((await call<{ statuses: object }[]>(core, 'history:search', { query: 'invoice', status: 'failed', limit: 5 })).length).toBe(1);
  });
});

describe('core: Retry from the history', () => {
  it('sends the outbox’s own failed row again under its key, once, instead of a second copy', async () => {
    const core = start();
    const account = await call<{ id: string }>(core, 'accounts:save', { label: 'Rollout', from, settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: 'cred_h' }, secret: JWT });
    rollout.injectFault({ kind: 'status', status: 422, body: { message: 'Recipient rejected' } });
    const failed = await sendAndSettle(core, message(account.id));
    expect(failed.state).toBe('failed');
    const [thread] = (await call<ThreadsPage>(core, 'history:threads', { limit: 20 })).threads;
    const [recorded] = (await call<HistoryThread>(core, 'history:thread', { id: thread!.id })).messages;

    const recordedAgain = new Promise<void>((resolve) => {
      const stop = core.bus.subscribe((event) => {
        if (event !== 'history:changed') return;
        stop();
        resolve();
      });
    });
    const again = await call<{ kind: string }>(core, 'outbox:retryFromHistory', { messageId: recorded!.id });
    expect(again).toEqual({ kind: 'queued', summary: expect.stringContaining('under the same key') });
    await recordedAgain;
    const rows = await call<OutboxRow[]>(core, 'outbox:list');
    expect(rows.filter((r) => r.subject === 'Invoice 42').map((r) => [r.id, r.state])).toEqual([[failed.id, 'sent']]);

    // Once it went, a second Retry of the old failure says so and sends nothing.
    const twice = await core.dispatch('outbox:retryFromHistory', { messageId: recorded!.id }, sender);
    expect(twice).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('was sent after all') } });
    expect(rollout.requests).toHaveLength(2);
  });
});
