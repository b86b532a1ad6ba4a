/* eslint-disable security/detect-non-literal-fs-filename -- reading the attachment files the user chose is this module's one job; their paths come from main, never from the renderer. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { SendError, type OutgoingAttachment } from './types.js';

function refuse(message: string): SendError {
  return new SendError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
}

function vanished(attachment: OutgoingAttachment): SendError {
  return refuse(`The attachment "${attachment.filename}" can no longer be found on disk. Attach it again or remove it.`);
}

function changed(attachment: OutgoingAttachment): SendError {
  return refuse(`The attachment "${attachment.filename}" changed on disk after it was attached. Attach it again.`);
}

/**
 * The user chose the file earlier; by Send it may be gone or rewritten. Checking before any
 * request leaves gives a refusal naming the file instead of a half-sent message.
 */
export async function checkAttachment(attachment: OutgoingAttachment): Promise<void> {
  let size: number;
  try {
    const info = await stat(attachment.path);
    if (!info.isFile()) throw vanished(attachment);
    size = info.size;
  } catch (error) {
    if (error instanceof SendError) throw error;
    throw vanished(attachment);
  }
  if (size !== attachment.size) throw changed(attachment);
}

/** The whole file, for vendors that take attachments inline (base64 in JSON). */
export async function readAttachment(attachment: OutgoingAttachment): Promise<Buffer> {
  await checkAttachment(attachment);
  let bytes: Buffer;
  try {
    bytes = await readFile(attachment.path);
  } catch {
    throw vanished(attachment);
  }
  // Re-checked on the bytes actually read: the file may change between stat and read.
  if (bytes.length !== attachment.size) throw changed(attachment);
  return bytes;
}

/** Size and SHA-256, streamed so a large file is never held whole. */
export async function hashAttachment(attachment: OutgoingAttachment): Promise<{ size: number; sha256: string }> {
  await checkAttachment(attachment);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(attachment.path)) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      hash.update(buffer);
    }
  } catch {
    throw vanished(attachment);
  }
  if (size !== attachment.size) throw changed(attachment);
  return { size, sha256: hash.digest('hex') };
}
