/* eslint-disable security/detect-non-literal-fs-filename -- the paths are the attachments service's own copies under <dataDir>/attachments, never a path from the renderer. */
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ServiceError } from '../../../shared/service-error.js';
import type { OutgoingAttachment } from '../../../shared/outgoing.js';

/** One stored copy: where it is and what it was when it was stored. */
export interface AttachmentFile {
  filename: string;
  mimeType: string;
  /** Size when the copy was made; every open re-checks it. */
  size: number;
  path: string;
}

// ServiceError, not ServiceError: open() runs inside a provider's send, whose failures the outbox
// reads as ServiceError; a validation failure is final, so the message is kept and the user told.
function refuse(message: string): ServiceError {
  return new ServiceError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
}

function vanished(file: AttachmentFile): ServiceError {
  return refuse(`The attachment "${file.filename}" can no longer be found on disk. Attach it again or remove it.`);
}

function changed(file: AttachmentFile): ServiceError {
  return refuse(`The attachment "${file.filename}" changed on disk after it was attached. Attach it again.`);
}

/**
 * Opens the copy at send time. Until then it may have been deleted or rewritten behind the
 * app's back; checking here, before any request leaves, gives a refusal naming the file rather
 * than a half-sent message. `openAsBlob` gives a Blob that streams from disk as it is read, so
 * a 25 MB file is never held in memory; its size is compared again because the file may change
 * between the stat and the open.
 */
async function openChecked(file: AttachmentFile): Promise<Blob> {
  let size: number;
  try {
    const info = await stat(file.path);
    if (!info.isFile()) throw vanished(file);
    size = info.size;
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw vanished(file);
  }
  if (size !== file.size) throw changed(file);
  let blob: Blob;
  try {
    blob = await openAsBlob(file.path, { type: file.mimeType });
  } catch {
    throw vanished(file);
  }
  if (blob.size !== file.size) throw changed(file);
  return blob;
}

/**
 * What a provider receives for one attachment: its name, type and size, and `open()`, which
 * re-checks the file and hands back a Blob to stream. The path stays here, out of the providers.
 */
export function attachmentFromFile(file: AttachmentFile): OutgoingAttachment {
  const { filename, mimeType, size } = file;
  return { filename, mimeType, size, open: () => openChecked(file) };
}
