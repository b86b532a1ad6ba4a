import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/service-error.js';
import type { SendFailure } from '../../../shared/outgoing.js';
import { attachmentFromFile } from './attachment-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attachment-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function copy(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function failureOf(pending: Promise<unknown>): Promise<SendFailure> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof ServiceError) return error.failure;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

const sha = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attachment files', () => {
  it('hands providers name, type and size but no path, and streams the exact bytes on open', async () => {
    const bytes = randomBytes(700_001);
    const attachment = attachmentFromFile({ filename: 'scan.pdf', mimeType: 'application/pdf', size: bytes.length, path: await copy('tok', bytes) });
    expect(Object.keys(attachment).sort()).toEqual(['filename', 'mimeType', 'open', 'size']);
    const blob = await attachment.open();
    expect(blob).toMatchObject({ size: bytes.length, type: 'application/pdf' });
    const hash = createHash('sha256');
    for await (const chunk of blob.stream()) hash.update(chunk);
    expect(hash.digest('hex')).toBe(sha(bytes));
  });

  it('opens again on every call, so each retry reads the file afresh', async () => {
    const file = await copy('tok', Buffer.from('first'));
    const attachment = attachmentFromFile({ filename: 'a.txt', mimeType: 'text/plain', size: 5, path: file });
    expect(await (await attachment.open()).text()).toBe('first');
    await writeFile(file, 'again');
    expect(await (await attachment.open()).text()).toBe('again');
  });

  it('says the file can no longer be found when the copy vanished', async () => {
    const file = await copy('tok', Buffer.from('abc'));
    const attachment = attachmentFromFile({ filename: 'gone.pdf', mimeType: 'application/pdf', size: 3, path: file });
    await unlink(file);
    const failure = await failureOf(attachment.open());
    const sentence = 'The attachment "gone.pdf" can no longer be found on disk. Attach it again or remove it.';
    expect(failure).toEqual({ kind: 'validation', message: sentence, fields: [{ field: 'attachments', message: sentence }] });
  });

  it('says the file can no longer be found when a folder stands where the copy was', async () => {
    const where = path.join(dir, 'tok');
    await mkdir(where);
    const failure = await failureOf(attachmentFromFile({ filename: 'odd.txt', mimeType: 'text/plain', size: 0, path: where }).open());
    expect(failure.message).toBe('The attachment "odd.txt" can no longer be found on disk. Attach it again or remove it.');
  });

  it('says the file changed when its size is not the one attached', async () => {
    const file = await copy('tok', Buffer.from('now much longer'));
    const failure = await failureOf(attachmentFromFile({ filename: 'grew.txt', mimeType: 'text/plain', size: 3, path: file }).open());
    expect(failure).toMatchObject({ kind: 'validation', fields: [{ field: 'attachments' }] });
    expect(failure.message).toBe('The attachment "grew.txt" changed on disk after it was attached. Attach it again.');
  });
});
