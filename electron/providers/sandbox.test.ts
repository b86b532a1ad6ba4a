import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectSendFailure, sampleMessage as message } from '../../e2e/vendors/kit/send-fixtures.js';
import { fileAttachment, wrapFile } from '../services/attachments/test-support.js';
import { createSandboxProvider, readSandboxRecords } from './sandbox.js';
import type { SendFailure } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';

let dir: string;
let recordFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-'));
  recordFile = join(dir, 'nested', 'sent.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const account: SendAccount = { id: 'acc_1', settings: { provider: 'sandbox', timeoutMs: 30_000 }, secret: '' };
const fixedNow = () => new Date('2026-03-01T10:00:00.000Z');

// The sandbox account has no secret to leak.
const failureOf = async (pending: Promise<unknown>): Promise<SendFailure> => (await expectSendFailure(pending, [])).failure;

describe('sandbox provider', () => {
  it('supports everything, up to 25 MiB of attachments', () => {
    const p = createSandboxProvider({ recordFile });
    expect(p.id).toBe('sandbox');
    expect(p.capabilities).toEqual({ cc: true, bcc: true, textPart: true, localAttachments: true, maxAttachmentBytes: 25 * 1024 * 1024, replyTo: true, threading: true, idempotency: 'guaranteed', displayNames: true, customFrom: true });
  });

  it('records one JSON line per message, attachments as name/size/sha256, and answers sent', async () => {
    const report = await fileAttachment(dir, 'report.pdf', 'PDF-CONTENT', { mimeType: 'application/pdf' });
    const p = createSandboxProvider({ recordFile, now: fixedNow });
    const result = await p.send(
      message({
        cc: [{ email: 'cc@example.com' }],
        bcc: [{ email: 'bcc@example.com' }],
        replyTo: { email: 'reply@example.com' },
        attachments: [report],
      }),
      account,
    );
    expect(result.status).toBe('sent');
    expect(result.remoteId).toMatch(/^sbx_msg_/);
    expect(result.remoteThreadId).toMatch(/^sbx_thr_/);
    const lines = (await readFile(recordFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      at: '2026-03-01T10:00:00.000Z',
      accountId: 'acc_1',
      idempotencyKey: '5b0c6a4e-2f3d-4c1b-9e8a-7d6f5e4c3b2a',
      remoteId: result.remoteId,
      remoteThreadId: result.remoteThreadId,
      from: { name: 'Ann Agent', email: 'ann@acme.example' },
      to: [{ name: 'Bo Buyer', email: 'bo@client.example' }],
      cc: [{ email: 'cc@example.com' }],
      bcc: [{ email: 'bcc@example.com' }],
      replyTo: { email: 'reply@example.com' },
      subject: 'Invoice 42',
      html: '<p>Hello <b>Bo</b></p>',
      text: 'Hello Bo',
      attachments: [{ filename: 'report.pdf', mimeType: 'application/pdf', size: 11, sha256: createHash('sha256').update('PDF-CONTENT').digest('hex') }],
    });
  });

  it('never records the account secret', async () => {
    const p = createSandboxProvider({ recordFile });
    await p.send(message(), { ...account, secret: 'should-not-appear-anywhere' });
    expect(await readFile(recordFile, 'utf8')).not.toContain('should-not-appear-anywhere');
  });

  it('answers a repeated idempotency key with the first result and no second record, even concurrently and after a restart', async () => {
    const p = createSandboxProvider({ recordFile });
    const [a, b] = await Promise.all([p.send(message(), account), p.send(message(), account)]);
    expect(b).toEqual(a);
    const restarted = createSandboxProvider({ recordFile });
    expect(await restarted.send(message({ subject: 'changed' }), account)).toEqual(a);
    expect(await readSandboxRecords(recordFile)).toHaveLength(1);
    const other = await restarted.send(message({ idempotencyKey: '22222222-2222-4222-8222-222222222222' }), account);
    expect(other.remoteId).not.toBe(a.remoteId);
    expect(await readSandboxRecords(recordFile)).toHaveLength(2);
  });

  it('puts a reply in the thread it answers, by thread id or by the answered message', async () => {
    const p = createSandboxProvider({ recordFile });
    const first = await p.send(message(), account);
    const byThread = await p.send(message({ idempotencyKey: '2a6c3f1e-8b7d-4e5a-9c0b-1d2e3f4a5b62', inReplyTo: { remoteId: 'x', remoteThreadId: 'thr_given' } }), account);
    expect(byThread.remoteThreadId).toBe('thr_given');
    const byMessage = await p.send(message({ idempotencyKey: '3b7d4a2f-9c8e-4f6b-8d1c-2e3f4a5b6c73', inReplyTo: { remoteId: first.remoteId } }), account);
    expect(byMessage.remoteThreadId).toBe(first.remoteThreadId);
    const unknown = await p.send(message({ idempotencyKey: '4c8e5b3a-ad9f-4a7c-9e2d-3f4a5b6c7d84', inReplyTo: { remoteId: 'gone' } }), account);
    expect(unknown.remoteThreadId).not.toBe(first.remoteThreadId);
  });

  it('refuses a vanished or changed attachment, naming the file, and records nothing', async () => {
    const p = createSandboxProvider({ recordFile });
    const gone = await failureOf(p.send(message({ attachments: [wrapFile(join(dir, 'gone.pdf'), 'gone.pdf', 3, 'application/pdf')] }), account));
    expect(gone).toMatchObject({ kind: 'validation', fields: [{ field: 'attachments' }] });
    expect(gone.message).toContain('"gone.pdf"');
    const grownFile = await fileAttachment(dir, 'grown.txt', 'longer than before', { mimeType: 'text/plain', size: 3 });
    const grown = await failureOf(p.send(message({ attachments: [grownFile] }), account));
    expect(grown.message).toMatch(/"grown.txt" changed on disk/);
    expect(await readSandboxRecords(recordFile)).toEqual([]);
  });

  it('runs preflight first', async () => {
    const p = createSandboxProvider({ recordFile });
    expect((await failureOf(p.send(message({ to: [] }), account))).kind).toBe('validation');
    const huge = wrapFile(join(dir, 'huge.bin'), 'huge.bin', 26 * 1024 * 1024);
    expect((await failureOf(p.send(message({ attachments: [huge] }), account))).kind).toBe('unsupported');
  });

  it('honours an aborted signal', async () => {
    const p = createSandboxProvider({ recordFile });
    expect((await failureOf(p.send(message(), account, AbortSignal.abort()))).kind).toBe('cancelled');
    expect(await readSandboxRecords(recordFile)).toEqual([]);
  });

  it('skips a torn last line and keeps appending readable records after it', async () => {
    const p = createSandboxProvider({ recordFile });
    const first = await p.send(message(), account);
    await writeFile(recordFile, `${await readFile(recordFile, 'utf8')}{"idempotencyKey":"5d9f6c4b-be0a-4b8d-9f3e-4a5b6c7d8e95","remo`);
    expect((await readSandboxRecords(recordFile)).map((r) => r.remoteId)).toEqual([first.remoteId]);
    const second = await p.send(message({ idempotencyKey: '6e0a7d5c-cf1b-4c9e-8a4f-5b6c7d8e9fa6' }), account);
    expect((await readSandboxRecords(recordFile)).map((r) => r.remoteId)).toEqual([first.remoteId, second.remoteId]);
  });
});
