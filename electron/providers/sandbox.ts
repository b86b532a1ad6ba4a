/* eslint-disable security/detect-non-literal-fs-filename -- the sandbox records to the JSONL file main gives it. */
import { sandbox } from '../../shared/providers/sandbox.js';
import { createHash, randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { preflight } from './preflight.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingAttachment, OutgoingMessage, SendResult } from '../../shared/outgoing.js';
import type { Provider, SendAccount } from './types.js';

/** One accepted message as the sandbox writes it: everything but secrets, files as fingerprints. */
export type SandboxRecord = Omit<OutgoingMessage, 'attachments'> & {
  at: string;
  accountId: string;
  remoteId: string;
  remoteThreadId: string;
  attachments: { filename: string; mimeType: string; size: number; sha256: string }[];
};

function isRecord(value: unknown): value is SandboxRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.idempotencyKey === 'string' && typeof r.remoteId === 'string' && typeof r.remoteThreadId === 'string';
}

async function load(recordFile: string): Promise<{ records: SandboxRecord[]; torn: boolean }> {
  let text: string;
  try {
    text = await readFile(recordFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], torn: false };
    throw error;
  }
  const records: SandboxRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isRecord(parsed)) records.push(parsed);
    } catch {
      continue;
    }
  }
  return { records, torn: text.length > 0 && !text.endsWith('\n') };
}

/** Reads every record; a torn last line (a crash mid-append) is skipped, not fatal. */
export async function readSandboxRecords(recordFile: string): Promise<SandboxRecord[]> {
  return (await load(recordFile)).records;
}

/** Size and SHA-256 of an attachment, streamed from its Blob so a large file is never held whole. */
async function fingerprint(attachment: OutgoingAttachment): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of (await attachment.open()).stream()) {
    size += chunk.byteLength;
    hash.update(chunk);
  }
  return { size, sha256: hash.digest('hex') };
}

function cancelled(): ServiceError {
  return new ServiceError({ kind: 'cancelled', message: 'Sending through the Sandbox was cancelled; nothing was recorded.' });
}

/**
 * A provider that sends nowhere: it checks the message the way a vendor would and appends it
 * to a JSONL file, so the whole app can be exercised without credentials. It honours
 * idempotency keys like the best vendor would: a repeated key answers the first result.
 */
export function createSandboxProvider(deps: { recordFile: string; now?: () => Date }): Provider {
  const now = deps.now ?? (() => new Date());
  // Sends are serialized so two retries with one key cannot both miss the other's record.
  let queue: Promise<unknown> = Promise.resolve();

  const provider: Provider = {
    id: 'sandbox',
    displayName: sandbox.name,
    capabilities: sandbox.capabilities,
    send(message: OutgoingMessage, account: SendAccount, signal?: AbortSignal): Promise<SendResult> {
      const run = async (): Promise<SendResult> => {
        preflight(provider, message);
        if (signal?.aborted) throw cancelled();
        const { records, torn } = await load(deps.recordFile);
        const earlier = records.find((r) => r.idempotencyKey === message.idempotencyKey);
        if (earlier) return { remoteId: earlier.remoteId, remoteThreadId: earlier.remoteThreadId, status: 'sent' };

        const attachments = [];
        for (const attachment of message.attachments) {
          const { size, sha256 } = await fingerprint(attachment);
          attachments.push({ filename: attachment.filename, mimeType: attachment.mimeType, size, sha256 });
        }
        if (signal?.aborted) throw cancelled();

        const parent = message.inReplyTo;
        const remoteThreadId =
          parent?.remoteThreadId ?? (parent ? records.find((r) => r.remoteId === parent.remoteId)?.remoteThreadId : undefined) ?? `sbx_thr_${randomUUID()}`;
        const record: SandboxRecord = {
          at: now().toISOString(),
          accountId: account.id,
          idempotencyKey: message.idempotencyKey,
          remoteId: `sbx_msg_${randomUUID()}`,
          remoteThreadId,
          from: message.from,
          to: message.to,
          cc: message.cc,
          bcc: message.bcc,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments,
          ...(parent ? { inReplyTo: parent } : {}),
        };
        await mkdir(dirname(deps.recordFile), { recursive: true, mode: 0o700 });
        // After a torn line, start a fresh one so this record stays readable.
        // Like every file in the data folder: the owner's only (docs/data.md).
        await appendFile(deps.recordFile, `${torn ? '\n' : ''}${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o600 });
        return { remoteId: record.remoteId, remoteThreadId, status: 'sent' };
      };
      const result = queue.then(run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
  return provider;
}
